// Validation and construction of OCD division ids (`ocd-division/country:us/state:il/place:chicago`).
import type { OcdId } from '../shared/brand.ts';
import { DomainError } from '../shared/domain-error.ts';

export type OcdIdPart = { readonly type: string; readonly value: string };

export const US_DIVISION = 'ocd-division/country:us' as OcdId;

// OCD's grammar: `ocd-division/country:<iso>` then any number of `/<type>:<id>`; types are lower-case words,
// ids are lower-case letters, digits, `.`, `_`, `~` and `-`. Registry slugs are ASCII, but ids minted
// elsewhere may carry UTF-8 letters, which the standard allows.
const COUNTRY = /^country:[a-z]{2}$/;
const PART = /^([a-z][a-z_]*):([\p{Ll}\p{Lo}0-9._~-]+)$/u;

const fail = (text: string, why: string): never => {
  throw new DomainError('bad-ocd-id', `"${text}" is not an OCD-ID: ${why}`, { text });
};

/** Splits a valid OCD-ID into its `type:value` parts after the `ocd-division/` prefix, country included. */
export function ocdIdParts(text: string): readonly OcdIdPart[] {
  if (typeof text !== 'string' || text.length === 0) return fail(String(text), 'empty');
  if (text !== text.trim()) return fail(text, 'surrounding whitespace');
  const segments = text.split('/');
  if (segments[0] !== 'ocd-division') return fail(text, 'must start with "ocd-division/"');
  if (segments.length < 2 || !COUNTRY.test(segments[1] ?? '')) {
    return fail(text, 'second part must be "country:xx"');
  }
  return segments.slice(1).map((segment) => {
    const m = PART.exec(segment);
    if (!m) return fail(text, `"${segment}" is not a lower-case "type:id" pair`);
    return { type: m[1] as string, value: m[2] as string };
  });
}

/** Validates the shape of an OCD-ID (not that the division exists) or throws `bad-ocd-id`. */
export function parseOcdId(text: string): OcdId {
  ocdIdParts(text);
  return text as OcdId;
}

export const isOcdId = (text: string): text is OcdId => {
  try {
    parseOcdId(text);
    return true;
  } catch {
    return false;
  }
};

/** Builds a US OCD-ID from `type:value` pairs below the country, validating the result. */
export const usOcdId = (...parts: readonly (readonly [string, string])[]): OcdId =>
  parseOcdId([US_DIVISION, ...parts.map(([type, value]) => `${type}:${value}`)].join('/'));

/** The two-letter state, DC or territory code of a US OCD-ID (`il`), if it names one. */
export function stateCodeOfOcdId(id: string): string | undefined {
  const parts = ocdIdParts(id);
  const first = parts[1];
  if (parts[0]?.value !== 'us' || !first) return undefined;
  return ['state', 'district', 'territory'].includes(first.type) ? first.value : undefined;
}
