// The ladder's must-holds: court orders forbid consequences; subpoenas wait for the deadline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEscalation } from './check-escalation.ts';
import { defaultStatusRecords } from '../testing/load-default-dataset.ts';
import { isoDate } from '../shared/iso-date.ts';
import type { EscalationStep } from './escalation-step.ts';

const records = defaultStatusRecords();
const P = 'ocd-division/country:us/';
const check = (j: string, step: EscalationStep, asOf: string, isDryRun = true, signedOffBy?: string) => {
  const jurisdiction = records.jurisdictions.find((x) => x.id === P + j);
  assert.ok(jurisdiction, j);
  return checkEscalation({
    records,
    jurisdiction,
    step,
    asOf: isoDate(asOf),
    isDryRun,
    ...(signedOffBy ? { signedOffBy } : {}),
  });
};

test('withholding from Philadelphia on 2017-12-01 is refused, naming its injunction', () => {
  const d = check('state:pa/place:philadelphia', 'withhold', '2017-12-01');
  assert.equal(d.allowed, false);
  assert.deepEqual(
    d.blockedBy.map((b) => b.ruling),
    ['philadelphia-v-sessions-pi-2017-11-15'],
  );
  assert.ok(
    d.reasons.some((r) => r.includes('City of Philadelphia v. Sessions')),
    d.reasons.join('\n'),
  );
});

test('withholding from Philadelphia before its injunction (2017-11-01) is not blocked by a court', () => {
  const d = check('state:pa/place:philadelphia', 'withhold', '2017-11-01');
  assert.deepEqual(d.blockedBy, []);
  assert.equal(d.allowed, true, d.reasons.join('\n'));
});

test('a subpoena to Denver is refused on 2018-02-20 (deadline not passed) and allowed on 2018-02-26', () => {
  const before = check('state:co/place:denver', 'subpoena', '2018-02-20');
  assert.equal(before.allowed, false);
  assert.ok(
    before.reasons.some((r) => r.includes('2018-02-23 has not passed')),
    before.reasons.join('\n'),
  );
  const after = check('state:co/place:denver', 'subpoena', '2018-02-26');
  assert.equal(after.allowed, true, after.reasons.join('\n'));
  assert.ok(after.reasons.some((r) => r.includes('no response on record')));
});

test('a subpoena to Chicago on 2018-02-26 is refused: its answer of 2018-02-23 is on record', () => {
  const d = check('state:il/place:chicago', 'subpoena', '2018-02-26');
  assert.equal(d.allowed, false);
  assert.ok(
    d.reasons.some((r) => r.includes('response is on record')),
    d.reasons.join('\n'),
  );
});

test('a subpoena needs a document request: Philadelphia had none', () => {
  const d = check('state:pa/place:philadelphia', 'subpoena', '2018-03-01');
  assert.equal(d.allowed, false);
  assert.ok(d.reasons.some((r) => r.includes('no document request')));
});

test('outside a dry run, a consequence needs a named reviewer’s sign-off', () => {
  assert.equal(check('state:co/place:denver', 'subpoena', '2018-02-26', false).allowed, false);
  assert.equal(
    check('state:co/place:denver', 'subpoena', '2018-02-26', false, 'analyst@example.gov').allowed,
    true,
  );
});

test('withholding from California after its judgment (2018-12-01) is refused, naming California v. Sessions', () => {
  const d = check('state:ca', 'withhold', '2018-12-01');
  assert.equal(d.allowed, false);
  assert.ok(d.blockedBy.some((b) => b.ruling === 'california-v-sessions-2018-11-20'));
});

test('a cleared jurisdiction cannot be penalised: West Palm Beach on 2018-04-01', () => {
  const d = check('state:fl/place:west_palm_beach', 'withhold', '2018-04-01');
  assert.equal(d.allowed, false);
  assert.ok(d.reasons.some((r) => r.includes('"cleared"')));
});
