// Findings under the agency and judicial readings of § 1373 and against the FY2017 access and notice conditions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reviewText } from './review-text.ts';
import type { Finding, Interpretation, Provision, ReviewRequirement } from './provision.ts';

const verdict = (p: Provision, requirement: ReviewRequirement, interpretation: Interpretation): Finding => {
  const f = p.findings.find((x) => x.requirement === requirement && x.interpretation === interpretation);
  assert.ok(f, `no finding for ${requirement}/${interpretation}`);
  return f;
};
const first = (text: string): Provision => reviewText(text).provisions.find((p) => p.topics.length > 0)!;

test('a release-date limit conflicts under the agency reading and not under the judicial one (Steinle)', () => {
  const p = first('Jail staff shall not provide release dates to ICE.');
  assert.equal(verdict(p, 'usc-8-1373', 'agency').verdict, 'conflict');
  const judicial = verdict(p, 'usc-8-1373', 'judicial');
  assert.equal(judicial.verdict, 'no-conflict');
  assert.ok(
    judicial.reasons.some(
      (r) =>
        /Steinle v\. San Francisco, 9th Cir\. 2019-03-25/.test(r) && /United States v\. California/.test(r),
    ),
  );
  assert.ok(judicial.rules.includes('judicial-narrow-reading'));
  // The notice condition is read from its own text: both readings conflict.
  assert.equal(verdict(p, 'jag-fy2017-notice', 'agency').verdict, 'conflict');
  assert.equal(verdict(p, 'jag-fy2017-notice', 'judicial').verdict, 'conflict');
  assert.equal(verdict(p, 'jag-fy2017-access', 'judicial').verdict, 'no-conflict');
  for (const f of p.findings) for (const s of f.evidence) assert.equal(p.text.includes(s.text), true);
});

test('a status-disclosure limit with an explicit § 1373 savings clause: no conflict judicially, possible for the agency', () => {
  const p = first(
    'No employee shall disclose information regarding the immigration status of any person, except as required by 8 U.S.C. § 1373.',
  );
  assert.deepEqual(p.topics, ['info-sharing']);
  assert.equal(verdict(p, 'usc-8-1373', 'judicial').verdict, 'no-conflict');
  assert.ok(
    verdict(p, 'usc-8-1373', 'judicial').reasons.some((r) => /savings clause removes the conflict/.test(r)),
  );
  assert.equal(verdict(p, 'usc-8-1373', 'agency').verdict, 'possible-conflict');
  assert.equal(verdict(p, 'jag-fy2017-1373-compliance', 'judicial').verdict, 'no-conflict');
  assert.ok(verdict(p, 'jag-fy2017-1373-compliance', 'agency').rules.includes('jag-2017-1373-condition'));
});

test('"except as required by law" is suspect for the agency and only a possible cure judicially', () => {
  const p = first(
    "No employee shall disclose any person's immigration status to federal immigration authorities, except as required by law.",
  );
  assert.equal(verdict(p, 'usc-8-1373', 'agency').verdict, 'conflict');
  assert.ok(verdict(p, 'usc-8-1373', 'agency').rules.includes('savings-generic-agency'));
  assert.equal(verdict(p, 'usc-8-1373', 'judicial').verdict, 'possible-conflict');
});

test('a status-disclosure limit without any savings clause conflicts under both readings', () => {
  const p = first("No employee shall disclose any person's immigration status to ICE.");
  assert.equal(verdict(p, 'usc-8-1373', 'agency').verdict, 'conflict');
  assert.equal(verdict(p, 'usc-8-1373', 'judicial').verdict, 'conflict');
});

test('declining detainers is not a § 1373 issue under either reading, nor an access or notice issue', () => {
  const p = first('The Sheriff shall decline all ICE detainer requests.');
  for (const requirement of [
    'usc-8-1373',
    'jag-fy2017-1373-compliance',
    'jag-fy2017-access',
    'jag-fy2017-notice',
  ] as const) {
    for (const interpretation of ['agency', 'judicial'] as const)
      assert.equal(verdict(p, requirement, interpretation).verdict, 'no-conflict');
  }
  assert.ok(verdict(p, 'usc-8-1373', 'agency').reasons.some((r) => /detainers are requests/.test(r)));
});

