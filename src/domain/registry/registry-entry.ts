// One jurisdiction of the registry (a state, county-equivalent or place), keyed by its canonical OCD-ID.
import type { OcdId } from '../shared/brand.ts';

export type JurisdictionKind = 'state' | 'district' | 'territory' | 'county' | 'place';
export const JURISDICTION_KINDS: readonly JurisdictionKind[] = [
  'state',
  'district',
  'territory',
  'county',
  'place',
];

/** The legal form of the government, where the sources tell it. */
export type LegalKind =
  | 'state'
  | 'federal district'
  | 'territory'
  | 'county'
  | 'parish'
  | 'borough'
  | 'census area'
  | 'city and borough'
  | 'municipality'
  | 'municipio'
  | 'district'
  | 'island'
  | 'independent city'
  | 'consolidated city'
  | 'consolidated city-county'
  | 'metro government'
  | 'city'
  | 'town'
  | 'village';

/** Longitude, latitude (WGS 84), the GeoJSON order. */
export type LonLat = readonly [number, number];

export type RegistryEntry = {
  /** Canonical OCD-ID. */
  readonly id: OcdId;
  /** The name people use: "Cook County", "Chicago", "Illinois", "Louisville Metro". */
  readonly name: string;
  /** The formal name when it differs: "City and County of Denver", "Louisville/Jefferson County Metro Government". */
  readonly legalName?: string;
  readonly kind: JurisdictionKind;
  readonly legalKind?: LegalKind;
  /** Two-letter postal code of the state, DC or territory, lower case as in the OCD-ID. */
  readonly state: string;
  /** The state-level division that contains it; absent on states, DC and territories. */
  readonly parent?: OcdId;
  /** For places: the canonical id of the county-equivalent that its point lies in. */
  readonly county?: OcdId;
  /** Census FIPS code: 2 digits for a state, 5 for a county-equivalent (the id of its us-atlas geometry). */
  readonly fips?: string;
  /** Resident population as the gazetteer records it (places only; vintages vary). */
  readonly population?: number;
  /**
   * Sum of the gazetteer populations of the places whose points lie inside (states and counties).
   * A ranking weight for ambiguous names, not a census count.
   */
  readonly placePopulation?: number;
  /** A representative point (places); states and counties are drawn from the us-atlas geometry by `fips`. */
  readonly point?: LonLat;
  /** Other OCD-IDs of the same division (consolidated city-counties, OCD type variants); all resolve here. */
  readonly alsoIds?: readonly OcdId[];
  /** Other names the resolver accepts ("NYC", "Brooklyn", "Louisville/Jefferson County Metro Government"). */
  readonly aliases?: readonly string[];
  /** A county-equivalent that is a part of a consolidated city (New York City's five boroughs). */
  readonly partOf?: OcdId;
  /** The county-equivalents that make up a consolidated city (New York City). */
  readonly components?: readonly OcdId[];
  /** GeoNames id of the gazetteer record it was built from, for tracing a place back to its source. */
  readonly geonameId?: number;
};

/** A county-equivalent in its own right, or a government that also holds a county-type id. */
export const isCountyLike = (e: RegistryEntry): boolean =>
  e.kind === 'county' ||
  e.legalKind === 'independent city' ||
  (e.alsoIds ?? []).some((id) => /\/(county|parish|borough|census_area|municipio):[^/]+$/.test(id));

/** A place in its own right, or a county-level government that also holds a place id. */
export const isPlaceLike = (e: RegistryEntry): boolean =>
  e.kind === 'place' || (e.alsoIds ?? []).some((id) => /\/place:[^/]+$/.test(id));

export const isStateLike = (e: RegistryEntry): boolean =>
  e.kind === 'state' || e.kind === 'district' || e.kind === 'territory';
