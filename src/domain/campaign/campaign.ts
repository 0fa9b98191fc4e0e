// Waves of letters, the requests they make of each recipient, responses and determinations (BRIEF §2.4, C3).
import type { IsoDate, OcdId, SourceId, WaveId } from '../shared/brand.ts';
import type { Deadline } from '../deadlines/compute-deadline.ts';
import type { DeadlineRule } from '../deadlines/deadline-rule.ts';

export type WaveKind =
  'validation-reminder' | 'preliminary-assessment' | 'preliminary-finding' | 'document-request';

export type Wave = {
  readonly id: WaveId;
  readonly name: string;
  readonly kind: WaveKind;
  readonly sent: IsoDate;
  readonly deadlineRule: DeadlineRule;
  readonly recipients: readonly OcdId[];
  /** What the letter asks for and under what authority. */
  readonly demand: string;
  readonly legalBasis?: string;
  readonly consequences: readonly string[];
  readonly knownFrom: IsoDate;
  readonly sources: readonly SourceId[];
};

/** One wave's ask of one recipient, with its computed, stored deadline. */
export type Request = {
  readonly wave: WaveId;
  readonly jurisdiction: OcdId;
  readonly sent: IsoDate;
  readonly deadline: Deadline;
};

export type Response = {
  readonly id: string;
  readonly wave: WaveId;
  readonly jurisdiction: OcdId;
  readonly received: IsoDate;
  /** 'day' when the exact date is on record; 'by' when only "on or before" is known. */
  readonly precision: 'day' | 'by';
  readonly summary: string;
  readonly knownFrom: IsoDate;
  readonly sources: readonly SourceId[];
};

export type DeterminationKind = 'possible-violation' | 'cleared' | 'undecided' | 'non-compliant';

export type Determination = {
  readonly id: string;
  readonly jurisdiction: OcdId;
  readonly date: IsoDate;
  readonly precision: 'day' | 'by' | 'month';
  readonly kind: DeterminationKind;
  /** The agency's words, e.g. "no evidence that [the jurisdiction is] currently out of compliance with section 1373". */
  readonly text: string;
  readonly wave?: WaveId;
  readonly knownFrom: IsoDate;
  readonly sources: readonly SourceId[];
  /** The determination this one replaces; the replaced one stays on record. */
  readonly supersedes?: string | null;
};

/** A cleared or final non-compliance determination ends the review a request belongs to. */
export const isConcluding = (d: Determination): boolean => d.kind === 'cleared' || d.kind === 'non-compliant';

/** An extension or pause of one request's deadline; the original deadline and every change stay on record. */
export type DeadlineAdjustment = {
  readonly id: string;
  readonly wave: WaveId;
  readonly jurisdiction: OcdId;
  readonly kind: 'extension' | 'pause' | 'resume';
  /** The date the change was granted: it counts only for questions as of that date or later. */
  readonly granted: IsoDate;
  /** Extensions: the new due date. Resumes: optional explicit due date (else the paused days are added). */
  readonly newDue?: IsoDate;
  readonly reason: string;
  readonly grantedBy: string;
};
