// Sentences break at real sentence ends, not at "Feb.", "Calif.", "U.S.C." or initials; list items stand alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from './split-sentences.ts';

const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

test('abbreviations, state abbreviations inside a list, statute citations and initials do not end a sentence', () => {
  const text =
    'Letters went to Albany, N.Y., Berkeley, Calif., and Jackson, Miss., on Jan. 24 under 8 U.S.C. 1373. ' +
    'John F. Kennedy was not involved. It is due Feb. 23.';
  assert.deepEqual(sentences(text), [
    'Letters went to Albany, N.Y., Berkeley, Calif., and Jackson, Miss., on Jan. 24 under 8 U.S.C. 1373.',
    'John F. Kennedy was not involved.',
    'It is due Feb. 23.',
  ]);
});

test('a state abbreviation ends a sentence when a sentence opener follows', () => {
  assert.deepEqual(sentences('The letter went to Burlington, Vt. The city said it would answer.'), [
    'The letter went to Burlington, Vt.',
    'The city said it would answer.',
  ]);
});

test('list items and short lines stand alone; wrapped prose joins; blank lines make paragraphs', () => {
  const text =
    'The letters were sent to:\n- City of Chicago, IL\n- Cook County, IL\n\nThe department asked each of the jurisdictions for all of its documents\nand records by the deadline it set.';
  const found = splitSentences(text);
  assert.deepEqual(
    found.map((s) => [text.slice(s.start, s.end), s.isListItem, s.paragraph]),
    [
      ['The letters were sent to:', false, 0],
      ['- City of Chicago, IL', true, 0],
      ['- Cook County, IL', true, 0],
      [
        'The department asked each of the jurisdictions for all of its documents\nand records by the deadline it set.',
        false,
        1,
      ],
    ],
  );
});
