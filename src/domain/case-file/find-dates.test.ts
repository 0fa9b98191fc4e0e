// Date expressions resolved against the document's date: weekdays, "last/next/this", month only, years, rollover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IsoDate } from '../shared/brand.ts';
import { findDates, nearestYear, resolveMonth, resolveWeekday } from './find-dates.ts';

const d = (s: string): IsoDate => s as IsoDate;
const one = (text: string, ref: string | undefined) => {
  const found = findDates(text, ref ? d(ref) : undefined);
  assert.equal(found.length, 1, `${text}: ${JSON.stringify(found)}`);
  return found[0] as (typeof found)[number];
};

// [text, document date, expected date, precision, role]
const TABLE: readonly (readonly [string, string, string, string, 'point' | 'deadline'])[] = [
  // A bare weekday is the most recent one on or before the document's date; the same day when it is that weekday.
  ['The department on Wednesday sent letters', '2018-01-25', '2018-01-24', 'day', 'point'],
  ['The department on Wednesday sent letters', '2018-01-24', '2018-01-24', 'day', 'point'],
  ['It said Thursday that', '2018-01-24', '2018-01-18', 'day', 'point'],
  ['Chicago answered on Friday', '2018-02-23', '2018-02-23', 'day', 'point'],
  // "last" is strictly before; "next" strictly after; "this" is the day of the same Monday-to-Sunday week.
  ['last Wednesday', '2018-01-24', '2018-01-17', 'day', 'point'],
  ['last Wednesday', '2018-01-26', '2018-01-24', 'day', 'point'],
  ['next Friday', '2018-01-24', '2018-01-26', 'day', 'point'],
  ['next Wednesday', '2018-01-24', '2018-01-31', 'day', 'point'],
  ['this Friday', '2018-01-24', '2018-01-26', 'day', 'point'],
  ['this Monday', '2018-01-24', '2018-01-22', 'day', 'point'],
  ['this past Monday', '2018-01-22', '2018-01-15', 'day', 'point'],
  // A weekday after "by" or "until" is a due date, on or after the document's date.
  ['must answer by Friday', '2018-01-24', '2018-01-26', 'day', 'deadline'],
  ['until Wednesday', '2018-01-24', '2018-01-24', 'day', 'deadline'],
  // A month and day without a year: the year nearest the document's date, across the new year both ways.
  ['by Feb. 23', '2018-01-24', '2018-02-23', 'day', 'deadline'],
  ['gave them until Dec. 8 to respond', '2017-11-16', '2017-12-08', 'day', 'deadline'],
  ['the Dec. 8 deadline', '2018-01-05', '2017-12-08', 'day', 'deadline'],
  ['on Jan. 24', '2017-12-30', '2018-01-24', 'day', 'point'],
  ['a Feb. 23 deadline', '2018-01-25', '2018-02-23', 'day', 'deadline'],
  ['and set Friday as the deadline', '2018-02-23', '2018-02-23', 'day', 'deadline'],
  // Full dates in the forms the record uses.
  ['Feb. 23, 2018', '2017-01-01', '2018-02-23', 'day', 'point'],
  ['no later than February 23, 2018', '2018-01-24', '2018-02-23', 'day', 'deadline'],
  ['Wednesday, January 24, 2018', '2018-01-24', '2018-01-24', 'day', 'point'],
  ['on 24 January 2018', '2018-03-01', '2018-01-24', 'day', 'point'],
  ['filed 2018-01-24', '2018-03-01', '2018-01-24', 'day', 'point'],
  ['dated 1/24/2018', '2018-03-01', '2018-01-24', 'day', 'point'],
  ['Sept. 15, 2017', '2018-03-01', '2017-09-15', 'day', 'point'],
  ['JANUARY 24, 2018', '2018-03-01', '2018-01-24', 'day', 'point'],
  // A month alone is the most recent such month not after the document's date (its own month counts).
  ['in November', '2018-01-25', '2017-11-01', 'month', 'point'],
  ['in November', '2017-11-16', '2017-11-01', 'month', 'point'],
  ['in April', '2017-11-16', '2017-04-01', 'month', 'point'],
  ['in December', '2018-01-05', '2017-12-01', 'month', 'point'],
  ['last November', '2017-11-20', '2016-11-01', 'month', 'point'],
  ['next March', '2018-01-05', '2018-03-01', 'month', 'point'],
  ['by June', '2018-01-05', '2018-06-01', 'month', 'deadline'],
  ['in November 2017', '2019-05-01', '2017-11-01', 'month', 'point'],
  ['early October 2017', '2019-05-01', '2017-10-01', 'month', 'point'],
  // Relative periods.
  ['last year', '2018-01-25', '2017-01-01', 'year', 'point'],
  ['late last year', '2018-01-25', '2017-01-01', 'year', 'point'],
  ['this year', '2018-01-25', '2018-01-01', 'year', 'point'],
  ['this week', '2018-01-26', '2018-01-22', 'week', 'point'],
  ['this week', '2018-01-28', '2018-01-22', 'week', 'point'],
  ['last week', '2018-02-02', '2018-01-22', 'week', 'point'],
  ['last month', '2018-01-10', '2017-12-01', 'month', 'point'],
  ['earlier this month', '2018-01-25', '2018-01-01', 'month', 'point'],
  ['today', '2018-03-27', '2018-03-27', 'day', 'point'],
  ['yesterday', '2018-03-01', '2018-02-28', 'day', 'point'],
  ['in 2017', '2019-01-01', '2017-01-01', 'year', 'point'],
];

