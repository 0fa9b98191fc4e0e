// Deadline rules: explicit, stored with every deadline, and parsed from the words analysts use.
import type { IsoDate } from '../shared/brand.ts';
import { DomainError } from '../shared/domain-error.ts';
import { parseIsoDate } from '../shared/iso-date.ts';

/** Version of the rule semantics; stored beside each computed deadline so old ones can be explained later. */
export const DEADLINE_RULES_VERSION = 'deadline-rules/1';

export type DeadlineRule =
  | {
      readonly kind: 'calendar-days';
      readonly days: number;
      /** When the last day is a weekend or observed federal holiday, move to the next business day (cf. Fed. R. Civ. P. 6(a)(1)(C)). */
      readonly rollForward: boolean;
    }
  | { readonly kind: 'business-days'; readonly days: number }
  | { readonly kind: 'fixed-date'; readonly date: IsoDate };

const RULE = /^(\d{1,4})\s+(calendar|business)\s+days?(\s*,?\s*no roll(?:-forward)?)?$/i;

/** Parses "30 calendar days", "15 business days", "30 calendar days, no roll" or "by 2018-02-23". */
export function parseDeadlineRule(text: string): DeadlineRule {
  const t = text.trim();
  const by = /^(?:by\s+)?(\d{4}-\d{2}-\d{2})$/i.exec(t);
  if (by?.[1]) return { kind: 'fixed-date', date: parseIsoDate(by[1], 'deadline') };
  const m = RULE.exec(t);
  if (!m?.[1] || !m[2]) {
    throw new DomainError(
      'bad-rule',
      `deadline rule must look like "30 calendar days", "15 business days" or "by YYYY-MM-DD", got "${text}"`,
      { text },
    );
  }
  const days = Number(m[1]);
  if (days < 1 || days > 3650)
    throw new DomainError('bad-rule', `deadline rule day count must be 1–3650, got ${days}`);
  return m[2].toLowerCase() === 'calendar'
    ? { kind: 'calendar-days', days, rollForward: !m[3] }
    : { kind: 'business-days', days };
}

export function describeDeadlineRule(rule: DeadlineRule): string {
  switch (rule.kind) {
    case 'calendar-days':
      return `${rule.days} calendar days${rule.rollForward ? '' : ', no roll'}`;
    case 'business-days':
      return `${rule.days} business days`;
    case 'fixed-date':
      return `by ${rule.date}`;
  }
}
