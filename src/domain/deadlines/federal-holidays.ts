// US federal holidays (5 U.S.C. § 6103(a)) with their observed dates (§ 6103(b); Executive Order 11582).
import type { IsoDate } from '../shared/brand.ts';
import { addDays, dayOfWeek, ymd } from '../shared/iso-date.ts';

export type FederalHoliday = {
  readonly name: string;
  /** The legal date of the holiday. */
  readonly date: IsoDate;
  /** The day federal offices close: a Saturday holiday is observed the Friday before, a Sunday one the Monday after. */
  readonly observed: IsoDate;
};

/** The n-th given weekday of a month (n = -1 for the last). */
function nthWeekday(year: number, month: number, weekday: number, n: number): IsoDate {
  if (n > 0) {
    const first = ymd(year, month, 1);
    const offset = (weekday - dayOfWeek(first) + 7) % 7;
    return addDays(first, offset + (n - 1) * 7);
  }
  const last = addDays(ymd(year, month + 1, 1), -1);
  return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
}

function observedDate(date: IsoDate): IsoDate {
  const dow = dayOfWeek(date);
  if (dow === 6) return addDays(date, -1);
  if (dow === 0) return addDays(date, 1);
  return date;
}

const cache = new Map<number, readonly FederalHoliday[]>();

/** Holidays whose legal date falls in `year`, in date order. */
export function federalHolidays(year: number): readonly FederalHoliday[] {
  const hit = cache.get(year);
  if (hit) return hit;
  const fixed = (name: string, month: number, day: number) => ({ name, date: ymd(year, month, day) });
  const list: { name: string; date: IsoDate }[] = [
    fixed("New Year's Day", 1, 1),
    // Birthday of Martin Luther King, Jr.: observed from 1986 (Pub. L. 98-144).
    ...(year >= 1986
      ? [{ name: 'Birthday of Martin Luther King, Jr.', date: nthWeekday(year, 1, 1, 3) }]
      : []),
    { name: "Washington's Birthday", date: nthWeekday(year, 2, 1, 3) },
    { name: 'Memorial Day', date: nthWeekday(year, 5, 1, -1) },
    // Juneteenth National Independence Day: from 2021 (Pub. L. 117-17).
    ...(year >= 2021 ? [fixed('Juneteenth National Independence Day', 6, 19)] : []),
    fixed('Independence Day', 7, 4),
    { name: 'Labor Day', date: nthWeekday(year, 9, 1, 1) },
    { name: 'Columbus Day', date: nthWeekday(year, 10, 1, 2) },
    fixed('Veterans Day', 11, 11),
    { name: 'Thanksgiving Day', date: nthWeekday(year, 11, 4, 4) },
    fixed('Christmas Day', 12, 25),
  ];
  const result = list.map((h) => ({ ...h, observed: observedDate(h.date) }));
  cache.set(year, result);
  return result;
}

/** The holiday observed on `date`, if any (looks at the next year too: 2022-01-01 was observed 2021-12-31). */
export function observedHolidayOn(date: IsoDate): FederalHoliday | undefined {
  const year = +date.slice(0, 4);
  for (const y of [year, year + 1]) {
    const h = federalHolidays(y).find((x) => x.observed === date);
    if (h) return h;
  }
  return undefined;
}