for (const [text, ref, date, precision, role] of TABLE) {
  test(`"${text}" in a document of ${ref} is ${date} (${precision}, ${role})`, () => {
    const found = one(text, ref);
    assert.equal(found.date, date);
    assert.equal(found.precision, precision);
    assert.equal(found.role, role);
  });
}

test('spans are the expression itself, so the text can be shown', () => {
  const text = 'The department on Wednesday sent letters, due by Feb. 23.';
  for (const f of findDates(text, d('2018-01-25')))
    assert.match(text.slice(f.start, f.end), /Wednesday|Feb\. 23/);
});

test('without a document date only expressions that carry their year resolve', () => {
  assert.deepEqual(findDates('on Wednesday, by Feb. 23, in November', undefined), []);
  assert.equal(one('on Jan. 24, 2018', undefined).date, '2018-01-24');
});

test('"May" the verb, fiscal years and impossible days are not dates', () => {
  assert.deepEqual(findDates('the jurisdictions may 2 ways', d('2018-01-25')), []);
  assert.deepEqual(findDates('in FY 2016 and fiscal year 2017', d('2018-01-25')), []);
  assert.deepEqual(findDates('Feb. 30, 2018', d('2018-01-25')), []);
  assert.deepEqual(findDates('the cities may comply', d('2018-01-25')), []);
});

test('a range keeps its first day', () => {
  assert.equal(one('on Oct. 11-12, 2017', '2017-10-20').date, '2017-10-11');
});

test('weekday and month helpers roll over years', () => {
  assert.equal(resolveWeekday(d('2018-01-01'), 5, 'on-or-before'), '2017-12-29');
  assert.equal(resolveWeekday(d('2017-12-29'), 1, 'after'), '2018-01-01');
  assert.equal(resolveWeekday(d('2018-01-07'), 1, 'same-week'), '2018-01-01');
  assert.equal(resolveMonth(d('2018-01-15'), 12, 'on-or-before'), '2017-12-01');
  assert.equal(resolveMonth(d('2017-12-15'), 1, 'on-or-after'), '2018-01-01');
  assert.equal(nearestYear(d('2017-12-20'), 1, 5), '2018-01-05');
  assert.equal(nearestYear(d('2018-01-03'), 12, 20), '2017-12-20');
  // February 29 exists in none of 2017, 2018, 2019: no date rather than March 1.
  assert.equal(nearestYear(d('2018-06-01'), 2, 29), undefined);
  assert.equal(nearestYear(d('2019-06-01'), 2, 29), '2020-02-29');
});
