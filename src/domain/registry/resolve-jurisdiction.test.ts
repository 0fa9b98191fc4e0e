// The resolver against the built registry: the 23 jurisdictions of BRIEF §2.5 as news writes them, ambiguous names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRegistry } from '../../db/registry/load-registry.ts';
import { resolveJurisdiction, stateCodeOf } from './resolve-jurisdiction.ts';
import type { ResolveContext } from './resolve-jurisdiction.ts';

const registry = loadRegistry();
const ocd = (tail: string): string => `ocd-division/country:us/${tail}`;
const top = (text: string, context?: ResolveContext): string | undefined =>
  resolveJurisdiction(registry, text, context)[0]?.id;

// Each of the 23 jurisdictions asked for documents on 2018-01-24, in the spellings of letters and news copy.
const THE_23: readonly (readonly [string, readonly string[]])[] = [
  ['state:il/place:chicago', ['City of Chicago, IL', 'Chicago, Ill.', 'Chicago', 'the City of Chicago']],
  ['state:il/county:cook', ['Cook County', 'Cook County, Illinois', 'Cook County, Ill.', 'County of Cook']],
  [
    'state:ny/place:new_york',
    ['New York City', 'New York City, NY', 'New York, N.Y.', 'NYC', 'City of New York'],
  ],
  ['state:ca', ['State of California', 'California', 'Calif.', 'the state of California']],
  ['state:ny/place:albany', ['Albany, NY', 'Albany, N.Y.', 'City of Albany, New York', 'Albany New York']],
  ['state:ca/place:berkeley', ['Berkeley, CA', 'Berkeley, Calif.', 'City of Berkeley, California']],
  ['state:nm/county:bernalillo', ['Bernalillo County, NM', 'Bernalillo County, N.M.', 'Bernalillo County']],
  ['state:vt/place:burlington', ['Burlington, VT', 'Burlington, Vt.', 'City of Burlington, Vermont']],
  [
    'state:co/place:denver',
    [
      'City and County of Denver, Colorado',
      'City and County of Denver',
      'Denver, Colo.',
      'Denver',
      'Denver County',
    ],
  ],
  ['state:ca/place:fremont', ['Fremont, CA', 'Fremont, Calif.', 'City of Fremont, California']],
  ['state:ms/place:jackson', ['Jackson, MS', 'Jackson, Miss.', 'City of Jackson, Mississippi']],
  [
    'state:wa/county:king',
    ['King County, WA', 'King County, Wash.', 'King County, Washington', 'King County'],
  ],
  ['state:ma/place:lawrence', ['Lawrence, MA', 'Lawrence, Mass.', 'City of Lawrence, Massachusetts']],
  [
    'state:ca/place:los_angeles',
    ['City of Los Angeles, CA', 'Los Angeles, Calif.', 'Los Angeles', 'City of Los Angeles'],
  ],
  [
    'state:ky/county:jefferson',
    [
      'Louisville Metro, Kentucky',
      'Louisville Metro, KY',
      'Louisville Metro',
      'Louisville/Jefferson County Metro Government',
      'Louisville Metro Government',
      'Louisville, Ky.',
      'Louisville',
      'Jefferson County, Ky.',
    ],
  ],
  ['state:ca/county:monterey', ['Monterey County, CA', 'Monterey County, Calif.', 'County of Monterey']],
  [
    'state:ca/county:sacramento',
    ['Sacramento County, CA', 'Sacramento County', 'County of Sacramento, Calif.'],
  ],
  [
    'state:ca/place:san_francisco',
    [
      'City and County of San Francisco, CA',
      'City and County of San Francisco',
      'San Francisco, Calif.',
      'San Francisco',
    ],
  ],
  ['state:ca/county:sonoma', ['Sonoma County, CA', 'Sonoma County, Calif.', 'County of Sonoma']],
  [
    'state:ca/place:watsonville',
    ['Watsonville, CA', 'Watsonville, Calif.', 'Watsonville', 'City of Watsonville'],
  ],
  [
    'state:fl/place:west_palm_beach',
    ['West Palm Beach, FL', 'West Palm Beach, Fla.', 'City of West Palm Beach'],
  ],
  ['state:il', ['State of Illinois', 'Illinois', 'Ill.', 'the State of Illinois']],
  ['state:or', ['State of Oregon', 'Oregon', 'Ore.', 'Oregon state']],
];

