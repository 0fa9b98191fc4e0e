// Reads sums of money with their qualifier ("about", "more than") and the fiscal year stated nearby.
import type { Qualifier } from './case-facts.ts';

export type FoundAmount = {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly qualifier: Qualifier;
  readonly fiscalYear?: number;
  readonly scope?: 'national';
};

// "$2.1 million", "$260,499", "$4.3M", "$275 million"; the digits are one bounded class, so no backtracking.
const MONEY =
  /\$[ \t]?(\d{1,3}(?:,\d{3})+|\d{1,12})(?:\.(\d{1,3}))?(?:[ \t]*(million|billion|thousand|mln|bn|[MBK])\b)?/g;
const QUALIFIER_BEFORE =
  /(?:^|[^\w])(more than|over|upwards of|upward of|at least|nearly|almost|about|approximately|roughly|around|some|an estimated|close to|less than|under|up to|at most|just over|just under)[ \t]+$/i;
const FISCAL_YEAR =
  /\b(?:FY[ \t]?(20\d{2}|\d{2})|fiscal(?:[ \t]+year)?[ \t]+(20\d{2})|(20\d{2})[ \t]+(?:Byrne|JAG|grant|award|funds|funding|allocation))\b/gi;
const NATIONAL = /\b(?:nationally|nationwide|national|in total|across the country|all told|altogether)\b/i;

const MULTIPLIERS: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mln: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
};

function qualifierOf(word: string | undefined): Qualifier {
  if (!word) return 'exact';
  const w = word.toLowerCase();
  if (/^(more than|over|upwards? of|at least|just over)$/.test(w)) return 'more-than';
  if (/^(less than|under|up to|at most|just under)$/.test(w)) return 'less-than';
  return 'about';
}

/**
 * Dollar amounts in `text`. `sentenceOf(offset)` gives the bounds of the sentence holding an offset: the fiscal
 * year and the "nationally" scope are read from the same sentence, the nearest mention winning.
 */
export function findAmounts(
  text: string,
  sentenceOf: (offset: number) => { start: number; end: number },
): FoundAmount[] {
  const out: FoundAmount[] = [];
  for (const m of text.matchAll(MONEY)) {
    const whole = Number((m[1] as string).replace(/,/g, ''));
    const fraction = m[2] ? Number(`0.${m[2]}`) : 0;
    const unit = m[3]?.toLowerCase();
    const value = Math.round((whole + fraction) * (unit ? (MULTIPLIERS[unit] ?? 1) : 1));
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const q = QUALIFIER_BEFORE.exec(before);
    // The span starts at the qualifier word, so "about $2.1 million" is one item.
    const start = q ? m.index - before.length + q.index + q[0].indexOf(q[1] as string) : m.index;
    const end = m.index + m[0].length;
    // The fiscal year nearest it in its sentence (at most 400 characters each way); for a list item, failing
    // that, the one in the list's lead-in.
    const around = sentenceOf(m.index);
    const sentence = { start: Math.max(around.start, m.index - 400), end: Math.min(around.end, end + 400) };
    const nearestYear = (from: number, to: number): number | undefined => {
      let year: number | undefined;
      let bestGap = Infinity;
      for (const f of text.slice(from, to).matchAll(FISCAL_YEAR)) {
        const raw = (f[1] ?? f[2] ?? f[3]) as string;
        const gap = Math.abs(from + f.index - m.index);
        if (gap < bestGap) [year, bestGap] = [raw.length === 2 ? 2000 + Number(raw) : Number(raw), gap];
      }
      return year;
    };
    const fiscalYear =
      nearestYear(sentence.start, sentence.end) ??
      (around.start < sentence.start
        ? nearestYear(around.start, Math.min(around.start + 400, sentence.start))
        : undefined);
    const after = text.slice(end, Math.min(sentence.end, end + 40));
    const national =
      NATIONAL.test(after) || NATIONAL.test(text.slice(Math.max(sentence.start, m.index - 60), m.index));
    out.push({
      start,
      end,
      value,
      qualifier: qualifierOf(q?.[1]),
      ...(fiscalYear ? { fiscalYear } : {}),
      ...(national ? { scope: 'national' as const } : {}),
    });
  }
  return out;
}
