// Grant awards and participation: which jurisdiction takes Byrne JAG money in which fiscal year, and how much.
import type { IsoDate, OcdId, SourceId } from '../shared/brand.ts';

export type AmountQualifier = 'exact' | 'about' | 'more-than' | 'less-than';

export type Money = {
  readonly amount: number;
  readonly currency: 'USD';
  readonly qualifier: AmountQualifier;
  readonly sources: readonly SourceId[];
};

export type GrantRole = 'grantee' | 'subgrantee' | 'applicant';

export type Grant = {
  readonly id: string;
  readonly jurisdiction: OcdId;
  readonly program: 'byrne-jag';
  readonly fiscalYear: number;
  readonly role: GrantRole;
  /** For subgrantees: whose award the money comes through (BRIEF §2.2, e.g. Bernalillo County under Albuquerque's). */
  readonly via?: OcdId;
  readonly awarded?: IsoDate;
  /** Every amount on record, each with its qualifier and source; sources may disagree. */
  readonly amounts: readonly Money[];
  /** Why this participation is on record, e.g. "named recipient of the FY2016 award in the 2018-01-24 letter". */
  readonly basis: string;
  readonly knownFrom: IsoDate;
  readonly sources: readonly SourceId[];
};
