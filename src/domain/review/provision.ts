// Types of the provision review (BRIEF §2.3 taxonomy, §5 `review` contract): provisions, tags, findings, summary.
import type { RequirementId } from '../shared/brand.ts';

/** BRIEF §2.3 topic tags: what a provision limits. A stable contract (BRIEF §5). */
export const TOPICS = [
  'info-sharing',
  'release-notification',
  'detainer',
  'facility-access',
  'status-inquiry',
  'civil-enforcement',
] as const;
export type Topic = (typeof TOPICS)[number];

/** BRIEF §2.3 modifiers that change the outcome of a finding. */
export const MODIFIERS = ['savings-clause', 'warrant-exception', 'serious-crime-carve-out'] as const;
export type Modifier = (typeof MODIFIERS)[number];

export type Interpretation = 'agency' | 'judicial';
export const INTERPRETATIONS: readonly Interpretation[] = ['agency', 'judicial'];

export type Verdict = 'conflict' | 'possible-conflict' | 'no-conflict';

/** The requirements each tagged provision is judged against (the statute and three FY2017 JAG conditions, BRIEF §2.1–2.2). */
export const REVIEW_REQUIREMENTS = [
  'usc-8-1373',
  'jag-fy2017-1373-compliance',
  'jag-fy2017-access',
  'jag-fy2017-notice',
] as const satisfies readonly string[];
export type ReviewRequirement = (typeof REVIEW_REQUIREMENTS)[number];

/** A stretch of the reviewed text; `text === input.slice(start, end)` with absolute offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Why a tag was given: the rule that fired and the spans it matched (operator, object, exception, ...). */
export interface TagEvidence {
  readonly tag: Topic | Modifier;
  readonly rule: string;
  readonly spans: readonly Span[];
  /** Savings clauses only: `explicit` cites § 1373/§ 1644 or preserves status-information exchange in terms; `generic` is "as required by law". */
  readonly strength?: 'explicit' | 'generic';
  /** Set when the evidence comes from a lead-in the provision continues (e.g. "shall not:" before a list item). */
  readonly inherited?: boolean;
}

export interface Finding {
  readonly requirement: RequirementId;
  readonly interpretation: Interpretation;
  readonly verdict: Verdict;
  /** Human-readable reasons, each naming the rule applied and its source. */
  readonly reasons: readonly string[];
  /** Rule ids applied, in the order of `reasons` (see docs/review.md). */
  readonly rules: readonly string[];
  readonly evidence: readonly Span[];
}

/** A modifier found elsewhere in the document that governs this provision (scope clause, cross-reference, exception list). */
export interface AppliedModifier {
  readonly modifier: Modifier;
  readonly from: string;
  readonly via: 'scope' | 'cross-reference' | 'exception-list';
  readonly strength?: 'explicit' | 'generic';
  readonly spans: readonly Span[];
}

export interface Provision {
  /** Position in the document, `p1`, `p2`, ... */
  readonly id: string;
  /** Section and subsection numbers, e.g. `Sec. 2-173-040(a)(2)` or `7290.6(a)(1)(A)`; null for unnumbered text. */
  readonly label: string | null;
  /** Headings above the provision, outermost first, joined by " › ". */
  readonly heading: string | null;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly topics: readonly Topic[];
  readonly modifiers: readonly Modifier[];
  readonly tagEvidence: readonly TagEvidence[];
  readonly appliedModifiers: readonly AppliedModifier[];
  readonly findings: readonly Finding[];
}

export interface WorstFinding {
  readonly verdict: Verdict;
  /** Ids of the provisions that reach this verdict. */
  readonly provisions: readonly string[];
}

export interface ReviewSummary {
  readonly provisions: number;
  readonly tagged: number;
  readonly topics: Readonly<Record<Topic, number>>;
  readonly modifiers: Readonly<Record<Modifier, number>>;
  readonly worst: Readonly<Record<ReviewRequirement, Readonly<Record<Interpretation, WorstFinding>>>>;
}

export interface Review {
  readonly provisions: readonly Provision[];
  readonly summary: ReviewSummary;
}