for (const [tail, spellings] of THE_23) {
  for (const text of spellings) {
    test(`"${text}" resolves first to ${tail}`, () => {
      assert.equal(top(text), ocd(tail));
    });
  }
}

// Names that several places share: the state decides when it is given, population when it is not.
const AMBIGUOUS: readonly (readonly [string, string, readonly (readonly [string, string])[]])[] = [
  [
    'Jackson',
    'ms',
    [
      ['Jackson, Tenn.', 'tn'],
      ['Jackson, Mich.', 'mi'],
      ['Jackson, Miss.', 'ms'],
    ],
  ],
  [
    'Burlington',
    'nc',
    [
      ['Burlington, Vt.', 'vt'],
      ['Burlington, Iowa', 'ia'],
      ['Burlington, N.C.', 'nc'],
    ],
  ],
  [
    'Lawrence',
    'ks',
    [
      ['Lawrence, Mass.', 'ma'],
      ['Lawrence, Kan.', 'ks'],
      ['Lawrence, Ind.', 'in'],
    ],
  ],
  [
    'Albany',
    'ny',
    [
      ['Albany, Ga.', 'ga'],
      ['Albany, Ore.', 'or'],
      ['Albany, N.Y.', 'ny'],
    ],
  ],
  [
    'Fremont',
    'ca',
    [
      ['Fremont, Neb.', 'ne'],
      ['Fremont, Ohio', 'oh'],
      ['Fremont, Calif.', 'ca'],
    ],
  ],
];

for (const [name, mostPopulous, withState] of AMBIGUOUS) {
  const slug = name.toLowerCase();
  test(`"${name}" alone goes to the most populous ${name} (${mostPopulous})`, () => {
    const places = registry.entries().filter((e) => e.kind === 'place' && e.name === name);
    const largest = places.reduce((a, b) => ((b.population ?? 0) > (a.population ?? 0) ? b : a));
    assert.equal(largest.id, ocd(`state:${mostPopulous}/place:${slug}`));
    assert.equal(top(name), largest.id);
  });
  for (const [text, state] of withState) {
    test(`"${text}" picks the ${name} of that state`, () => {
      assert.equal(top(text), ocd(`state:${state}/place:${slug}`));
    });
  }
}

test('a state named nearby (context) picks among equal names', () => {
  assert.equal(top('Jackson', { state: 'tn' }), ocd('state:tn/place:jackson'));
  assert.equal(top('Burlington', { state: 'Vermont' }), ocd('state:vt/place:burlington'));
  assert.equal(top('Lawrence', { state: 'MA' }), ocd('state:ma/place:lawrence'));
});

test('a state written in the text outweighs the context', () => {
  assert.equal(top('Albany, Ga.', { state: 'ny' }), ocd('state:ga/place:albany'));
});

test('the District of Columbia answers to D.C. and Washington, D.C., while Washington alone is the state', () => {
  for (const text of ['D.C.', 'DC', 'Washington, D.C.', 'Washington DC', 'District of Columbia']) {
    assert.equal(top(text), ocd('district:dc'), text);
  }
  assert.equal(top('Washington'), ocd('state:wa'));
  assert.equal(top('Washington state'), ocd('state:wa'));
});

test('New York alone is the state; New York with its state named is the city', () => {
  assert.equal(top('New York'), ocd('state:ny'));
  assert.equal(top('New York, NY'), ocd('state:ny/place:new_york'));
});

