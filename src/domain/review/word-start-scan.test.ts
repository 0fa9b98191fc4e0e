// Running lexicon patterns at candidate word starts finds exactly what a global scan finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLiteralGroups } from './build-literal-groups.ts';
import { TAG_PATTERNS } from './tag-patterns.ts';
import { combineWordStartPlans, planWordStartScan, WordStarts } from './word-start-scan.ts';

const fullScan = (re: RegExp, text: string): Array<[number, number]> => {
  const out: Array<[number, number]> = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) re.lastIndex++;
    else out.push([m.index, m.index + m[0].length]);
  }
  return out;
};

const SAMPLES = [
  'The Sheriff shall not honor a civil immigration detainer request unless ICE presents a judicial warrant.',
  'No officer shall inquire about the immigration status of any person; except as required by 8 U.S.C. § 1373.',
  'Members may not provide ICE with release dates, home addresses or court dates. Nothing in this section prohibits',
  'SHALL NOT DETAIN ON THE BASIS OF A HOLD REQUEST. does not apply to persons convicted of a serious felony',
  'shall_not detain; é-not ICE_hold xICE caféshall not, but only if café ­no officer shall',
  'Staff\u00a0shall\u00a0not\u00a0share information with federal immigration authorities: to not disclose',
  '',
  'n',
  'no',
];

test('every planned lexicon pattern finds the matches of its global scan', () => {
  const planned: Array<[RegExp, ReturnType<typeof planWordStartScan>]> = Object.values(TAG_PATTERNS)
    .filter((re) => re.global)
    .map((re) => [re, planWordStartScan(re)]);
  const plans = combineWordStartPlans(planned.flatMap(([, p]) => (p ? [p] : [])));
  const words = new WordStarts(plans);
  for (const text of SAMPLES) {
    words.read(text);
    for (const [re, plan] of planned) {
      if (!plan) continue;
      assert.deepEqual(
        words.matches(plans.plans.indexOf(plan)),
        fullScan(re, text),
        `${re.source} on ${text}`,
      );
    }
  }
  assert.ok(planned.filter(([, p]) => p !== null).length >= 25, 'most lexicon patterns run on word starts');
});

test('the word starts of a plain segment can come from the literal pre-scan', () => {
  const planned = Object.values(TAG_PATTERNS).flatMap((re) => {
    const plan = re.global ? planWordStartScan(re) : null;
    return plan ? [[re, plan] as const] : [];
  });
  const plans = combineWordStartPlans(planned.map(([, p]) => p));
  const words = new WordStarts(plans);
  const { scanWords } = buildLiteralGroups({ any: ['the'] });
  const text = SAMPLES.filter((s) => /^[\x20-\x7e]*$/.test(s) && !s.includes('_')).join(' ');
  // Segments that start inside a word, end inside one, or are too short for a stem.
  const cuts = [0, 5, 9, 40, 41, 43, 44, 120, 200, 203, text.length];
  const scanned = scanWords(text, cuts.slice(0, -1), cuts.slice(1));
  for (let s = 0; s + 1 < cuts.length; s++) {
    const t = text.slice(cuts[s]!, cuts[s + 1]!);
    assert.equal(scanned.words.plain[s], 1);
    words.readStarts(
      t,
      scanned.words.positions,
      scanned.words.from[s]!,
      scanned.words.from[s + 1]!,
      cuts[s]!,
    );
    for (const [re, plan] of planned)
      assert.deepEqual(words.matches(plans.plans.indexOf(plan)), fullScan(re, t), `${re.source} on ${t}`);
  }
});

test('a pattern with too many three-character prefixes is planned on two', () => {
  const re = /\b\w+ing\b/g;
  const plan = planWordStartScan(re);
  assert.ok(plan && plan.prefixes.every((x) => x.length <= 2));
  const plans = combineWordStartPlans([plan]);
  const words = new WordStarts(plans);
  words.read(SAMPLES[2]!);
  assert.deepEqual(words.matches(0), fullScan(re, SAMPLES[2]!));
});

test('patterns that may start elsewhere, match nothing, or use unknown syntax keep the full scan', () => {
  assert.equal(planWordStartScan(TAG_PATTERNS.quoted), null);
  assert.equal(planWordStartScan(TAG_PATTERNS.boundary), null);
  assert.equal(planWordStartScan(TAG_PATTERNS.seriousCrime), null, '"§" is not a word character');
  assert.equal(planWordStartScan(/\b(?:x)?/g), null, 'may match the empty string');
  assert.equal(planWordStartScan(/\bfoo|bar/g), null, 'an alternative without \\b');
  assert.equal(planWordStartScan(/\b(a)\1/g), null, 'back-references are not analysed');
  assert.equal(planWordStartScan(/\bfoo/), null, 'not global');
  assert.notEqual(planWordStartScan(/\bfoo|\bbar/gi), null);
});
