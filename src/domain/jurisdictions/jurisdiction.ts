// A government that a campaign can touch, identified by its OCD-ID (BRIEF §2.5).
import type { OcdId } from '../shared/brand.ts';
import { DomainError } from '../shared/domain-error.ts';
import { ocdIdParts } from '../registry/parse-ocd-id.ts';

export type JurisdictionKind = 'state' | 'district' | 'territory' | 'county' | 'place';

export type Jurisdiction = {
  readonly id: OcdId;
  readonly name: string;
  readonly kind: JurisdictionKind;
  /** Other OCD-IDs of the same government (consolidated city-counties); `id` is the canonical one. */
  readonly alsoIds: readonly OcdId[];
};

const COUNTY_EQUIVALENTS = new Set(['county', 'parish', 'borough', 'census_area', 'municipio']);
const STATE_LEVEL = new Set(['state', 'district', 'territory']);

/** Validates a US OCD-ID (OCD grammar, `country:us`); does not check that the division exists. */
export function parseOcdId(text: string): OcdId {
  const t = typeof text === 'string' ? text.trim() : '';
  let parts;
  try {
    parts = ocdIdParts(t);
  } catch {
    throw new DomainError(
      'bad-ocd-id',
      `"${text}" is not a US OCD-ID (expected e.g. ocd-division/country:us/state:il/place:chicago)`,
      { text },
    );
  }
  if (parts[0]?.value !== 'us') {
    throw new DomainError('bad-ocd-id', `"${text}" is not a US division (country:us)`, { text });
  }
  return t as OcdId;
}

/** Two-letter state (or district/territory) code of an OCD-ID, e.g. `il`. */
export function stateCodeOf(id: OcdId): string | undefined {
  const level = ocdIdParts(id)[1];
  return level && STATE_LEVEL.has(level.type) ? level.value : undefined;
}

/** The state-level OCD-ID that contains `id` (itself for a state). */
export function stateIdOf(id: OcdId): OcdId | undefined {
  const level = ocdIdParts(id)[1];
  return level && STATE_LEVEL.has(level.type)
    ? (`ocd-division/country:us/${level.type}:${level.value}` as OcdId)
    : undefined;
}

export const kindOfOcdId = (id: OcdId): JurisdictionKind | undefined => {
  const parts = ocdIdParts(id);
  const last = parts[parts.length - 1];
  if (!last || parts.length < 2) return undefined;
  if (STATE_LEVEL.has(last.type)) return last.type as JurisdictionKind;
  if (COUNTY_EQUIVALENTS.has(last.type)) return 'county';
  return last.type === 'place' ? 'place' : undefined;
};

export const sameJurisdiction = (j: Jurisdiction, id: OcdId): boolean =>
  j.id === id || j.alsoIds.includes(id);
