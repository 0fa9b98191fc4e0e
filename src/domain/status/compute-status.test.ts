// The must-hold scenarios, checked against the default dataset of the 2016–2019 campaign.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeStatus, type JurisdictionStatus, type StatusReport } from './compute-status.ts';
import { defaultStatusRecords } from '../testing/load-default-dataset.ts';
import { isoDate } from '../shared/iso-date.ts';
import type { OcdId } from '../shared/brand.ts';

const records = defaultStatusRecords();
const P = 'ocd-division/country:us/';
const JAN_23 = [
  'state:il/place:chicago',
  'state:il/county:cook',
  'state:ny/place:new_york',
  'state:ca',
  'state:ny/place:albany',
  'state:ca/place:berkeley',
  'state:nm/county:bernalillo',
  'state:vt/place:burlington',
  'state:co/place:denver',
  'state:ca/place:fremont',
  'state:ms/place:jackson',
  'state:wa/county:king',
  'state:ma/place:lawrence',
  'state:ca/place:los_angeles',
  'state:ky/county:jefferson',
  'state:ca/county:monterey',
  'state:ca/county:sacramento',
  'state:ca/place:san_francisco',
  'state:ca/county:sonoma',
  'state:ca/place:watsonville',
  'state:fl/place:west_palm_beach',
  'state:il',
  'state:or',
].map((s) => P + s);

const status = (asOf: string, jurisdiction?: string, knownAt?: string): StatusReport =>
  computeStatus(records, {
    asOf: isoDate(asOf),
    ...(knownAt ? { knownAt: isoDate(knownAt) } : {}),
    ...(jurisdiction ? { jurisdiction: (P + jurisdiction) as OcdId } : {}),
  });
const one = (asOf: string, j: string): JurisdictionStatus => {
  const s = status(asOf, j).jurisdictions[0];
  assert.ok(s, `no status for ${j}`);
  return s;
};
const condition = (s: JurisdictionStatus, id: string) => {
  const c = s.conditions.find((x) => x.requirement === id);
  assert.ok(c, `no condition ${id}`);
  return c;
};
const janRequest = (s: JurisdictionStatus) => s.requests.find((r) => r.sent === '2018-01-24');

test('as of 2018-02-24 each of the 23 has a 2018-01-24 request due 2018-02-23 and none is still open', () => {
  const report = status('2018-02-24');
  for (const id of JAN_23) {
    const j = report.jurisdictions.find((x) => x.id === id);
    assert.ok(j, `${id} missing`);
    const r = janRequest(j);
    assert.ok(r, `${id} has no 2018-01-24 request`);
    assert.equal(r.due, '2018-02-23');
    assert.notEqual(r.state, 'open', `${id} still open`);
  }
});

test('Chicago and Cook County answered on 2018-02-23: responded as of 02-24, open as of 02-01', () => {
  for (const j of ['state:il/place:chicago', 'state:il/county:cook']) {
    assert.equal(janRequest(one('2018-02-24', j))?.state, 'responded');
    assert.equal(janRequest(one('2018-02-01', j))?.state, 'open');
  }
});

test('a recipient with no response on record is overdue the day after the deadline, not before', () => {
  assert.equal(janRequest(one('2018-02-23', 'state:co/place:denver'))?.state, 'open');
  const r = janRequest(one('2018-02-24', 'state:co/place:denver'));
  assert.equal(r?.state, 'overdue');
  assert.equal(r?.response, null);
});

test('West Palm Beach: overdue, then closed by its clearance of 2018-03-27', () => {
  assert.equal(janRequest(one('2018-03-26', 'state:fl/place:west_palm_beach'))?.state, 'overdue');
  const s = one('2018-03-27', 'state:fl/place:west_palm_beach');
  assert.equal(janRequest(s)?.state, 'closed');
  assert.equal(s.determination?.kind, 'cleared');
});

test('the deadline is stored with its rule and trace', () => {
  const r = janRequest(one('2018-02-24', 'state:co/place:denver'));
  assert.equal(r?.rule, '30 calendar days');
  assert.ok(r?.trace.some((t) => t.date === '2018-02-23'));
});

test('Denver, 2018-01-24: access and notice not enforceable because of the Chicago injunction', () => {
  const s = one('2018-01-24', 'state:co/place:denver');
  for (const id of ['jag-fy2017-access', 'jag-fy2017-notice']) {
    const c = condition(s, id);
    assert.equal(c.enforceable, false);
    assert.ok(
      c.because.some((b) => b.includes('City of Chicago v. Sessions') && b.includes('nationwide')),
      c.because.join(' | '),
    );
    assert.deepEqual(c.blockedBy, ['chicago-v-sessions-pi-2017-09-15']);
  }
  assert.equal(condition(s, 'jag-fy2017-1373-compliance').enforceable, true);
});

test('Denver, 2017-09-01: access and notice enforceable (before the injunction)', () => {
  const s = one('2017-09-01', 'state:co/place:denver');
  assert.equal(condition(s, 'jag-fy2017-access').enforceable, true);
  assert.equal(condition(s, 'jag-fy2017-notice').enforceable, true);
});

test('Denver after the 7th Circuit stayed the nationwide scope (2018-07-01): enforceable again, and the reason says why', () => {
  const c = condition(one('2018-07-01', 'state:co/place:denver'), 'jag-fy2017-access');
  assert.equal(c.enforceable, true);
  assert.ok(
    c.because.some((b) => b.includes('narrowed')),
    c.because.join(' | '),
  );
});

