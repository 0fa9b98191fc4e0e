// The corpus annotation format: line and inline labels, units in the cleaned text, and refusal of unknown tags.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../shared/domain-error.ts';
import { parseAnnotatedDocument } from './parse-annotated-document.ts';
import { countTags, scoreCounts } from './count-tags.ts';

const SAMPLE = [
  '#! id: sample',
  '#! style: test',
  'Sec. 1. Detainers.',
  '(a) The Sheriff shall not honor detainers unless a judge signed a warrant.',
  '@@ detainer +warrant-exception',
  '(b) Parking is free.',
  '@@ -',
  '§ 2. Status. No employee shall ask about citizenship.⟪@@ status-inquiry⟫ § 3. Other. Nothing here.⟪@@ -⟫',
].join('\n');

test('labels are removed from the text and attached to the unit before them', () => {
  const doc = parseAnnotatedDocument(SAMPLE);
  assert.deepEqual(doc.meta, { id: 'sample', style: 'test' });
  assert.ok(!doc.text.includes('@@'));
  assert.equal(doc.units.length, 4);
  assert.equal(
    doc.text.slice(doc.units[0]!.start, doc.units[0]!.end),
    'Sec. 1. Detainers.\n(a) The Sheriff shall not honor detainers unless a judge signed a warrant.',
  );
  assert.deepEqual(doc.units[0]!.topics, ['detainer']);
  assert.deepEqual(doc.units[0]!.modifiers, ['warrant-exception']);
  assert.equal(
    doc.text.slice(doc.units[2]!.start, doc.units[2]!.end),
    '§ 2. Status. No employee shall ask about citizenship.',
  );
  assert.deepEqual(doc.units[3]!.topics, []);
});

test('an unknown tag or unlabelled trailing text is refused', () => {
  assert.throws(
    () => parseAnnotatedDocument('Text.\n@@ detainers'),
    (e: unknown) => isDomainError(e) && /unknown topic/.test(e.message),
  );
  assert.throws(
    () => parseAnnotatedDocument('Text.\n@@ -\nMore text.'),
    (e: unknown) => isDomainError(e) && /not labelled/.test(e.message),
  );
});

test('scoring unions the tags of the provisions inside a unit and counts per tag', () => {
  const doc = parseAnnotatedDocument(SAMPLE);
  const u = doc.units;
  const predicted = [
    { start: u[0]!.start + 19, end: u[0]!.end, topics: ['detainer' as const], modifiers: [] },
    { start: u[1]!.start, end: u[1]!.end, topics: ['detainer' as const], modifiers: [] },
    { start: u[2]!.start, end: u[2]!.end, topics: ['status-inquiry' as const], modifiers: [] },
  ];
  const c = countTags(u, predicted);
  assert.deepEqual(c.counts.detainer, { tp: 1, fp: 1, fn: 0 });
  assert.deepEqual(c.counts['warrant-exception'], { tp: 0, fp: 0, fn: 1 });
  assert.deepEqual(c.counts['status-inquiry'], { tp: 1, fp: 0, fn: 0 });
  const score = scoreCounts(c.counts, u.length, c.exactUnits, c.mergedProvisions, []);
  assert.equal(score.perTag.detainer.precision, 0.5);
  assert.equal(score.perTag.detainer.recall, 1);
  assert.equal(c.exactUnits, 2);
});
