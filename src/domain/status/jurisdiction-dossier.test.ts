// The jurisdiction page's data: timeline in date order, future events marked, money with qualifiers, sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jurisdictionDossier } from './jurisdiction-dossier.ts';
import { defaultStatusRecords, loadDefaultDataset } from '../testing/load-default-dataset.ts';
import { campaignBoard } from '../campaign/campaign-board.ts';
import { isoDate } from '../shared/iso-date.ts';
import type { OcdId } from '../shared/brand.ts';

const records = defaultStatusRecords();
const sources = loadDefaultDataset().sources;
const P = 'ocd-division/country:us/';

test('Chicago’s timeline runs from the April 2017 letter through its own case, in date order', () => {
  const d = jurisdictionDossier(records, sources, {
    id: `${P}state:il/place:chicago` as OcdId,
    asOf: isoDate('2018-03-01'),
  });
  const dates = d.timeline.map((e) => e.date);
  assert.deepEqual(dates, [...dates].sort());
  assert.equal(d.timeline[0]?.kind, 'letter');
  assert.ok(
    d.timeline.some((e) => e.kind === 'ruling' && e.title.includes('(party)') && e.date === '2017-09-15'),
  );
  assert.ok(d.timeline.some((e) => e.kind === 'response' && e.date === '2018-02-23'));
  const final = d.timeline.find((e) => e.date === '2018-07-27');
  assert.equal(final?.isFuture, true);
});

test('Denver’s timeline shows the Chicago injunction that covered it, and its award', () => {
  const d = jurisdictionDossier(records, sources, {
    id: `${P}state:co/place:denver` as OcdId,
    asOf: isoDate('2019-01-01'),
  });
  assert.ok(
    d.timeline.some(
      (e) =>
        e.kind === 'ruling' &&
        e.title.startsWith('City of Chicago v. Sessions') &&
        !e.title.includes('(party)'),
    ),
  );
  assert.ok(d.timeline.some((e) => e.kind === 'award' && e.date === '2018-10-10'));
  assert.ok(
    !d.timeline.some((e) => e.title.includes('Philadelphia')),
    'rulings for others do not clutter it',
  );
});

test('money on record keeps each amount with its qualifier and source; every cited source is listed', () => {
  const d = jurisdictionDossier(records, sources, {
    id: `${P}state:il/place:chicago` as OcdId,
    asOf: isoDate('2018-03-01'),
  });
  const fy16 = d.money.find((m) => m.fiscalYear === 2016);
  assert.deepEqual(
    fy16?.amounts.map((a) => [a.amount, a.qualifier]),
    [
      [2100000, 'about'],
      [2000000, 'more-than'],
    ],
  );
  const listed = new Set(d.sources.map((s) => s.id));
  for (const e of d.timeline) for (const s of e.sources) assert.ok(listed.has(s), s);
});

test('the campaign board counts each wave’s states as of a date', () => {
  const board = campaignBoard(records, isoDate('2018-02-24'));
  const jan = board.find((w) => w.sent === '2018-01-24');
  assert.equal(jan?.recipients.length, 23);
  assert.equal(jan?.counts.responded, 2);
  assert.equal(jan?.counts.overdue, 21);
  assert.equal(jan?.due, '2018-02-23');
  assert.equal(board.length, 4);
});
