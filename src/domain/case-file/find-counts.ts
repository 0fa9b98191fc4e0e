// Reads stated numbers of jurisdictions ("23 jurisdictions", "nine cities", "three states and twenty cities").
import type { Qualifier } from './case-facts.ts';

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/**
 * A number written in digits or words: "23", "twenty-three", "twenty three", "a dozen", "two dozen",
 * "one hundred and five". Undefined when the text is not a number.
 */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase().replace(/,/g, '');
  if (/^\d{1,7}$/.test(t)) return Number(t);
  const words = t.split(/[\s-]+/).filter((w) => w !== 'and');
  if (words.length === 0) return undefined;
  let total = 0;
  let current = 0;
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w === 'a' && i === 0) {
      current = 1;
      continue;
    }
    if (w in UNITS) {
      current += UNITS[w] as number;
      seen = true;
    } else if (w in TENS) {
      current += TENS[w] as number;
      seen = true;
    } else if (w === 'dozen') {
      current = (current || 1) * 12;
      seen = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (w === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
      seen = true;
    } else return undefined;
  }
  return seen ? total + current : undefined;
}

const NUMBER_WORD =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)';
/** A number in digits or words; words may be hyphenated or spaced ("twenty-three", "two dozen"). */
const NUMBER = `(?:\\d{1,3}(?![\\d,])|(?:an?[ \\t]+)?${NUMBER_WORD}(?:[- \\t]+(?:and[ \\t]+)?${NUMBER_WORD}){0,3})`;
/** The nouns that count governments; plural, except "one jurisdiction". */
const NOUN_WORDS = [
  'cities, counties and states',
  'cities, states and counties',
  'states, cities and counties',
  'cities and counties',
  'counties and cities',
  'cities and states',
  'states and cities',
  'local governments',
  'city governments',
  'county governments',
  'state governments',
  'jurisdictions',
  'municipalities',
  'localities',
  'governments',
  'communities',
  'recipients',
  'grantees',
  'counties',
  'cities',
  'states',
  'places',
  'towns',
  'jurisdiction',
];
// Longest first: an alternation takes the first alternative that fits.
const NOUN = `(?:${NOUN_WORDS.map((w) => w.replace(/ /g, '[ \\t]+')).join('|')})`;
const ADJECTIVES =
  '(?:(?:more|other|additional|further|new|so-called|sanctuary|local|American|U\\.S\\.|targeted|separate|different|specific|such|of[ \\t]+the|of[ \\t]+those|of[ \\t]+them)[ \\t]+){0,3}';
const QUALIFIER_BEFORE =
  '(?:(more than|over|at least|upward of|upwards of|about|approximately|roughly|around|nearly|almost|some|an estimated|less than|fewer than|under|up to|at most)[ \\t]+)?';

// One "N noun" part; a count is one or more parts joined by "and" or commas ("three states and twenty cities").
const PART = `(${NUMBER})[ \\t]+${ADJECTIVES}(${NOUN})\\b`;
const COUNT = new RegExp(
  `\\b${QUALIFIER_BEFORE}${PART}(?:(?:,[ \\t]*|[ \\t]+)(?:and[ \\t]+)?${QUALIFIER_BEFORE}${PART}){0,3}`,
  'gi',
);
const PART_ONE = new RegExp(PART, 'gi');

export type FoundCount = {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly qualifier: Qualifier;
  readonly noun: string;
  readonly parts?: readonly { readonly value: number; readonly noun: string }[];
};

const qualifierOf = (word: string | undefined): Qualifier => {
  if (!word) return 'exact';
  const w = word.toLowerCase();
  if (/^(more than|over|at least|upwards? of)$/.test(w)) return 'more-than';
  if (/^(less than|fewer than|under|up to|at most)$/.test(w)) return 'less-than';
  return 'about';
};

/** Stated numbers of jurisdictions in `text`, with the parts when several are added up. */
export function findCounts(text: string): FoundCount[] {
  const out: FoundCount[] = [];
  for (const m of text.matchAll(COUNT)) {
    const parts: { value: number; noun: string }[] = [];
    for (const p of m[0].matchAll(PART_ONE)) {
      const value = parseNumber(p[1] as string);
      if (value === undefined) continue;
      parts.push({ value, noun: (p[2] as string).toLowerCase() });
    }
    if (parts.length === 0) continue;
    // "one jurisdiction" only as a singular count word; "a" alone is not a number here.
    if (parts.length === 1 && (parts[0] as { noun: string }).noun === 'jurisdiction' && parts[0]?.value !== 1)
      continue;
    const value = parts.reduce((s, p) => s + p.value, 0);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      value,
      qualifier: qualifierOf(m[1]),
      noun: parts.length === 1 ? (parts[0] as { noun: string }).noun : parts.map((p) => p.noun).join(' and '),
      ...(parts.length > 1 ? { parts } : {}),
    });
  }
  return out;
}
