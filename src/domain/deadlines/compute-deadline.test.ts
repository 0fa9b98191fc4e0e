// Table-driven deadline arithmetic: weekends, holidays, observed holidays and month ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeDeadline } from './compute-deadline.ts';
import { parseDeadlineRule } from './deadline-rule.ts';
import { federalHolidays } from './federal-holidays.ts';
import { isoDate } from '../shared/iso-date.ts';
import { DomainError } from '../shared/domain-error.ts';

const cases: [string, string, string, string][] = [
  [
    'the 2018-01-24 document requests fall due 30 calendar days later',
    '2018-01-24',
    '30 calendar days',
    '2018-02-23',
  ],
  ['15 business days from 2017-11-15 skip Thanksgiving', '2017-11-15', '15 business days', '2017-12-07'],
  ['a calendar deadline on a Saturday rolls to Monday', '2018-01-27', '30 calendar days', '2018-02-26'],
  ['a calendar deadline rolls past Presidents Day', '2018-01-20', '30 calendar days', '2018-02-20'],
  ['month end: 30 days from January 31 lands in March', '2018-01-31', '30 calendar days', '2018-03-02'],
  ['leap year: 1 calendar day from 2016-02-28 is the 29th', '2016-02-28', '1 calendar day', '2016-02-29'],
  [
    'business days skip an observed Independence Day (2015-07-03)',
    '2015-07-01',
    '2 business days',
    '2015-07-06',
  ],
  ['New Year observed on the prior Friday (2021-12-31)', '2021-12-30', '1 business days', '2022-01-03'],
  ['business days across Christmas and a weekend', '2017-12-22', '1 business days', '2017-12-26'],
  ['a fixed date stays where the letter put it', '2017-11-15', 'by 2017-12-08', '2017-12-08'],
  [
    'calendar deadline that lands on Thanksgiving moves to Friday',
    '2017-10-24',
    '30 calendar days',
    '2017-11-24',
  ],
];

for (const [name, from, rule, due] of cases) {
  test(name, () => {
    assert.equal(computeDeadline(isoDate(from), parseDeadlineRule(rule)).due, due);
  });
}

test('no-roll deadline that lands on a Sunday stays on the Sunday', () => {
  const d = computeDeadline(isoDate('2018-01-26'), parseDeadlineRule('30 calendar days, no roll'));
  assert.equal(d.due, '2018-02-25');
});

test('the trace names each skipped holiday', () => {
  const d = computeDeadline(isoDate('2017-11-15'), parseDeadlineRule('15 business days'));
  const skipped = d.trace.filter((s) => s.note.startsWith('skipped'));
  assert.deepEqual(
    skipped.map((s) => [s.date, s.note]),
    [['2017-11-23', 'skipped: Thanksgiving Day']],
  );
  assert.equal(d.ruleText, '15 business days');
  assert.match(d.ruleVersion, /^deadline-rules\//);
});

test('the trace names an observed holiday with its legal date', () => {
  const d = computeDeadline(isoDate('2017-12-20'), parseDeadlineRule('5 business days'));
  assert.ok(d.trace.some((s) => s.note.includes('Christmas Day')));
  const d2 = computeDeadline(isoDate('2017-01-01'), parseDeadlineRule('1 business days'));
  assert.equal(d2.due, '2017-01-03');
  assert.ok(d2.trace.some((s) => s.note.includes("New Year's Day (observed; falls on 2017-01-01)")));
});

test('federal holidays of 2018 with observed dates', () => {
  const h = federalHolidays(2018).map((x) => `${x.name}=${x.observed}`);
  assert.deepEqual(h, [
    "New Year's Day=2018-01-01",
    'Birthday of Martin Luther King, Jr.=2018-01-15',
    "Washington's Birthday=2018-02-19",
    'Memorial Day=2018-05-28',
    'Independence Day=2018-07-04',
    'Labor Day=2018-09-03',
    'Columbus Day=2018-10-08',
    'Veterans Day=2018-11-12',
    'Thanksgiving Day=2018-11-22',
    'Christmas Day=2018-12-25',
  ]);
});

test('Juneteenth counts only from 2021', () => {
  assert.equal(
    federalHolidays(2020).some((h) => h.name.startsWith('Juneteenth')),
    false,
  );
  assert.equal(federalHolidays(2021).find((h) => h.name.startsWith('Juneteenth'))?.observed, '2021-06-18');
});

test('malformed rules are refused with a clear reason', () => {
  for (const bad of ['thirty days', '0 calendar days', '15 fortnights', 'by 2018-02-30', '']) {
    assert.throws(
      () => parseDeadlineRule(bad),
      (e: unknown) => e instanceof DomainError,
    );
  }
});

test('a fixed date before the trigger is refused', () => {
  assert.throws(
    () => computeDeadline(isoDate('2018-03-01'), parseDeadlineRule('by 2018-02-01')),
    /before the trigger/,
  );
});
