// Names of governments in prose against the full registry: long lists, abbreviations, descriptions, look-alike words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRegistry } from '../../db/registry/load-registry.ts';
import { findJurisdictionMentions } from './find-jurisdiction-mentions.ts';

const registry = loadRegistry();
const ocd = (tail: string): string => `ocd-division/country:us/${tail}`;
const ids = (text: string, role = 'name'): string[] =>
  findJurisdictionMentions(text, registry)
    .filter((m) => m.role === role)
    .map((m) => m.id.replace('ocd-division/country:us/', ''));

const THE_23 = [
  'state:il/place:chicago',
  'state:il/county:cook',
  'state:ny/place:new_york',
  'state:ca',
  'state:ny/place:albany',
  'state:ca/place:berkeley',
  'state:nm/county:bernalillo',
  'state:vt/place:burlington',
  'state:co/place:denver',
  'state:ca/place:fremont',
  'state:ms/place:jackson',
  'state:wa/county:king',
  'state:ma/place:lawrence',
  'state:ca/place:los_angeles',
  'state:ky/county:jefferson',
  'state:ca/county:monterey',
  'state:ca/county:sacramento',
  'state:ca/place:san_francisco',
  'state:ca/county:sonoma',
  'state:ca/place:watsonville',
  'state:fl/place:west_palm_beach',
  'state:il',
  'state:or',
];

test('a list of 23 names with state abbreviations, an Oxford comma and "the states of X and Y"', () => {
  const text =
    'The jurisdictions are Chicago, Cook County, New York City, the State of California, Albany, N.Y., Berkeley, ' +
    'Calif., Bernalillo County, N.M., Burlington, Vt., Denver, Fremont, Calif., Jackson, Miss., King County, Wash., ' +
    'Lawrence, Mass., Los Angeles, Louisville, Ky., Monterey County, Calif., Sacramento County, Calif., San Francisco, ' +
    'Sonoma County, Calif., Watsonville, Calif., West Palm Beach, Fla., and the states of Illinois and Oregon.';
  assert.deepEqual(ids(text), THE_23);
});

test('the same list as a letter writes it, one per line with postal codes and legal names', () => {
  const lines = [
    'City of Chicago, IL',
    'Cook County, IL',
    'New York City, NY',
    'State of California',
    'Albany, NY',
    'Berkeley, CA',
    'Bernalillo County, NM',
    'Burlington, VT',
    'City and County of Denver, CO',
    'Fremont, CA',
    'Jackson, MS',
    'King County, WA',
    'Lawrence, MA',
    'City of Los Angeles, CA',
    'Louisville Metro, KY',
    'Monterey County, CA',
    'Sacramento County, CA',
    'City and County of San Francisco, CA',
    'Sonoma County, CA',
    'Watsonville, CA',
    'West Palm Beach, FL',
    'State of Illinois',
    'State of Oregon',
  ];
  assert.deepEqual(ids(lines.map((l) => `- ${l}`).join('\n')), THE_23);
});

test('"and" without a comma, and a list without states reads each name the way it was qualified elsewhere', () => {
  assert.deepEqual(ids('Chicago and Cook County answered.'), [
    'state:il/place:chicago',
    'state:il/county:cook',
  ]);
  assert.deepEqual(
    ids('Letters went to Albany, N.Y., and Lawrence, Mass. Later, Albany, Burlington and Lawrence answered.'),
    [
      'state:ny/place:albany',
      'state:ma/place:lawrence',
      'state:ny/place:albany',
      // Burlington was never qualified: of its namesakes, the one in a state the text names (Massachusetts).
      'state:ma/place:burlington',
      'state:ma/place:lawrence',
    ],
  );
});

test('a span covers the name and its state', () => {
  const text = 'letters to Albany, N.Y., and the City and County of Denver';
  const found = findJurisdictionMentions(text, registry);
  assert.deepEqual(
    found.map((m) => text.slice(m.start, m.end)),
    ['Albany, N.Y.', 'City and County of Denver'],
  );
});

test('a county described by a place in it', () => {
  const found = findJurisdictionMentions(
    'The Washington state county that includes Seattle is one of 23.',
    registry,
  );
  assert.equal(found.length, 1);
  assert.equal(found[0]?.id, ocd('state:wa/county:king'));
});

test('Washington alone is neither the state nor the District; with "state" or "D.C." it is', () => {
  assert.deepEqual(ids('Mayors meeting in Washington denounced the move.'), []);
  assert.deepEqual(ids('Washington state and Washington, D.C., and the State of Washington'), [
    'state:wa',
    'district:dc',
    'state:wa',
  ]);
});

test('newspapers, people, courts and postal codes are not mentions of places', () => {
  assert.deepEqual(ids('The Washington Post and the Denver Post reported it.'), []);
  assert.deepEqual(ids('Andrew Jackson and Jesse Jackson spoke.'), []);
  assert.deepEqual(ids('The Justice Department and Homeland Security said.'), []);
  assert.deepEqual(ids('FILED IN OR NEAR THE COURT'), []);
  assert.deepEqual(ids('the Northern District of Illinois', 'court'), ['state:il']);
  assert.deepEqual(ids('the Northern District of Illinois'), []);
});

test("an official's title keeps the place as an organisation mention", () => {
  assert.deepEqual(ids('Chicago Mayor Rahm Emanuel said', 'organisation'), ['state:il/place:chicago']);
  assert.deepEqual(ids('Chicago Mayor Rahm Emanuel said'), []);
});

test('namesakes: the state written after the name decides', () => {
  assert.deepEqual(ids('Jackson, Tenn., and Jackson, Miss.'), [
    'state:tn/place:jackson',
    'state:ms/place:jackson',
  ]);
  assert.deepEqual(ids('Lawrence, Kan.'), ['state:ks/place:lawrence']);
});

test('a bare small name alone is too ambiguous to read', () => {
  assert.deepEqual(ids('Officials in Burlington said.'), []);
});

test('in a story about one state, a bare namesake in a list is read in that state', () => {
  assert.deepEqual(ids('The state of Vermont, Burlington and Winooski received letters.'), [
    'state:vt',
    'state:vt/place:burlington',
    'state:vt/place:winooski',
  ]);
});
