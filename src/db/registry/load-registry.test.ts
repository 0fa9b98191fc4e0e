// The built registry on disk: must-hold counts, consolidated governments' double ids, places tied to counties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isCountyLike } from '../../domain/registry/registry-entry.ts';
import { parseOcdId } from '../../domain/registry/parse-ocd-id.ts';
import { REGISTRY_GEOMETRY_FILE, loadRegistry, readRegistryFile, registryMeta } from './load-registry.ts';

const registry = loadRegistry();
const ocd = (tail: string): string => `ocd-division/country:us/${tail}`;

test('the registry holds every state, DC, the territories, 3,100+ counties and 10,000+ places', () => {
  const counts = registry.countByKind();
  assert.equal(counts.state, 50);
  assert.equal(counts.district, 1);
  assert.equal(counts.territory, 5);
  assert.ok(counts.county >= 3100, `counties: ${counts.county}`);
  assert.ok(counts.place >= 10000, `places: ${counts.place}`);
  assert.deepEqual(registryMeta().counts, counts);
});

test('the registry is read once per process', () => {
  assert.equal(loadRegistry(), registry);
});

test('every id is a well-formed OCD-ID and belongs to one entry only', () => {
  const seen = new Set<string>();
  for (const e of registry.entries()) {
    for (const id of [e.id, ...(e.alsoIds ?? [])]) {
      assert.equal(parseOcdId(id), id);
      assert.ok(!seen.has(id), `${id} twice`);
      seen.add(id);
    }
  }
});

const CONSOLIDATED: readonly (readonly [string, string])[] = [
  ['state:co/place:denver', 'state:co/county:denver'],
  ['state:ca/place:san_francisco', 'state:ca/county:san_francisco'],
  ['state:ky/county:jefferson', 'state:ky/place:louisville'],
  ['state:pa/place:philadelphia', 'state:pa/county:philadelphia'],
  ['state:la/place:new_orleans', 'state:la/parish:orleans'],
  ['state:hi/county:honolulu', 'state:hi/place:honolulu'],
  ['state:tn/county:davidson', 'state:tn/place:nashville'],
  ['state:in/place:indianapolis', 'state:in/county:marion'],
];

for (const [canonical, other] of CONSOLIDATED) {
  test(`consolidated government: ${other} is the same record as canonical ${canonical}`, () => {
    const e = registry.get(ocd(other));
    assert.equal(e?.id, ocd(canonical));
    assert.equal(registry.get(ocd(canonical)), e);
    assert.ok(e?.alsoIds?.includes(ocd(other) as never));
    assert.equal(registry.canonicalId(ocd(other)), ocd(canonical));
  });
}

test('Louisville Metro carries its legal name and is a metro government', () => {
  const e = registry.require(ocd('state:ky/county:jefferson'));
  assert.equal(e.legalName, 'Louisville/Jefferson County Metro Government');
  assert.equal(e.legalKind, 'metro government');
  assert.equal(e.kind, 'county');
});

test('New York City is one place made of five counties, each pointing back at it', () => {
  const nyc = registry.require(ocd('state:ny/place:new_york'));
  assert.equal(nyc.components?.length, 5);
  for (const id of nyc.components ?? []) assert.equal(registry.get(id)?.partOf, nyc.id);
  assert.ok(nyc.components?.includes(registry.require(ocd('state:ny/county:kings')).id));
});

test('parishes, boroughs and census areas keep their OCD type and also answer to county:', () => {
  assert.equal(registry.get(ocd('state:la/county:jefferson'))?.id, ocd('state:la/parish:jefferson'));
  assert.equal(registry.get(ocd('state:ak/county:bethel'))?.id, ocd('state:ak/census_area:bethel'));
  assert.equal(registry.get(ocd('state:ak/county:juneau'))?.id, ocd('state:ak/borough:juneau'));
});

test('an independent city and the county of the same name are two divisions', () => {
  const city = registry.require(ocd('state:va/place:richmond'));
  const county = registry.require(ocd('state:va/county:richmond'));
  assert.notEqual(city, county);
  assert.equal(city.legalKind, 'independent city');
  assert.equal(registry.require(ocd('state:md/place:baltimore')).fips, '24510');
  assert.equal(registry.require(ocd('state:md/county:baltimore')).fips, '24005');
});

test('a name used twice in one state gives the second place an id under its county', () => {
  const plain = registry.require(ocd('state:ky/place:jackson'));
  const nested = registry.entries().filter((e) => e.state === 'ky' && e.name === 'Jackson' && e !== plain);
  assert.ok(nested.length >= 1);
  for (const e of nested)
    assert.match(e.id, /^ocd-division\/country:us\/state:ky\/county:[a-z_~-]+\/place:jackson$/);
});

test('every place has a point and a county-equivalent that exists', () => {
  for (const e of registry.entries()) {
    if (e.kind !== 'place' || isCountyLike(e)) continue;
    assert.ok(e.point, `${e.id} has no point`);
    const county = e.county ? registry.get(e.county) : undefined;
    assert.ok(county && isCountyLike(county), `${e.id} has no county`);
  }
  assert.equal(registry.require(ocd('state:wa/place:seattle')).county, ocd('state:wa/county:king'));
  assert.equal(registry.require(ocd('state:ca/place:watsonville')).county, ocd('state:ca/county:santa_cruz'));
});

test('every state and county-equivalent has a geometry in the shipped us-atlas file', () => {
  const topo = JSON.parse(readFileSync(fileURLToPath(REGISTRY_GEOMETRY_FILE), 'utf8')) as {
    objects: Record<string, { geometries: { id: string }[] }>;
  };
  const ids = new Set(
    [...(topo.objects.counties?.geometries ?? []), ...(topo.objects.states?.geometries ?? [])].map(
      (g) => g.id,
    ),
  );
  for (const e of registry.entries()) {
    if (e.kind === 'place' && !e.fips) continue;
    assert.ok(e.fips && ids.has(e.fips), `${e.id} has no geometry (${e.fips})`);
  }
});

test('a missing or foreign file is reported with what to do', () => {
  assert.throws(() => readRegistryFile(new URL('./nowhere.json', import.meta.url)), /build-registry/);
  assert.throws(
    () => readRegistryFile(new URL('./load-registry.ts', import.meta.url)),
    /build-registry|schema/,
  );
});
