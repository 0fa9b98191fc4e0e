// Slug rules of BRIEF §2.5, as the registry mints ids from names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { divisionSlug, slugify, stripLegalSuffix } from './slugify.ts';

const cases: readonly (readonly [string, string, string])[] = [
  ['lower case, spaces become underscores', 'West Palm Beach', 'west_palm_beach'],
  ['an apostrophe becomes a tilde', "Coeur d'Alene", 'coeur_d~alene'],
  ['a curly apostrophe is an apostrophe too', 'Prince George\u2019s', 'prince_george~s'],
  ['periods are dropped', 'St. Louis', 'st_louis'],
  ['other punctuation is dropped', 'Louisville/Jefferson (Metro)', 'louisvillejefferson_metro'],
  ['hyphens stay, as in published OCD-IDs', 'Miami-Dade', 'miami-dade'],
  ['accented letters fold to ASCII', 'Doña Ana', 'dona_ana'],
  ['runs of spaces collapse', '  Lac  qui   Parle ', 'lac_qui_parle'],
];

for (const [scenario, name, slug] of cases) {
  test(`slug: ${scenario} (${name} -> ${slug})`, () => {
    assert.equal(slugify(name), slug);
  });
}

test('the legal suffix "County" is not part of a county slug', () => {
  assert.equal(divisionSlug('Cook County'), 'cook');
  assert.equal(divisionSlug('Orleans Parish'), 'orleans');
  assert.equal(divisionSlug('Juneau City and Borough'), 'juneau');
  assert.equal(divisionSlug('Bethel Census Area'), 'bethel');
});

test('the Census Bureau\'s lower-case "city" and "town" are dropped, a capitalised City stays', () => {
  assert.equal(divisionSlug('Chicago city'), 'chicago');
  assert.equal(divisionSlug('Jefferson City city'), 'jefferson_city');
  assert.equal(divisionSlug('Kansas City'), 'kansas_city');
  assert.equal(divisionSlug('Vienna town'), 'vienna');
  assert.equal(divisionSlug('Charles City County'), 'charles_city');
});

test('a name that is only a legal word is left alone', () => {
  assert.equal(stripLegalSuffix('County'), 'County');
});