test('a consolidated government answers to both of its ids and its several names', () => {
  assert.equal(top('Orleans Parish'), ocd('state:la/place:new_orleans'));
  assert.equal(top('New Orleans'), ocd('state:la/place:new_orleans'));
  assert.equal(top('Philadelphia County'), ocd('state:pa/place:philadelphia'));
  assert.equal(top('Metro Nashville'), ocd('state:tn/county:davidson'));
  assert.equal(top('Nashville, Tenn.'), ocd('state:tn/county:davidson'));
  assert.equal(top('City and County of Honolulu'), ocd('state:hi/county:honolulu'));
  assert.equal(top('ocd-division/country:us/state:co/county:denver'), ocd('state:co/place:denver'));
});

test("New York City's boroughs resolve to their counties", () => {
  assert.equal(top('Brooklyn'), ocd('state:ny/county:kings'));
  assert.equal(top('Staten Island'), ocd('state:ny/county:richmond'));
  assert.equal(top('Kings County, N.Y.'), ocd('state:ny/county:kings'));
});

test('Miami-Dade, parishes and territories are found by their news names', () => {
  assert.equal(top('Miami-Dade County'), ocd('state:fl/county:miami-dade'));
  assert.equal(top('Miami Dade'), ocd('state:fl/county:miami-dade'));
  assert.equal(top('Jefferson Parish, La.'), ocd('state:la/parish:jefferson'));
  assert.equal(top('Puerto Rico'), ocd('territory:pr'));
  assert.equal(top('Clark County, Nev.'), ocd('state:nv/county:clark'));
  assert.equal(top('Milwaukee County'), ocd('state:wi/county:milwaukee'));
});

test('a county described by a place in it resolves through the place', () => {
  assert.equal(top('the Washington state county that includes Seattle'), ocd('state:wa/county:king'));
  assert.equal(top('the county that includes Chicago'), ocd('state:il/county:cook'));
});

test('a name cut short still finds the place it starts', () => {
  assert.equal(top('West Palm'), ocd('state:fl/place:west_palm_beach'));
  assert.equal(top('San Fran'), ocd('state:ca/place:san_francisco'));
});

test('candidates come best first with scores between 0 and 1, and the limit holds', () => {
  const found = resolveJurisdiction(registry, 'Springfield', { limit: 8 });
  assert.equal(found.length, 8);
  for (const c of found) assert.ok(c.score > 0 && c.score <= 1, `${c.id} ${c.score}`);
  for (let i = 1; i < found.length; i++) assert.ok((found[i - 1]?.score ?? 0) >= (found[i]?.score ?? 0));
  assert.deepEqual(Object.keys(found[0] ?? {}).sort(), ['id', 'kind', 'name', 'score']);
});

test('a text that names nothing gives no candidates', () => {
  assert.deepEqual(resolveJurisdiction(registry, ''), []);
  assert.deepEqual(resolveJurisdiction(registry, 'Qwxyzzy'), []);
  assert.deepEqual(resolveJurisdiction(registry, 'ocd-division/country:us/state:zz'), []);
});

test('kinds narrow the candidates', () => {
  assert.equal(top('Sacramento', { kinds: ['county'] }), ocd('state:ca/county:sacramento'));
  assert.equal(top('Sacramento'), ocd('state:ca/place:sacramento'));
});

test('state names and abbreviations read as codes', () => {
  assert.equal(stateCodeOf('Calif.'), 'ca');
  assert.equal(stateCodeOf('Wash.'), 'wa');
  assert.equal(stateCodeOf('Ky.'), 'ky');
  assert.equal(stateCodeOf('Colo.'), 'co');
  assert.equal(stateCodeOf('N.Y.'), 'ny');
  assert.equal(stateCodeOf('Washington state'), 'wa');
  assert.equal(stateCodeOf('Chicago'), undefined);
});
