// Segmentation by legal structure: numbering styles, nested lists, run-in subsections, sentences, exact offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parseAnnotatedDocument } from './parse-annotated-document.ts';
import { segmentProvisions } from './segment-provisions.ts';
import type { Segment } from './segment-provisions.ts';

const texts = (text: string, segs: readonly Segment[]): string[] =>
  segs.map((s) => text.slice(s.start, s.end));
const byLabel = (segs: readonly Segment[], label: string): Segment | undefined =>
  segs.find((s) => s.label === label);

test('municipal "Sec. 2-173-040." sections with nested (a)(1) items keep their numbers and headings', () => {
  const text = [
    'Sec. 2-173-040. Civil immigration enforcement actions.',
    '(a) Except as provided in subsection (b), no agency shall:',
    '(1) arrest a person solely on the basis of an immigration detainer;',
    '(2) permit ICE agents access to any person in custody.',
    '(b) The prohibitions of subsection (a) shall not apply to persons convicted of a felony.',
  ].join('\n');
  const segs = segmentProvisions(text);
  assert.deepEqual(
    segs.map((s) => s.label),
    ['Sec. 2-173-040(a)', 'Sec. 2-173-040(a)(1)', 'Sec. 2-173-040(a)(2)', 'Sec. 2-173-040(b)'],
  );
  assert.equal(segs[0]!.headings.at(-1), 'Sec. 2-173-040. Civil immigration enforcement actions.');
  assert.ok(segs[0]!.isLeadIn);
  assert.equal(segs[1]!.parent, 0);
  assert.equal(segs[2]!.parent, 0);
  assert.equal(segs[3]!.parent, -1);
  assert.deepEqual(segs[1]!.path, ['a', '1']);
  assert.equal(segs[1]!.sectionNumber, '2-173-040');
});

test('"§ 5", "Section 3" and statute-style "7284.6. (a)" numbering, including sub-items (A) and (i)', () => {
  const text = [
    '§ 5. Definitions.',
    '"Hold request" means a request to keep a person in custody.',
    'Section 3. No City employee shall ask about immigration status.',
    '7284.6. (a) Law enforcement agencies shall not:',
    '(1) Use money or personnel for immigration enforcement, including any of the following:',
    "(A) Inquiring into an individual's immigration status.",
    '(B) Detaining an individual on the basis of a hold request, where:',
    '(i) the request is not signed by a judge; or',
    '(ii) the person is eligible for release.',
  ].join('\n');
  const segs = segmentProvisions(text);
  assert.equal(byLabel(segs, '§ 5')?.headings.at(-1), '§ 5. Definitions.');
  assert.ok(byLabel(segs, 'Section 3'));
  assert.ok(byLabel(segs, '7284.6(a)')?.isLeadIn);
  assert.ok(byLabel(segs, '7284.6(a)(1)(A)'));
  assert.ok(byLabel(segs, '7284.6(a)(1)(B)(i)'));
  assert.ok(byLabel(segs, '7284.6(a)(1)(B)(ii)'));
  const a = segs.indexOf(byLabel(segs, '7284.6(a)')!);
  const a1 = segs.indexOf(byLabel(segs, '7284.6(a)(1)')!);
  assert.equal(segs[a1]!.parent, a);
  assert.equal(byLabel(segs, '7284.6(a)(1)(A)')!.parent, a1);
});

test('"(i)" after "(h)" is the letter i, not the roman numeral one', () => {
  const letters = 'abcdefghi'.split('').map((c) => `(${c}) Item ${c}.`);
  const segs = segmentProvisions(['Sec. 9. Items.', ...letters].join('\n'));
  assert.equal(segs.at(-1)!.label, 'Sec. 9(i)');
  assert.deepEqual(segs.at(-1)!.path, ['i']);
  assert.equal(segs.at(-1)!.parent, -1);
});

test('run-in subsections are split, but "subsection (a)" inside a sentence is not', () => {
  const text =
    '§ 2. Detainers. (a) The Jail shall not detain any person on an ICE hold request. (b) Subsection (a) does not apply where a judge has issued a warrant. § 3. Release. Jail staff shall not provide release dates to ICE.';
  const segs = segmentProvisions(text);
  assert.deepEqual(texts(text, segs), [
    '(a) The Jail shall not detain any person on an ICE hold request.',
    '(b) Subsection (a) does not apply where a judge has issued a warrant.',
    'Jail staff shall not provide release dates to ICE.',
  ]);
  assert.deepEqual(
    segs.map((s) => s.label),
    ['§ 2(a)', '§ 2(b)', '§ 3'],
  );
});

