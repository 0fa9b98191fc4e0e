// Types of the case file built from the public record (BRIEF C7, §2.7, §5 `extract` contract).
import type { IsoDate, OcdId, RequirementId } from '../shared/brand.ts';
import type { JurisdictionKind } from '../registry/registry-entry.ts';

/** A stretch of a document's text: `text === documentText.slice(start, end)`, absolute offsets. */
export type Span = { readonly start: number; readonly end: number; readonly text: string };

/** Where an item was read: the document's name and the span in its text. */
export type SourceRef = Span & { readonly document: string };

export const DOCUMENT_KINDS = ['news', 'letter', 'press-release', 'court-order'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** One document handed to the extractor: text only (src/extract turns files into text). */
export type CaseDocument = {
  readonly name: string;
  readonly text: string;
  /** The document's own date when known at intake; otherwise read from a dateline, byline or "Dated:" line. */
  readonly date?: IsoDate;
  readonly kind?: DocumentKind;
};

export const EVENT_TYPES = [
  'document-request',
  'deadline',
  'subpoena-threat',
  'court-ruling',
  'grant-condition',
  'grant-action',
  'determination',
  'statement',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** How much of a date the text gives: "Feb. 23, 2018" a day, "this week" a week, "in November" a month, "last year" a year. */
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

export type Qualifier = 'exact' | 'about' | 'more-than' | 'less-than';

/** A date expression resolved against the document's date. `date` is the first day of the period it names. */
export type ResolvedDate = {
  readonly date: IsoDate;
  readonly precision: DatePrecision;
  /** `deadline` when the words around it make it a due date ("by Feb. 23", "a Feb. 23 deadline"). */
  readonly role: 'point' | 'deadline';
  /** How it was resolved, for the trace ("weekday on or before 2018-01-25"). */
  readonly rule: string;
  readonly span: Span;
};

/** A number of jurisdictions the text states ("23 jurisdictions", "three states and twenty cities"). */
export type StatedCount = {
  readonly value: number;
  readonly qualifier: Qualifier;
  /** The parts when the text adds several nouns: [{3, states}, {20, cities}]. */
  readonly parts?: readonly { readonly value: number; readonly noun: string }[];
  readonly noun: string;
  readonly span: Span;
};

export type MentionRole =
  /** A plain mention in running text. */
  | 'name'
  /** In a dateline ("CHICAGO (AP) —"): where the story was filed, not who it is about. */
  | 'dateline'
  /** Part of an official's title or an organisation ("Chicago Mayor", "Cook County Sheriff's Office"). */
  | 'organisation'
  /** Part of a court's name ("Northern District of Illinois"). */
  | 'court'
  /** In a letter's letterhead (the sender). */
  | 'letterhead'
  /** In a letter's inside address (the addressee). */
  | 'addressee'
  /** Inside a quotation: said by someone, not stated by the document. */
  | 'quoted';

export type JurisdictionMention = Span & { readonly role: MentionRole };

export type DocumentJurisdiction = {
  readonly id: OcdId;
  readonly name: string;
  readonly kind: JurisdictionKind;
  readonly mentions: readonly JurisdictionMention[];
};

/** What a court ruling did, read from the sentence that reports it. */
export type RulingDetail = {
  readonly court?: string;
  readonly case?: string;
  readonly action:
    | 'enjoined'
    | 'affirmed'
    | 'reversed'
    | 'upheld'
    | 'vacated'
    | 'narrowed'
    | 'held-unconstitutional'
    | 'held-unlawful'
    | 'ruled';
  /** Requirements (BRIEF §2.2 stable ids, or `eo-13768-9a`) the ruling blocked. */
  readonly blocked: readonly RequirementId[];
  /** Requirements the text says the ruling left in force. */
  readonly notBlocked: readonly RequirementId[];
  readonly scope?: 'nationwide' | 'named-plaintiffs' | 'state-and-subdivisions' | 'association-members';
};

export type CaseEvent = {
  readonly type: EventType;
  /** Resolved `YYYY-MM-DD`; with `precision` other than `day` it is the first day of the week, month or year. */
  readonly date?: IsoDate;
  readonly precision?: DatePrecision;
  /** For a document request: its recipients. Otherwise the jurisdictions the event concerns. */
  readonly jurisdictions: readonly OcdId[];
  readonly count?: StatedCount;
  /** A document request's due date, when the text gives one (also reported as a `deadline` event). */
  readonly deadline?: IsoDate;
  /** How a computed deadline was reached ("30 calendar days after 2018-01-24"). */
  readonly deadlineRule?: string;
  /** determination: what the agency found. */
  readonly finding?: 'possible-violation' | 'cleared' | 'undecided';
  /** grant-action: what was done or threatened to the money. */
  readonly action?: string;
  /** grant-action, subpoena-threat: done, or only threatened. */
  readonly modality?: 'taken' | 'threatened';
  readonly ruling?: RulingDetail;
  /** grant-condition: the conditions announced or attached (BRIEF §2.2 stable ids). */
  readonly requirements?: readonly RequirementId[];
  /** statement: who spoke or answered. */
  readonly speaker?: string;
  /** Set when the event is read from a sentence attributed to a speaker ("the department said ..."). */
  readonly attributedTo?: string;
  readonly sources: readonly SourceRef[];
};

export type Amount = {
  readonly value: number;
  readonly currency: 'USD';
  readonly qualifier: Qualifier;
  readonly fiscalYear?: number;
  readonly jurisdiction?: OcdId;
  readonly program?: string;
  /** "nationally", "in total": not one jurisdiction's money. */
  readonly scope?: 'national';
  /** Set when the figure is given by a speaker: a claim, never a fact. */
  readonly claimedBy?: string;
  readonly span: Span;
};

export type StatuteMention = {
  /** Normalised: "8 U.S.C. § 1373", "Executive Order 13768", "California SB 54". */
  readonly citation: string;
  readonly subsection?: string;
  readonly span: Span;
};

export type ProgramId = 'byrne-jag' | 'cops' | 'scaap';

export type ProgramMention = {
  readonly id: ProgramId;
  readonly name: string;
  readonly span: Span;
};

/** An attributed statement (BRIEF §2.7): who said it, as what, what was said, where. Never promoted to a fact. */
export type Claim = {
  readonly speaker: string;
  readonly role?: string;
  readonly kind: 'quote' | 'paraphrase';
  /** The quoted words, or the paraphrased content. */
  readonly text: string;
  /** When it was said, if the text tells ("said Wednesday"); otherwise the document's date. */
  readonly date?: IsoDate;
  readonly span: Span;
  readonly speakerSpan: Span;
};

/** A stretch of the text left out as news furniture (byline, caption, "Recommended video", embedded post). */
export type RemovedSpan = Span & { readonly reason: string };

/** Everything read from one document. Spans are offsets in `CaseDocument.text`. */
export type ExtractedDocument = {
  readonly name: string;
  readonly kind: DocumentKind;
  readonly date?: IsoDate;
  /** Where the date came from: `given`, or the span of the dateline, byline or "Dated:" line. */
  readonly dateSource?: 'given' | Span;
  readonly length: number;
  readonly removed: readonly RemovedSpan[];
  readonly jurisdictions: readonly DocumentJurisdiction[];
  readonly events: readonly CaseEvent[];
  readonly amounts: readonly Amount[];
  readonly statutes: readonly StatuteMention[];
  readonly programs: readonly ProgramMention[];
  readonly claims: readonly Claim[];
};
