// Stated numbers of jurisdictions: digits, words, parts that add up, qualifiers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCounts, parseNumber } from './find-counts.ts';

test('numbers in digits and words', () => {
  const table: readonly (readonly [string, number | undefined])[] = [
    ['23', 23],
    ['twenty-three', 23],
    ['twenty three', 23],
    ['Twenty-Three', 23],
    ['nine', 9],
    ['twenty-nine', 29],
    ['thirty-eight', 38],
    ['a dozen', 12],
    ['two dozen', 24],
    ['one hundred and five', 105],
    ['1,000', 1000],
    ['many', undefined],
    ['', undefined],
  ];
  for (const [text, value] of table) assert.equal(parseNumber(text), value, text);
});

test('"23 jurisdictions", "nine jurisdictions" and "twenty-three cities" are counts', () => {
  const table: readonly (readonly [string, number, string])[] = [
    ['sent letters to 23 jurisdictions on Wednesday', 23, 'jurisdictions'],
    ['sent letters to nine jurisdictions', 9, 'jurisdictions'],
    ['demanded records from twenty-three cities', 23, 'cities'],
    ['from 23 so-called sanctuary jurisdictions', 23, 'jurisdictions'],
    ['warns 29 more cities, counties and states', 29, 'cities, counties and states'],
    ['the other 21 jurisdictions', 21, 'jurisdictions'],
  ];
  for (const [text, value, noun] of table) {
    const [c] = findCounts(text);
    assert.ok(c, text);
    assert.equal(c.value, value, text);
    assert.equal(c.noun, noun, text);
    assert.equal(c.qualifier, 'exact');
    assert.equal(c.parts, undefined);
  }
});

test('"three states and twenty cities" adds up to 23 and keeps its parts', () => {
  const text = 'ordered three states and twenty cities to turn over records';
  const [c] = findCounts(text);
  assert.ok(c);
  assert.equal(c.value, 23);
  assert.deepEqual(c.parts, [
    { value: 3, noun: 'states' },
    { value: 20, noun: 'cities' },
  ]);
  assert.equal(text.slice(c.start, c.end), 'three states and twenty cities');
});

test('"9 cities, 12 counties and 2 states" adds three parts', () => {
  const [c] = findCounts('letters to 9 cities, 12 counties and 2 states');
  assert.equal(c?.value, 23);
  assert.equal(c?.parts?.length, 3);
});

test('qualifiers: more than, about, fewer than', () => {
  assert.equal(findCounts('more than 20 jurisdictions')[0]?.qualifier, 'more-than');
  assert.equal(findCounts('nearly two dozen cities')[0]?.qualifier, 'about');
  assert.equal(findCounts('nearly two dozen cities')[0]?.value, 24);
  assert.equal(findCounts('fewer than 10 counties')[0]?.qualifier, 'less-than');
});

test('numbers of other things, section numbers and singular nouns are not counts', () => {
  assert.deepEqual(findCounts('declined more than 140 detainers'), []);
  assert.deepEqual(findCounts('Section 1373 states that'), []);
  assert.deepEqual(findCounts('the city of Chicago'), []);
  assert.deepEqual(findCounts('23 percent of the money'), []);
  assert.equal(findCounts('one jurisdiction')[0]?.value, 1);
});
