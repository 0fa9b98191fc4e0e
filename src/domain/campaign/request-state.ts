// Derives a request's state on a date from the records; state is never stored (BRIEF C3).
import type { IsoDate } from '../shared/brand.ts';
import { type Determination, isConcluding, type Request, type Response } from './campaign.ts';

export type RequestState = 'open' | 'responded' | 'overdue' | 'closed';

export type RequestView = {
  readonly state: RequestState;
  readonly response: Response | null;
  readonly closedBy: Determination | null;
};

const knownBy = (knownFrom: IsoDate, knownAt: IsoDate | undefined) =>
  knownAt === undefined || knownFrom <= knownAt;

/**
 * closed: a clearing or final determination dated on or after the letter; responded: a response on record;
 * overdue: the due date has passed with no response on record; open: otherwise.
 * A response is only "recorded" when a source says so: no record is never read as "no answer was sent".
 */
export function requestState(
  request: Request,
  responses: readonly Response[],
  determinations: readonly Determination[],
  asOf: IsoDate,
  knownAt?: IsoDate,
  /** The due date in force (after extensions); null while paused. Defaults to the computed deadline. */
  due: IsoDate | null = request.deadline.due,
): RequestView {
  const response =
    responses
      .filter(
        (r) =>
          r.wave === request.wave &&
          r.jurisdiction === request.jurisdiction &&
          r.received <= asOf &&
          knownBy(r.knownFrom, knownAt),
      )
      .sort((a, b) => (a.received < b.received ? -1 : 1))[0] ?? null;
  const closedBy =
    determinations.find(
      (d) =>
        d.jurisdiction === request.jurisdiction &&
        isConcluding(d) &&
        d.date >= request.sent &&
        d.date <= asOf &&
        knownBy(d.knownFrom, knownAt),
    ) ?? null;
  if (closedBy) return { state: 'closed', response, closedBy };
  if (response) return { state: 'responded', response, closedBy };
  if (due !== null && asOf > due) return { state: 'overdue', response, closedBy };
  return { state: 'open', response, closedBy };
}