test('an inline list after a colon becomes items of that lead-in', () => {
  const text =
    'Sec. 7. (b) The limits do not apply where the individual: (1) has a criminal warrant; (2) was convicted of a felony; or (3) is a gang member.';
  const segs = segmentProvisions(text);
  assert.deepEqual(
    segs.map((s) => s.label),
    ['Sec. 7(b)', 'Sec. 7(b)(1)', 'Sec. 7(b)(2)', 'Sec. 7(b)(3)'],
  );
  assert.ok(segs[0]!.isLeadIn);
  assert.deepEqual(
    segs.slice(1).map((s) => s.parent),
    [0, 0, 0],
  );
});

test('a section with several rules is split into sentences, but an exception sentence stays with its rule', () => {
  const text =
    'Sec. 4. Cooperation. Officers shall not inquire about immigration status. Jail staff shall not honor detainers. This prohibition does not apply where the detainer is accompanied by a judicial warrant. Officers may share information with ICE as required by 8 U.S.C. § 1373.';
  const segs = segmentProvisions(text);
  assert.deepEqual(texts(text, segs), [
    'Officers shall not inquire about immigration status.',
    'Jail staff shall not honor detainers. This prohibition does not apply where the detainer is accompanied by a judicial warrant.',
    'Officers may share information with ICE as required by 8 U.S.C. § 1373.',
  ]);
  assert.ok(!segs[0]!.isContinuation);
  assert.ok(segs[1]!.isContinuation);
});

test('hard-wrapped lines from a PDF text layer are joined back into one provision', () => {
  const text = [
    '(c) County personnel shall not expend their time responding to ICE inquiries or',
    'communicating with ICE regarding the custody status or release date of any',
    'individual while on duty.',
    '(d) Nothing in this section prohibits sending status information to DHS.',
  ].join('\n');
  const segs = segmentProvisions(text);
  assert.equal(segs.length, 2);
  assert.match(text.slice(segs[0]!.start, segs[0]!.end), /^\(c\) County personnel[\s\S]*while on duty\.$/);
});

test('dot-numbered manual outlines (III. / A. / 1. and 415.1) give labels and heading chains', () => {
  const text = [
    'III. PROCEDURES',
    'A. Field Operations',
    '1. Deputies shall not ask about immigration status.',
    '415.1 PURPOSE AND SCOPE',
    'This policy guides members.',
  ].join('\n');
  const segs = segmentProvisions(text);
  assert.equal(segs[0]!.label, 'III.A.1');
  assert.deepEqual(segs[0]!.headings.slice(-2), ['III. PROCEDURES', 'A. Field Operations']);
  assert.equal(segs[1]!.label, '415.1');
  assert.equal(segs[1]!.headings.at(-1), '415.1 PURPOSE AND SCOPE');
});

test('every segment of every corpus document matches text.slice(start, end), trimmed and in order', () => {
  for (const split of ['main', 'held-out', 'held-out-2', 'held-out-3', 'held-out-4']) {
    const dir = new URL(`../../../data/corpus/review/${split}/`, import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const doc = parseAnnotatedDocument(readFileSync(new URL(file, dir), 'utf8'), file);
      const segs = segmentProvisions(doc.text);
      assert.ok(segs.length > 0, file);
      let last = -1;
      for (const s of segs) {
        const t = doc.text.slice(s.start, s.end);
        assert.equal(t, t.trim(), `${file}: untrimmed segment at ${s.start}`);
        assert.ok(t.length > 0);
        assert.ok(s.start >= last, `${file}: segments out of order at ${s.start}`);
        last = s.end;
      }
    }
  }
});

test('offsets survive CRLF line ends and non-ASCII text before the provision', () => {
  const text =
    'ÉTAT — Ordonnance\r\n\r\nSec. 1. Officers shall not ask about citizenship.\r\nSec. 2. Parking is free on Sundays.\r\n';
  const segs = segmentProvisions(text);
  assert.deepEqual(texts(text, segs), [
    'Officers shall not ask about citizenship.',
    'Parking is free on Sundays.',
  ]);
});

test('a run-on passage longer than any provision is cut into bounded pieces with exact offsets', () => {
  const text = `Sec. 1. ${'the jail shall not hold any person for ICE '.repeat(600)}end`;
  const segs = segmentProvisions(text);
  assert.ok(segs.length >= 6);
  for (const s of segs) {
    assert.ok(s.end - s.start <= 4000);
    assert.equal(text.slice(s.start, s.end), text.slice(s.start, s.end).trim());
  }
  assert.ok(segs.slice(1).every((s) => s.isContinuation));
});