test('a jail-access limit conflicts with the access condition even with a judicial-warrant exception', () => {
  const p = first(
    'ICE agents shall not be given access to inmates in the County jail unless they present a judicial warrant.',
  );
  const f = verdict(p, 'jag-fy2017-access', 'judicial');
  assert.equal(f.verdict, 'conflict');
  assert.ok(f.rules.includes('jag-2017-warrant-no-cure'));
  assert.equal(verdict(p, 'usc-8-1373', 'agency').verdict, 'possible-conflict');
  assert.equal(verdict(p, 'usc-8-1373', 'judicial').verdict, 'no-conflict');
});

test('an access limit on school grounds is only a possible conflict with the (correctional) access condition', () => {
  const p = first('Staff shall not allow ICE agents onto school grounds without written authorization.');
  assert.equal(verdict(p, 'jag-fy2017-access', 'agency').verdict, 'possible-conflict');
  assert.ok(verdict(p, 'jag-fy2017-access', 'agency').rules.includes('jag-2017-access-noncorrectional'));
});

test('status questions: a conflict for the agency (requesting status), none for the courts', () => {
  const p = first('Officers shall not ask any person about his or her immigration status.');
  assert.equal(verdict(p, 'usc-8-1373', 'agency').verdict, 'conflict');
  assert.equal(verdict(p, 'usc-8-1373', 'judicial').verdict, 'no-conflict');
});

test('a savings clause in its own section governs the whole ordinance, with its evidence', () => {
  const text = [
    'Sec. 1. No City employee shall disclose the immigration status of any person to ICE.',
    'Sec. 2. Nothing in this chapter shall prohibit any employee from sending information regarding citizenship or immigration status to ICE as provided in 8 U.S.C. § 1373.',
  ].join('\n');
  const { provisions } = reviewText(text);
  const limit = provisions[0]!;
  assert.deepEqual(limit.modifiers, []);
  assert.equal(limit.appliedModifiers[0]?.modifier, 'savings-clause');
  assert.equal(limit.appliedModifiers[0]?.via, 'scope');
  assert.equal(verdict(limit, 'usc-8-1373', 'judicial').verdict, 'no-conflict');
  const evidence = verdict(limit, 'usc-8-1373', 'judicial').evidence.map((s) => s.text);
  assert.ok(evidence.includes('8 U.S.C. § 1373'), evidence.join(' | '));
});

test('"except as provided in subsection (b)" pulls the carve-out of (b) into the notice finding', () => {
  const text = [
    'Sec. 5. Release notification.',
    '(a) Except as provided in subsection (b), staff shall not notify ICE of the release date of any inmate.',
    '(b) Subsection (a) does not apply to an inmate convicted of a serious or violent felony.',
  ].join('\n');
  const { provisions } = reviewText(text);
  const a = provisions[0]!;
  // (b) names (a) and (a) names (b): either way the carve-out reaches (a), once.
  const carveOuts = a.appliedModifiers.filter((m) => m.modifier === 'serious-crime-carve-out');
  assert.equal(carveOuts.length, 1);
  assert.match(carveOuts[0]!.from, /Sec\. 5\(b\)/);
  assert.equal(verdict(a, 'jag-fy2017-notice', 'agency').verdict, 'possible-conflict');
  assert.equal(verdict(a, 'usc-8-1373', 'agency').verdict, 'conflict');
});

test('the summary counts topics and keeps the worst verdict per requirement and reading', () => {
  const { summary } = reviewText(
    [
      'Sec. 1. The Sheriff shall not honor ICE detainers.',
      'Sec. 2. Jail staff shall not provide release dates to ICE.',
      'Sec. 3. Parking is free on Sundays.',
    ].join('\n'),
  );
  assert.equal(summary.provisions, 3);
  assert.equal(summary.tagged, 2);
  assert.equal(summary.topics.detainer, 1);
  assert.equal(summary.topics['release-notification'], 1);
  assert.deepEqual(summary.worst['usc-8-1373'].agency, { verdict: 'conflict', provisions: ['p2'] });
  assert.deepEqual(summary.worst['usc-8-1373'].judicial, { verdict: 'no-conflict', provisions: [] });
  assert.equal(summary.worst['jag-fy2017-notice'].judicial.verdict, 'conflict');
});
