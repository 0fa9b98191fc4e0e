// Finds date expressions and resolves them against the document's date ("on Wednesday", "by Feb. 23", "in November").
import type { IsoDate } from '../shared/brand.ts';
import { addDays, dayOfWeek, yearOf, ymd } from '../shared/iso-date.ts';
import type { DatePrecision } from './case-facts.ts';

/** A date expression at [start, end) of the text it was found in. */
export type FoundDate = {
  readonly start: number;
  readonly end: number;
  readonly date: IsoDate;
  readonly precision: DatePrecision;
  readonly role: 'point' | 'deadline';
  readonly rule: string;
};

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

const MON =
  '(?:Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?\\.?|July?\\.?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)(?![a-z])';
const DAY_NAME = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const ORD = '(?:st|nd|rd|th)?';

// Every pattern is a chain of bounded pieces separated by literal words, so scanning stays linear.
const FULL_MDY = new RegExp(
  `\\b(?:${DAY_NAME},?[ \\t]+)?(${MON})[ \\t]+(\\d{1,2})${ORD}(?:[ \\t]*(?:-|–|and|through|to)[ \\t]*(\\d{1,2})${ORD})?(?:,?[ \\t]+(\\d{4}))?(?![\\d])`,
  'gi',
);
const FULL_DMY = new RegExp(`\\b(\\d{1,2})[ \\t]+(${MON}),?[ \\t]+(\\d{4})\\b`, 'g');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const NUMERIC = /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b(?![/\d])/g;
const MONTH_YEAR = new RegExp(
  `\\b(?:(early|mid|late|the end of|end of|the beginning of|beginning of)[- \\t]+)?(${MON}),?[ \\t]+(\\d{4})\\b`,
  'gi',
);
const MONTH_ONLY = new RegExp(
  `\\b(?:([Ll]ast|[Nn]ext|[Tt]his(?:[ \\t]+past|[ \\t]+coming)?)[ \\t]+)?(?:(early|mid|late)[- \\t]+)?(${MON})(?!\\.?[ \\t]*\\d)`,
  'g',
);
const WEEKDAY = new RegExp(
  `\\b(?:([Ll]ast|[Nn]ext|[Tt]his(?:[ \\t]+past|[ \\t]+coming)?)[ \\t]+)?${DAY_NAME}(?!s\\b)\\b`,
  'g',
);
const RELATIVE =
  /\b(today|yesterday|tomorrow|(?:(?:earlier|later|early|late)[ \t]+)?(?:this|last|next)[ \t]+(?:week|month|year)|(?:earlier|later)[ \t]+this[ \t]+(?:week|month|year)|the[ \t]+(?:previous|prior|following)[ \t]+(?:week|month|year))\b/gi;
const YEAR_ONLY =
  /\b(?:in|during|since|by|until|through|throughout|early|late|mid-?)[ \t]+((?:19|20)\d{2})\b(?![-–/]\d)/gi;

// Words before a date that make it a due date; words after ("a Feb. 23 deadline").
const DEADLINE_BEFORE =
  /\b(?:by|until|before|due|due on|due by|no later than|not later than|deadline of|deadline is|deadline was|deadline|respond by|expires|expires on|on or before|close of business on|the end of)[ \t]+(?:the[ \t]+)?$/i;
