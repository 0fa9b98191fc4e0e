// Computes a due date from a trigger date and a rule, keeping a step-by-step trace an analyst can read.
import type { IsoDate } from '../shared/brand.ts';
import { addDays, dayOfWeek, isWeekend, WEEKDAY_NAMES } from '../shared/iso-date.ts';
import { DomainError } from '../shared/domain-error.ts';
import { DEADLINE_RULES_VERSION, describeDeadlineRule, type DeadlineRule } from './deadline-rule.ts';
import { observedHolidayOn } from './federal-holidays.ts';

export type TraceStep = {
  readonly date: IsoDate;
  readonly note: string;
};

export type Deadline = {
  readonly due: IsoDate;
  readonly trigger: IsoDate;
  readonly rule: DeadlineRule;
  readonly ruleText: string;
  readonly ruleVersion: string;
  readonly trace: readonly TraceStep[];
};

const weekdayName = (d: IsoDate) => WEEKDAY_NAMES[dayOfWeek(d)] ?? '';

/** Why `date` is not a business day, or undefined when it is one. */
export function nonBusinessReason(date: IsoDate): string | undefined {
  if (isWeekend(date)) return weekdayName(date);
  const holiday = observedHolidayOn(date);
  if (!holiday) return undefined;
  return holiday.observed === holiday.date
    ? holiday.name
    : `${holiday.name} (observed; falls on ${holiday.date})`;
}

export function computeDeadline(trigger: IsoDate, rule: DeadlineRule): Deadline {
  const trace: TraceStep[] = [
    { date: trigger, note: `trigger: letter dated ${trigger} (${weekdayName(trigger)})` },
  ];
  let due: IsoDate;
  switch (rule.kind) {
    case 'fixed-date': {
      if (rule.date < trigger) {
        throw new DomainError(
          'bad-rule',
          `fixed deadline ${rule.date} is before the trigger date ${trigger}`,
        );
      }
      due = rule.date;
      trace.push({ date: due, note: `due on the date stated in the letter (${weekdayName(due)})` });
      break;
    }
    case 'calendar-days': {
      due = addDays(trigger, rule.days);
      trace.push({
        date: due,
        note: `day ${rule.days} counting calendar days from the day after the trigger`,
      });
      if (rule.rollForward) {
        for (let why = nonBusinessReason(due); why; why = nonBusinessReason(due)) {
          trace.push({ date: due, note: `skipped: ${why}` });
          due = addDays(due, 1);
        }
        if (due !== addDays(trigger, rule.days)) {
          trace.push({ date: due, note: 'last day rolled forward to the next business day' });
        }
      }
      break;
    }
    case 'business-days': {
      let counted = 0;
      due = trigger;
      while (counted < rule.days) {
        due = addDays(due, 1);
        const why = nonBusinessReason(due);
        // Weekends are not listed one by one: only holidays are worth naming in a trace.
        if (why && !isWeekend(due)) trace.push({ date: due, note: `skipped: ${why}` });
        if (!why) counted += 1;
      }
      trace.push({
        date: due,
        note: `business day ${rule.days} (weekends and observed federal holidays not counted)`,
      });
      break;
    }
  }
  return {
    due,
    trigger,
    rule,
    ruleText: describeDeadlineRule(rule),
    ruleVersion: DEADLINE_RULES_VERSION,
    trace,
  };
}
