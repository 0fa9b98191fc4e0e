// The one-pass literal pre-check: case folding, acronyms as whole words, and masks per segment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildLiteralGroups, hasGroup } from './build-literal-groups.ts';

test('stems are found per segment; acronyms only as whole words, so POLICE is not ICE', () => {
  const groups = buildLiteralGroups({ auth: ['ICE', 'immigration'], verbs: ['shall not', 'declin'] });
  const text = 'THE POLICE SHALL NOT ACT. ICE agents may enter. Immigration officers decline. Notice.';
  const starts = [0, 26, 48, 78];
  const ends = [25, 47, 77, 85];
  const masks = groups.scan(text, starts, ends);
  const has = (seg: number, name: string): boolean =>
    hasGroup(masks, groups.words, seg, groups.index.get(name)!);
  assert.deepEqual([has(0, 'auth'), has(0, 'verbs')], [false, true]);
  assert.deepEqual([has(1, 'auth'), has(1, 'verbs')], [true, false]);
  assert.deepEqual([has(2, 'auth'), has(2, 'verbs')], [true, true]);
  assert.deepEqual([has(3, 'auth'), has(3, 'verbs')], [false, false]);
});

test('a stem shorter than three characters is a programming error', () => {
  assert.throws(() => buildLiteralGroups({ bad: ['no'] }), /three ASCII characters/);
});

test('the scan keeps its word starts, and marks plain segments and quoted ones', () => {
  const groups = buildLiteralGroups({ verbs: ['shall'] });
  const text = 'No officer shall ask. A “café” rule. x_y said "hi" to me';
  const starts = [0, 22, 37];
  const ends = [21, 36, text.length];
  const { words } = groups.scanWords(text, starts, ends);
  const positions = (seg: number): number[] => [
    ...words.positions.subarray(words.from[seg]!, words.from[seg + 1]!),
  ];
  // Stems cannot start in a segment's last two characters, so "me" is not listed.
  assert.deepEqual(positions(0), [0, 3, 11, 17]);
  assert.deepEqual([...words.plain], [1, 0, 0], '"é" and "_" make the last two segments not plain');
  assert.deepEqual([...words.quoted], [0, 1, 1]);
});