const DEADLINE_AFTER =
  /^(?:[ \t]+deadline\b|['’]s[ \t]+deadline\b|[ \t]+as[ \t]+(?:the|a|its|their)[ \t]+deadline\b)/i;
// A month alone needs a preposition, an indefinite article or a modifier before it ("in November", "a November
// warning"), so "May" the verb is never a month. "the September ruling" names an earlier event, not this one's date.
const MONTH_PREPOSITION =
  /\b(?:in|by|until|since|before|after|during|through|of|from|for|starting|between|and|or|to|a|an|its|their)[ \t]+$/i;
const FORWARD_BEFORE = /\b(?:by|until|before|due|due on|due by|no later than|next|starting|through)[ \t]+$/i;
const FISCAL_BEFORE = /(?:\bFY|\bfiscal(?:[ \t]+year)?)[ \t]*$/i;

const monthOf = (name: string): number => MONTHS[name.slice(0, 3).toLowerCase()] ?? 0;

/** A real calendar day, or undefined ("Feb. 30"). */
function dayOrUndefined(y: number, m: number, d: number): IsoDate | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const date = ymd(y, m, d);
  return +date.slice(5, 7) === m ? date : undefined;
}

export type WeekdayMode = 'on-or-before' | 'before' | 'on-or-after' | 'after' | 'same-week';

/**
 * The `weekday` (0 = Sunday) nearest `ref` in the given direction. `same-week` is the day of the Monday-to-Sunday
 * week that holds `ref` ("this Friday").
 */
export function resolveWeekday(ref: IsoDate, weekday: number, mode: WeekdayMode): IsoDate {
  const dow = dayOfWeek(ref);
  switch (mode) {
    case 'on-or-before':
      return addDays(ref, -((dow - weekday + 7) % 7));
    case 'before':
      return addDays(ref, -((dow - weekday + 7) % 7 || 7));
    case 'on-or-after':
      return addDays(ref, (weekday - dow + 7) % 7);
    case 'after':
      return addDays(ref, (weekday - dow + 7) % 7 || 7);
    case 'same-week':
      return addDays(ref, ((weekday + 6) % 7) - ((dow + 6) % 7));
  }
}

/** The first day of the month `month` nearest `ref` in the given direction (the month of `ref` counts as on). */
export function resolveMonth(
  ref: IsoDate,
  month: number,
  mode: 'on-or-before' | 'before' | 'on-or-after' | 'after',
): IsoDate {
  const y = yearOf(ref);
  const m = +ref.slice(5, 7);
  switch (mode) {
    case 'on-or-before':
      return ymd(month <= m ? y : y - 1, month, 1);
    case 'before':
      return ymd(month < m ? y : y - 1, month, 1);
    case 'on-or-after':
      return ymd(month >= m ? y : y + 1, month, 1);
    case 'after':
      return ymd(month > m ? y : y + 1, month, 1);
  }
}

/** A month and day without a year: the year that puts it nearest the document's date. */
export function nearestYear(ref: IsoDate, month: number, day: number): IsoDate | undefined {
  const y = yearOf(ref);
  let best: IsoDate | undefined;
  let bestGap = Infinity;
  for (const year of [y - 1, y, y + 1]) {
    const d = dayOrUndefined(year, month, day);
    if (!d) continue;
    const gap = Math.abs(
      Date.UTC(year, month - 1, day) - Date.UTC(y, +ref.slice(5, 7) - 1, +ref.slice(8, 10)),
    );
    if (gap < bestGap) [best, bestGap] = [d, gap];
  }
  return best;
}

const mondayOf = (d: IsoDate): IsoDate => addDays(d, -((dayOfWeek(d) + 6) % 7));

function resolveRelative(
  phrase: string,
  ref: IsoDate,
): { date: IsoDate; precision: DatePrecision } | undefined {
  const p = phrase.toLowerCase().replace(/\s+/g, ' ');
  if (p === 'today') return { date: ref, precision: 'day' };
  if (p === 'yesterday') return { date: addDays(ref, -1), precision: 'day' };
  if (p === 'tomorrow') return { date: addDays(ref, 1), precision: 'day' };
  const m = /(this|last|next|previous|prior|following) (week|month|year)$/.exec(p);
  if (!m) return undefined;
  const shift = m[1] === 'this' ? 0 : m[1] === 'last' || m[1] === 'previous' || m[1] === 'prior' ? -1 : 1;
  const y = yearOf(ref);
  const mo = +ref.slice(5, 7);
  switch (m[2]) {
    case 'week':
      return { date: addDays(mondayOf(ref), 7 * shift), precision: 'week' };
    case 'month':
      return { date: ymd(y, mo + shift, 1), precision: 'month' };
    default:
      return { date: ymd(y + shift, 1, 1), precision: 'year' };
  }
}

type Raw = Omit<FoundDate, 'role'> & { forward?: boolean };

/**
 * Date expressions in `text`, resolved against `ref` (the document's date). Without `ref`, only expressions that
 * carry their year are resolved. Overlaps keep the longer expression.
 */
export function findDates(text: string, ref: IsoDate | undefined): FoundDate[] {
  const raw: Raw[] = [];
  const before = (i: number): string => text.slice(Math.max(0, i - 40), i);
  const push = (r: Raw): void => {
    raw.push(r);
  };

  for (const m of text.matchAll(FULL_MDY)) {
    // Case-insensitive for "JANUARY 24, 2018" headers, but a lower-case month word is a verb ("may 2").
    if (!/^[A-Z]/.test(m[2] as string)) continue;
    const month = monthOf(m[2] as string);
    const day = Number(m[3]);
    const start = m.index;
    const end = start + m[0].length;
    if (m[5]) {
      const date = dayOrUndefined(Number(m[5]), month, day);
      if (date) push({ start, end, date, precision: 'day', rule: 'full date' });
    } else if (ref) {
      const date = nearestYear(ref, month, day);
      if (date) push({ start, end, date, precision: 'day', rule: `month and day, year nearest ${ref}` });
    }
  }
  for (const m of text.matchAll(FULL_DMY)) {
    const date = dayOrUndefined(Number(m[3]), monthOf(m[2] as string), Number(m[1]));
    if (date) push({ start: m.index, end: m.index + m[0].length, date, precision: 'day', rule: 'full date' });
  }
  for (const m of text.matchAll(ISO)) {
    const date = dayOrUndefined(Number(m[1]), Number(m[2]), Number(m[3]));
    if (date) push({ start: m.index, end: m.index + m[0].length, date, precision: 'day', rule: 'ISO date' });
  }
  for (const m of text.matchAll(NUMERIC)) {
    const y = (m[3] as string).length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const date = dayOrUndefined(y, Number(m[1]), Number(m[2]));
    if (date)
      push({ start: m.index, end: m.index + m[0].length, date, precision: 'day', rule: 'numeric date' });
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    const month = monthOf(m[2] as string);
    if (!month || !/^[A-Z]/.test(m[2] as string)) continue;
    push({
      start: m.index,
      end: m.index + m[0].length,
      date: ymd(Number(m[3]), month, 1),
      precision: 'month',
      rule: 'month and year',
    });
  }
  for (const m of text.matchAll(YEAR_ONLY)) {
    if (FISCAL_BEFORE.test(before(m.index))) continue;
    const yStart = m.index + m[0].length - 4;
    push({
      start: yStart,
      end: m.index + m[0].length,
      date: ymd(Number(m[1]), 1, 1),
      precision: 'year',
      rule: 'year',
    });
  }
  if (ref) {
    for (const m of text.matchAll(MONTH_ONLY)) {
      const modifier = m[1]?.toLowerCase().replace(/\s+/g, ' ');
      const part = m[2];
      if (!modifier && !part && !MONTH_PREPOSITION.test(before(m.index))) continue;
      const month = monthOf(m[3] as string);
      const forward =
        modifier === 'next' || modifier === 'this coming' || FORWARD_BEFORE.test(before(m.index));
      const mode =
        modifier === 'last' || modifier === 'this past'
          ? 'before'
          : modifier === 'next'
            ? 'after'
            : forward
              ? 'on-or-after'
              : 'on-or-before';
      push({
        start: m.index,
        end: m.index + m[0].length,
        date: resolveMonth(ref, month, mode),
        precision: 'month',
        rule: `month ${mode.replace(/-/g, ' ')} ${ref}`,
      });
    }
    for (const m of text.matchAll(WEEKDAY)) {
      const modifier = m[1]?.toLowerCase().replace(/\s+/g, ' ');
      const weekday = WEEKDAYS[(m[2] as string).toLowerCase()] as number;
      const forward = FORWARD_BEFORE.test(before(m.index));
      const mode: WeekdayMode =
        modifier === 'last' || modifier === 'this past'
          ? 'before'
          : modifier === 'next' || modifier === 'this coming'
            ? 'after'
            : modifier === 'this'
              ? 'same-week'
              : forward
                ? 'on-or-after'
                : 'on-or-before';
      push({
        start: m.index,
        end: m.index + m[0].length,
        date: resolveWeekday(ref, weekday, mode),
        precision: 'day',
        rule: `weekday ${mode.replace(/-/g, ' ')} ${ref}`,
      });
    }
    for (const m of text.matchAll(RELATIVE)) {
      const r = resolveRelative(m[1] as string, ref);
      if (r) push({ start: m.index, end: m.index + m[0].length, ...r, rule: `relative to ${ref}` });
    }
  }

  // Longest first, then earliest; drop anything overlapping an expression already kept (a character map keeps this
  // linear however many expressions there are).
  raw.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(text.length + 1);
  const kept: Raw[] = [];
  for (const r of raw) {
    let free = true;
    for (let i = r.start; i < r.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, r.start, r.end);
    kept.push(r);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map((r) => {
    const isDeadline =
      DEADLINE_BEFORE.test(before(r.start)) || DEADLINE_AFTER.test(text.slice(r.end, r.end + 20));
    return {
      start: r.start,
      end: r.end,
      date: r.date,
      precision: r.precision,
      role: isDeadline ? 'deadline' : 'point',
      rule: r.rule,
    };
  });
}
