// OCD-ID slugs from names, by BRIEF §2.5: lower case, spaces to `_`, apostrophe to `~`, other punctuation dropped.
const APOSTROPHES = /['\u2018\u2019\u02bb\u02bc`\u00b4]/g;
const COMBINING_MARKS = /\p{M}/gu;

/**
 * The slug of a name as written, e.g. `Coeur d'Alene` -> `coeur_d~alene`, `St. Louis` -> `st_louis`.
 *
 * Hyphens are kept because the OCD-ID character set allows them and the published ids use them
 * (`county:miami-dade`, `place:winston-salem`). Letters are folded to ASCII (`Doña Ana` -> `dona_ana`)
 * so that every id stays within `[a-z0-9_~-]`, the set the rest of Accordance validates.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '~')
    .replace(/\s+/g, '_')
    .replace(/[^a-z0-9_~-]/g, '')
    .replace(/_+/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '');
}

// County-type designations are stripped in any case ("Cook County"); place-type ones only in the Census
// Bureau's lower-case form ("Jefferson City city"), because capitalised they are part of a name
// ("Kansas City", "Jersey Village", "Borough Park").
const COUNTY_SUFFIX = / (County|Parish|Borough|Census Area|City and Borough|Municipality|Municipio)$/i;
const PLACE_SUFFIX = / (city|town|village|borough|township|municipality|CDP|city \(balance\)|\(balance\))$/;

/** Drops the legal designation that BRIEF §2.5 keeps out of slugs: `Cook County` -> `Cook`. */
export function stripLegalSuffix(name: string): string {
  const trimmed = name.trim();
  const county = trimmed.replace(COUNTY_SUFFIX, '');
  if (county !== trimmed && county.length > 0) return county;
  const place = trimmed.replace(PLACE_SUFFIX, '');
  return place.length > 0 ? place : trimmed;
}

/** The slug of a division's name with its legal designation removed: `Lac qui Parle County` -> `lac_qui_parle`. */
export const divisionSlug = (name: string): string => slugify(stripLegalSuffix(name));
