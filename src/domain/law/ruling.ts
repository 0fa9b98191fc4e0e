// Rulings and agency notices as dated overlays that block (or restore) requirements for a scope (BRIEF §2.6).
import type { IsoDate, OcdId, RequirementId, RulingId, SourceId } from '../shared/brand.ts';

export type Scope =
  | { readonly kind: 'nationwide' }
  | { readonly kind: 'plaintiffs'; readonly jurisdictions: readonly OcdId[] }
  | { readonly kind: 'state-and-subdivisions'; readonly state: OcdId }
  | {
      readonly kind: 'association-members';
      readonly association: string;
      readonly members: readonly OcdId[];
    };

/** What a ruling does to a block that an earlier ruling created. */
export type Modification =
  | { readonly how: 'stayed' | 'vacated' | 'reversed' | 'superseded'; readonly block: string }
  | { readonly how: 'narrowed'; readonly block: string; readonly scope: Scope }
  | { readonly how: 'affirmed'; readonly block: string }
  | { readonly how: 'stay-lifted'; readonly block: string };

/** A block: from this ruling's date, these requirements may not be enforced against jurisdictions in scope. */
export type Block = {
  /** Stable id of the block, referenced by later modifications (e.g. `chicago-pi`). */
  readonly id: string;
  readonly requirements: readonly RequirementId[];
  readonly scope: Scope;
  /** Defaults to the ruling's date. */
  readonly from?: IsoDate;
  /** A block entered but stayed at once takes effect only when a later ruling lifts the stay. */
  readonly stayedAtEntry?: boolean;
  /** Words for the reason chain, e.g. "enjoined". */
  readonly verb?: string;
};

export type RulingKind =
  | 'preliminary-injunction'
  | 'permanent-injunction'
  | 'final-judgment'
  | 'appellate-decision'
  | 'stay-order'
  | 'agency-notice';

export type Ruling = {
  readonly id: RulingId;
  readonly caseName: string;
  readonly court: string;
  readonly date: IsoDate;
  readonly kind: RulingKind;
  readonly summary: string;
  readonly citation?: string;
  /** Jurisdictions that are parties to the case (plaintiffs), whatever the scope of its relief. */
  readonly parties: readonly OcdId[];
  readonly blocks: readonly Block[];
  readonly modifies: readonly Modification[];
  /** Holdings that do not block a condition but matter to a reader (e.g. § 1373 held unconstitutional). */
  readonly holdings?: readonly string[];
  /** When the record learned of it; defaults to `date` (used by `knownAt`). */
  readonly knownFrom?: IsoDate;
  readonly sources: readonly SourceId[];
};
