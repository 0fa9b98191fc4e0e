// News furniture is left out, glued link text is split, and every offset still points into the original text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanNewsText } from './clean-news-text.ts';

const ARTICLE = [
  'L.A. among jurisdictions ordered to hand over records',
  '',
  'By Teresa Alvarado and Ken Mizuno',
  'Southland Courier',
  'Published Jan. 25, 2018 at 6:00 a.m.',
  '',
  'FILE - In this Jan. 12, 2018 photo, demonstrators rally outside City Hall. (AP Photo/File)',
  '',
  'The administration on Wednesday ordered records from 23 jurisdictions.',
  '',
  'Recommended video',
  'Raw: Protest at Federal Building downtown',
  '',
  'Officials said the city had done nothing wrong.RELATED: How SB 54 changed policing',
  '',
  'We expect full cooperation.',
  '— Justice Department (@TheJusticeDept) January 24, 2018',
  '',
  'The letters went toChicago,Cook County and others.',
  '',
  'Advertisement',
  'View this post on Instagram',
  'Glad to put this behind us.',
  'A post shared by City of New Orleans (@cityofneworleans) on Nov 17, 2017 at 4:12pm PST',
  '',
  'Copyright 2018 Southland Courier. All rights reserved.',
].join('\n');

test('bylines, timestamps, captions, video blocks, related links, embedded posts and furniture are removed', () => {
  const c = cleanNewsText(ARTICLE);
  for (const junk of [
    'By Teresa Alvarado',
    'Published Jan. 25',
    'Jan. 12, 2018 photo',
    'Recommended video',
    'Raw: Protest',
    'RELATED:',
    'How SB 54',
    'We expect full cooperation',
    '@TheJusticeDept',
    'Advertisement',
    'Instagram',
    'Glad to put this behind us',
    'Copyright',
  ]) {
    assert.ok(!c.text.includes(junk), `still holds "${junk}"`);
  }
  assert.ok(c.text.includes('The administration on Wednesday ordered records from 23 jurisdictions.'));
  assert.ok(c.text.includes('Officials said the city had done nothing wrong.'));
  const reasons = new Set(c.removed.map((r) => r.reason));
  for (const r of [
    'byline',
    'timestamp',
    'photo caption',
    'recommended or embedded block',
    'related link',
    'embedded social post',
    'page furniture',
  ])
    assert.ok(reasons.has(r), r);
});

test('link text glued into a sentence is split', () => {
  const c = cleanNewsText(ARTICLE);
  assert.ok(c.text.includes('The letters went to Chicago, Cook County and others.'), c.text);
  assert.ok(cleanNewsText('the law.The state said').text.includes('the law. The state said'));
  // Names that are written with a capital inside are not split.
  for (const name of ['McAllen', 'DeKalb', 'LaSalle', 'MacArthur', 'iPhone'])
    assert.equal(cleanNewsText(`in ${name} today`).text, `in ${name} today`);
  assert.equal(cleanNewsText('see https://example.com/PageOne').text, 'see https://example.com/PageOne');
});

test('every clean range maps back to the same words in the original', () => {
  const c = cleanNewsText(ARTICLE);
  for (const phrase of ['Chicago', 'Cook County', 'Wednesday', 'nothing wrong', '23 jurisdictions']) {
    const at = c.text.indexOf(phrase);
    assert.ok(at >= 0, phrase);
    const span = c.toSpan(at, at + phrase.length);
    assert.equal(span.text, phrase);
    assert.equal(ARTICLE.slice(span.start, span.end), phrase);
  }
  for (const r of c.removed) assert.equal(ARTICLE.slice(r.start, r.end), r.text);
});

test('a span over an inserted space keeps the original text', () => {
  const text = 'letters toChicago today';
  const c = cleanNewsText(text);
  assert.equal(c.text, 'letters to Chicago today');
  const span = c.toSpan(c.text.indexOf('to Chicago'), c.text.indexOf(' today'));
  assert.equal(span.text, 'toChicago');
});

test('plain prose passes through unchanged', () => {
  const text =
    'The Department requests that you provide a response no later than December 8, 2017.\n\nSincerely,';
  const c = cleanNewsText(text);
  assert.equal(c.text, text);
  assert.deepEqual(c.removed, []);
});

test('a byline-like sentence starting "By" and a date stays', () => {
  const text = 'By Feb. 23, the cities must respond.';
  assert.equal(cleanNewsText(text).text, text);
});
