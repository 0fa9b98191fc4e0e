// The clock port: use cases ask it for "today"; tests pass a fixed one.
import type { IsoDate } from '../../domain/shared/brand.ts';

export type Clock = {
  /** Today's calendar date (UTC). */
  today(): IsoDate;
  /** The current instant, for receipts and audit rows. */
  now(): Date;
};

export const fixedClock = (today: IsoDate): Clock => ({
  today: () => today,
  now: () => new Date(`${today}T12:00:00.000Z`),
});
