// The due date in force on a date, after extensions and pauses granted by then, with the history of changes.
import type { IsoDate } from '../shared/brand.ts';
import { addDays, daysBetween } from '../shared/iso-date.ts';
import type { DeadlineAdjustment, Request } from './campaign.ts';

export type DueChange = { readonly due: IsoDate | null; readonly since: IsoDate; readonly why: string };

export type EffectiveDeadline = {
  /** Null while the clock is paused. */
  readonly due: IsoDate | null;
  readonly isPaused: boolean;
  readonly history: readonly DueChange[];
};

export function effectiveDeadline(
  request: Request,
  adjustments: readonly DeadlineAdjustment[],
  asOf: IsoDate,
): EffectiveDeadline {
  let due: IsoDate | null = request.deadline.due;
  let pausedOn: IsoDate | null = null;
  let dueWhenPaused: IsoDate | null = null;
  const history: DueChange[] = [
    { due, since: request.sent, why: `${request.deadline.ruleText} from ${request.sent}` },
  ];
  const mine = adjustments
    .filter((a) => a.wave === request.wave && a.jurisdiction === request.jurisdiction && a.granted <= asOf)
    .sort((a, b) => (a.granted < b.granted ? -1 : a.granted > b.granted ? 1 : a.id < b.id ? -1 : 1));
  for (const a of mine) {
    if (a.kind === 'extension' && a.newDue) {
      if (pausedOn) dueWhenPaused = a.newDue;
      else due = a.newDue;
      history.push({ due: a.newDue, since: a.granted, why: `extended by ${a.grantedBy}: ${a.reason}` });
    } else if (a.kind === 'pause' && !pausedOn) {
      pausedOn = a.granted;
      dueWhenPaused = due;
      due = null;
      history.push({ due: null, since: a.granted, why: `paused by ${a.grantedBy}: ${a.reason}` });
    } else if (a.kind === 'resume' && pausedOn) {
      // The days the clock stood still are added back, unless the resume names its own date.
      const shifted: IsoDate = dueWhenPaused
        ? addDays(dueWhenPaused, Math.max(0, daysBetween(pausedOn, a.granted)))
        : a.granted;
      due = a.newDue ?? shifted;
      pausedOn = null;
      history.push({ due, since: a.granted, why: `resumed by ${a.grantedBy}: ${a.reason}` });
    }
  }
  return { due, isPaused: pausedOn !== null, history };
}