test('Chicago: § 1373 condition enforceable on 2018-01-24, not on 2018-08-01', () => {
  assert.equal(
    condition(one('2018-01-24', 'state:il/place:chicago'), 'jag-fy2017-1373-compliance').enforceable,
    true,
  );
  const c = condition(one('2018-08-01', 'state:il/place:chicago'), 'jag-fy2017-1373-compliance');
  assert.equal(c.enforceable, false);
  assert.ok(c.because.some((b) => b.includes('City of Chicago v. Sessions') && b.includes('2018-07-27')));
});

test('Philadelphia on 2017-12-01: none of the three FY2017 conditions enforceable, each naming its own case', () => {
  const s = one('2017-12-01', 'state:pa/place:philadelphia');
  for (const id of ['jag-fy2017-1373-compliance', 'jag-fy2017-access', 'jag-fy2017-notice']) {
    const c = condition(s, id);
    assert.equal(c.enforceable, false, id);
    assert.ok(
      c.because.some((b) => b.includes('City of Philadelphia v. Sessions')),
      `${id}: ${c.because.join(' | ')}`,
    );
  }
});

test('California on 2018-12-01: none of the three FY2017 conditions enforceable, each naming its own case', () => {
  const s = one('2018-12-01', 'state:ca');
  for (const id of ['jag-fy2017-1373-compliance', 'jag-fy2017-access', 'jag-fy2017-notice']) {
    const c = condition(s, id);
    assert.equal(c.enforceable, false, id);
    assert.ok(
      c.because.some((b) => b.includes('State of California ex rel. Becerra v. Sessions')),
      c.because.join(' | '),
    );
  }
});

test('a California subdivision is covered by the state judgment (Sonoma County, 2018-12-01)', () => {
  assert.equal(
    condition(one('2018-12-01', 'state:ca/county:sonoma'), 'jag-fy2017-notice').enforceable,
    false,
  );
});

test('New York City: blocked after S.D.N.Y. (2019-01-01), enforceable again after the 2d Circuit reversed (2020-03-01)', () => {
  assert.equal(
    condition(one('2019-01-01', 'state:ny/place:new_york'), 'jag-fy2017-1373-compliance').enforceable,
    false,
  );
  const c = condition(one('2020-03-01', 'state:ny/place:new_york'), 'jag-fy2017-1373-compliance');
  assert.equal(c.enforceable, true);
  assert.ok(
    c.because.some((b) => b.includes('reversed by 2d Cir.')),
    c.because.join(' | '),
  );
});

test('FY2017 conditions do not exist before they were announced on 2017-07-25', () => {
  const c = condition(one('2017-07-24', 'state:co/place:denver'), 'jag-fy2017-access');
  assert.equal(c.inForce, false);
  assert.equal(c.enforceable, false);
  assert.match(c.because[0] ?? '', /not yet in force/);
});

test('knownAt hides what the record did not yet hold: on 2018-02-01 nobody knew of the 02-23 answers', () => {
  const s = status('2018-03-01', 'state:il/place:chicago', '2018-02-01').jurisdictions[0];
  assert.equal(s && janRequest(s)?.state, 'overdue');
  const later = status('2018-03-01', 'state:il/place:chicago').jurisdictions[0];
  assert.equal(later && janRequest(later)?.state, 'responded');
});

test('without --jurisdiction only jurisdictions with a request sent by asOf are listed', () => {
  assert.equal(status('2017-01-01').jurisdictions.length, 0);
  assert.equal(status('2017-04-21').jurisdictions.length, 9);
  assert.ok(status('2018-02-24').jurisdictions.length >= 23 + 10);
});

test('a named jurisdiction without requests is still listed with its conditions', () => {
  const s = status('2018-01-01', 'state:il/place:evanston').jurisdictions[0];
  assert.ok(s);
  assert.equal(s.requests.length, 0);
  assert.equal(s.conditions.length, 7);
});

test('the determination is the latest on record: Oregon still a possible violation in 2019-03, others cleared', () => {
  assert.equal(one('2019-03-01', 'state:or').determination?.kind, 'possible-violation');
  assert.equal(one('2019-03-01', 'state:ny/place:albany').determination?.kind, 'cleared');
  assert.equal(one('2019-01-01', 'state:ny/place:albany').determination?.kind, 'possible-violation');
});

test('an alias id finds the consolidated government (Denver county id)', () => {
  const s = status('2018-02-24', 'state:co/county:denver').jurisdictions[0];
  assert.equal(s?.id, P + 'state:co/place:denver');
});

test('Denver’s FY2017 award of 2018-10-10 explains its conditions only from that date', () => {
  const before = condition(one('2018-02-24', 'state:co/place:denver'), 'jag-fy2017-1373-compliance');
  assert.ok(before.because[0]?.includes('application presumed'), before.because[0]);
  const after = condition(one('2018-10-10', 'state:co/place:denver'), 'jag-fy2017-1373-compliance');
  assert.ok(after.because[0]?.includes('award received 2018-10-10'), after.because[0]);
});

test('map categories: Chicago in litigation after its judgment, Denver overdue, West Palm Beach cleared', () => {
  assert.equal(one('2018-08-01', 'state:il/place:chicago').category, 'in-litigation');
  assert.equal(one('2018-02-24', 'state:il/place:chicago').category, 'in-litigation');
  assert.equal(one('2017-09-01', 'state:il/place:chicago').category, 'responded');
  assert.equal(one('2018-02-24', 'state:co/place:denver').category, 'overdue');
  assert.equal(one('2017-09-01', 'state:co/place:denver').category, 'targeted');
  assert.equal(one('2018-03-27', 'state:fl/place:west_palm_beach').category, 'cleared');
  assert.equal(one('2018-12-01', 'state:ca').category, 'in-litigation');
  assert.equal(one('2018-12-01', 'state:ca/county:sonoma').category, 'overdue');
});
