// Extensions and pauses move a deadline without losing the old one, and count only from the day granted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeStatus } from '../status/compute-status.ts';
import { defaultStatusRecords } from '../testing/load-default-dataset.ts';
import { isoDate } from '../shared/iso-date.ts';
import type { DeadlineAdjustment } from './campaign.ts';
import type { OcdId, WaveId } from '../shared/brand.ts';

const base = defaultStatusRecords();
const DENVER = 'ocd-division/country:us/state:co/place:denver' as OcdId;
const WAVE = '2018-01-24-document-requests' as WaveId;
const adj = (
  a: Partial<DeadlineAdjustment> & Pick<DeadlineAdjustment, 'kind' | 'granted'>,
): DeadlineAdjustment => ({
  id: `a-${a.kind}-${a.granted}`,
  wave: WAVE,
  jurisdiction: DENVER,
  reason: 'counsel asked for time',
  grantedBy: 'analyst@example.gov',
  ...a,
});
const request = (adjustments: DeadlineAdjustment[], asOf: string) =>
  computeStatus(
    { ...base, adjustments },
    { asOf: isoDate(asOf), jurisdiction: DENVER },
  ).jurisdictions[0]?.requests.find((r) => r.wave === WAVE);

test('an extension granted 2018-02-20 to 2018-03-09 keeps Denver open on 2018-03-01, overdue on 2018-03-10', () => {
  const ext = [adj({ kind: 'extension', granted: isoDate('2018-02-20'), newDue: isoDate('2018-03-09') })];
  assert.equal(request(ext, '2018-03-01')?.state, 'open');
  assert.equal(request(ext, '2018-03-01')?.due, '2018-03-09');
  assert.equal(request(ext, '2018-03-10')?.state, 'overdue');
  const h = request(ext, '2018-03-01')?.dueHistory.map((x) => x.due);
  assert.deepEqual(h, ['2018-02-23', '2018-03-09']);
});

test('an extension does not count before the day it was granted', () => {
  const ext = [adj({ kind: 'extension', granted: isoDate('2018-02-27'), newDue: isoDate('2018-03-09') })];
  assert.equal(request(ext, '2018-02-26')?.state, 'overdue');
  assert.equal(request(ext, '2018-02-27')?.state, 'open');
});

test('a pause stops the clock and a resume adds the paused days back', () => {
  const p = [
    adj({ kind: 'pause', granted: isoDate('2018-02-10') }),
    adj({ kind: 'resume', granted: isoDate('2018-02-20') }),
  ];
  const paused = request(p.slice(0, 1), '2018-03-01');
  assert.equal(paused?.isPaused, true);
  assert.equal(paused?.state, 'open');
  const resumed = request(p, '2018-03-01');
  assert.equal(resumed?.due, '2018-03-05');
  assert.equal(resumed?.state, 'open');
  assert.equal(request(p, '2018-03-06')?.state, 'overdue');
});
