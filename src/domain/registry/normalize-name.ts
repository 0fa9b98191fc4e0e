// The one folding of names used both to index the registry and to read queries, so the two always agree.
const COMBINING_MARKS = /\p{M}/gu;
const APOSTROPHES = /['\u2018\u2019\u02bb\u02bc`\u00b4]/g;

// Spelled-out and abbreviated forms that news and the gazetteer mix freely ("St. Louis" / "Saint Louis").
const TOKEN_SYNONYMS: Readonly<Record<string, string>> = {
  saint: 'st',
  sainte: 'ste',
  mount: 'mt',
  fort: 'ft',
  '&': 'and',
};

/**
 * Folds a name for matching: ASCII letters, lower case, apostrophes and periods removed
 * (`D.C.` -> `dc`, `Coeur d'Alene` -> `coeur dalene`), any other punctuation a word break
 * (`Winston-Salem` -> `winston salem`), and `saint`/`mount`/`fort` written short.
 */
export function normalizeName(text: string): string {
  return tokenizeName(text).join(' ');
}

export function tokenizeName(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/\./g, '')
    .replace(/&/g, ' & ')
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim();
  if (folded.length === 0) return [];
  return folded.split(' ').map((t) => TOKEN_SYNONYMS[t] ?? t);
}
