// The registry's lookups on a small hand-made set of entries: ids and also-ids, counts, search, bad ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OcdId } from '../shared/brand.ts';
import { isDomainError } from '../shared/domain-error.ts';
import { Registry } from './registry.ts';
import type { RegistryEntry } from './registry-entry.ts';

const id = (tail: string): OcdId => `ocd-division/country:us/${tail}` as OcdId;

const colorado: RegistryEntry = {
  id: id('state:co'),
  name: 'Colorado',
  kind: 'state',
  state: 'co',
  aliases: ['Colo.'],
};
const denver: RegistryEntry = {
  id: id('state:co/place:denver'),
  alsoIds: [id('state:co/county:denver')],
  name: 'Denver',
  legalName: 'City and County of Denver',
  kind: 'place',
  legalKind: 'consolidated city-county',
  state: 'co',
  parent: colorado.id,
  population: 682545,
  aliases: ['Denver County'],
};
const boulderCounty: RegistryEntry = {
  id: id('state:co/county:boulder'),
  name: 'Boulder County',
  kind: 'county',
  state: 'co',
  parent: colorado.id,
  placePopulation: 300000,
};
const boulder: RegistryEntry = {
  id: id('state:co/place:boulder'),
  name: 'Boulder',
  kind: 'place',
  state: 'co',
  parent: colorado.id,
  county: boulderCounty.id,
  population: 105000,
};
const denverPa: RegistryEntry = {
  id: id('state:pa/place:denver'),
  name: 'Denver',
  kind: 'place',
  state: 'pa',
  parent: id('state:pa'),
  population: 3875,
};
const registry = new Registry([colorado, denver, boulderCounty, boulder, denverPa]);

test('a consolidated city-county is found by either of its ids, and the place id is canonical', () => {
  assert.equal(registry.get(id('state:co/county:denver')), denver);
  assert.equal(registry.get(id('state:co/place:denver')), denver);
  assert.equal(registry.canonicalId(id('state:co/county:denver')), id('state:co/place:denver'));
});

test('counts go by kind, each government once however many ids it has', () => {
  assert.deepEqual(registry.countByKind(), { state: 1, district: 0, territory: 0, county: 1, place: 3 });
  assert.equal(registry.size, 5);
});

test('require names the problem: a malformed id is bad-ocd-id, a well-formed unknown one unknown-jurisdiction', () => {
  assert.throws(
    () => registry.require('Denver'),
    (e: unknown) => isDomainError(e) && e.code === 'bad-ocd-id',
  );
  assert.throws(
    () => registry.require(id('state:co/place:aurora')),
    (e: unknown) => isDomainError(e) && e.code === 'unknown-jurisdiction',
  );
  assert.equal(registry.get(id('state:co/place:aurora')), undefined);
});

test('two entries claiming one id are refused', () => {
  const twin: RegistryEntry = { ...boulder, name: 'Boulder again', alsoIds: [id('state:co/county:denver')] };
  assert.throws(
    () => new Registry([denver, twin]),
    (e: unknown) => isDomainError(e) && e.code === 'conflict',
  );
});

test('an entry with a malformed id is refused', () => {
  const broken = { ...boulder, id: 'boulder' as OcdId };
  assert.throws(
    () => new Registry([broken]),
    (e: unknown) => isDomainError(e) && e.code === 'bad-ocd-id',
  );
});

test('name lookups fold case, punctuation and legal words', () => {
  assert.deepEqual(
    registry.namesMatching('denver').map((h) => h.entry.id),
    [denver.id, denverPa.id],
  );
  assert.equal(registry.namesMatching('denver county')[0]?.entry, denver);
  assert.equal(registry.namesMatching('boulder county')[0]?.quality, 1);
  // "Boulder" alone names the county only weakly: the city is the plainer reading.
  const bare = registry.namesMatching('boulder');
  assert.equal(bare.find((h) => h.entry === boulderCounty)?.quality, 0.85);
  assert.equal(bare.find((h) => h.entry === boulder)?.quality, 0.98);
  assert.equal(registry.namesMatching('colo')[0]?.entry, colorado);
});

test('search lists names starting with the text before names containing it, most populous first', () => {
  assert.deepEqual(
    registry.search('denv').map((e) => e.id),
    [denver.id, denverPa.id],
  );
  assert.deepEqual(
    registry.search('ould').map((e) => e.id),
    [boulderCounty.id, boulder.id],
  );
  assert.deepEqual(
    registry.search('denver', { state: 'pa' }).map((e) => e.id),
    [denverPa.id],
  );
  assert.deepEqual(
    registry.search('boulder', { kinds: ['county'] }).map((e) => e.id),
    [boulderCounty.id],
  );
  assert.deepEqual(registry.search('   '), []);
});

test('token lookups accept a word cut short at the end', () => {
  assert.deepEqual(
    registry.entriesWithTokens(['city', 'and', 'county', 'of', 'den'], true).map((e) => e.id),
    [denver.id],
  );
  assert.deepEqual(registry.entriesWithTokens(['nowhere'], false), []);
});
