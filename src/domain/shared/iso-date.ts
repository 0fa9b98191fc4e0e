// Calendar-date arithmetic on `YYYY-MM-DD` strings, done in UTC so no time zone can shift a day.
import type { IsoDate } from './brand.ts';
import { DomainError } from './domain-error.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses a `YYYY-MM-DD` string that names a real calendar day, or throws `bad-date`. */
export function parseIsoDate(text: string, what = 'date'): IsoDate {
  const m = ISO.exec(text.trim());
  if (!m) throw new DomainError('bad-date', `${what} must be YYYY-MM-DD, got "${text}"`, { text });
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new DomainError('bad-date', `${what} "${text}" is not a calendar day`, { text });
  }
  return text.trim() as IsoDate;
}

export const isIsoDate = (text: string): text is IsoDate => {
  try {
    parseIsoDate(text);
    return true;
  } catch {
    return false;
  }
};

/** Trusted construction for literals in code and data already validated. */
export const isoDate = (text: string): IsoDate => parseIsoDate(text);

const toUtc = (d: IsoDate): number => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
const fromUtc = (t: number): IsoDate => new Date(t).toISOString().slice(0, 10) as IsoDate;

export const addDays = (d: IsoDate, n: number): IsoDate => fromUtc(toUtc(d) + n * DAY_MS);
export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
/** 0 = Sunday ... 6 = Saturday. */
export const dayOfWeek = (d: IsoDate): number => new Date(toUtc(d)).getUTCDay();
export const isWeekend = (d: IsoDate): boolean => dayOfWeek(d) === 0 || dayOfWeek(d) === 6;
export const compareDates = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a <= b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);
export const ymd = (year: number, month: number, day: number): IsoDate =>
  fromUtc(Date.UTC(year, month - 1, day));
export const yearOf = (d: IsoDate): number => +d.slice(0, 4);
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** Effective periods are half-open: `from` inclusive, `to` exclusive (docs/adr/0002). */
export const isWithin = (
  d: IsoDate,
  from: IsoDate | null | undefined,
  to: IsoDate | null | undefined,
): boolean => (from == null || d >= from) && (to == null || d < to);
