// Attributed statements: quotes and paraphrases with speaker and role; claims never become facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRegistry } from '../../db/registry/load-registry.ts';
import type { IsoDate } from '../shared/brand.ts';
import { extractCaseFacts } from './extract-case-facts.ts';
import { findClaims, findQuotes, splitSpeaker } from './find-claims.ts';
import { splitSentences } from './split-sentences.ts';

const claimsOf = (text: string) => findClaims(text, splitSentences(text), findQuotes(text));

test('a quote with the speaker after it, and the role in an appositive', () => {
  const text =
    '"Jurisdictions that accept these funds agreed to follow the law," said Lauren Ashby, a department spokeswoman.';
  const [c] = claimsOf(text);
  assert.equal(c?.kind, 'quote');
  assert.equal(c?.speaker, 'Lauren Ashby');
  assert.equal(c?.role, 'a department spokeswoman');
  assert.equal(
    text.slice(c?.start, c?.end),
    'Jurisdictions that accept these funds agreed to follow the law,',
  );
});

test('a quote with the speaker before it, role first', () => {
  const [c] = claimsOf('A Cook County spokeswoman, Maria Lind, said the county had "fully responded."');
  assert.equal(c?.speaker, 'Maria Lind');
  assert.equal(c?.role, 'A Cook County spokeswoman');
});

test('paraphrases: "X said", "X argue that", "according to X"', () => {
  const table: readonly (readonly [string, string, string])[] = [
    [
      'Police chiefs argue that immigrants who fear deportation stop reporting crimes.',
      'Police chiefs',
      'immigrants who fear',
    ],
    [
      'The Department of Homeland Security has claimed that hundreds of people were arrested again.',
      'The Department of Homeland Security',
      'hundreds of people',
    ],
    ['According to ICE, one county declined more than 140 detainers.', 'ICE', 'one county declined'],
    [
      'A 2017 study by researchers at a California university found that crime rates were no higher.',
      'A 2017 study by researchers at a California university',
      'crime rates',
    ],
    [
      'The Justice Department on Thursday said it found no evidence of a violation.',
      'The Justice Department',
      'it found no evidence',
    ],
  ];
  for (const [text, speaker, content] of table) {
    const [c] = claimsOf(text);
    assert.equal(c?.kind, 'paraphrase', text);
    assert.equal(c?.speaker, speaker, text);
    assert.ok(text.slice(c?.start, c?.end).includes(content), text);
  }
});

test('titles before a name become the role', () => {
  assert.deepEqual(splitSpeaker('Justice Department spokesman Devin Hollis'), {
    speaker: 'Devin Hollis',
    role: 'Justice Department spokesman',
    offset: 29,
  });
  assert.deepEqual(splitSpeaker('Critics'), { speaker: 'Critics', offset: 0 });
});

test('records cited with "according to" and participles like "found to be" are not claims', () => {
  assert.deepEqual(claimsOf('Chicago received $2.1 million, according to federal records.'), []);
  assert.deepEqual(claimsOf('A jurisdiction found to be out of compliance may lose its grant.'), []);
});

test('claims stay claims: a jurisdiction saying it complies is not a determination, nor a statistic a fact', () => {
  const registry = loadRegistry();
  const doc = extractCaseFacts(
    {
      name: 'claims.txt',
      date: '2018-02-02' as IsoDate,
      kind: 'news',
      text:
        'Chicago officials insist the city is in compliance with federal law. ' +
        'The Department of Homeland Security has claimed that 142 people released by local jails were arrested again. ' +
        'Critics say sanctuary cities are out of compliance with Section 1373.',
    },
    registry,
  );
  assert.equal(doc.claims.length, 3);
  assert.deepEqual(
    doc.events.filter((e) => e.type === 'determination'),
    [],
  );
  assert.deepEqual(
    doc.claims.map((c) => c.speaker),
    ['Chicago officials', 'The Department of Homeland Security', 'Critics'],
  );
  for (const c of doc.claims) assert.equal(c.date, '2018-02-02');
});

test("the agency's own finding, said by the agency, is a determination attributed to it", () => {
  const doc = extractCaseFacts(
    {
      name: 'agency.txt',
      date: '2018-04-13' as IsoDate,
      kind: 'news',
      text: 'The Justice Department on Thursday said it found no evidence that Louisville Metro, Ky., is currently out of compliance.',
    },
    loadRegistry(),
  );
  const [det] = doc.events.filter((e) => e.type === 'determination');
  assert.equal(det?.finding, 'cleared');
  assert.equal(det?.date, '2018-04-12');
  assert.equal(det?.attributedTo, 'The Justice Department');
  assert.deepEqual(det?.jurisdictions, ['ocd-division/country:us/state:ky/county:jefferson']);
});

test('"said Wednesday" dates the claim', () => {
  const doc = extractCaseFacts(
    {
      name: 'd.txt',
      date: '2018-01-25' as IsoDate,
      kind: 'news',
      text: 'City officials said Wednesday that the city would answer.',
    },
    loadRegistry(),
  );
  assert.equal(doc.claims[0]?.date, '2018-01-24');
});
