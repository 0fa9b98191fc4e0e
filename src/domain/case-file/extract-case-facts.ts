// Reads one document of the public record into cited facts and claims, each with its span (BRIEF C7, §5 `extract`).
import type { IsoDate, OcdId } from '../shared/brand.ts';
import type { Registry } from '../registry/registry.ts';
import type {
  Amount,
  CaseDocument,
  CaseEvent,
  Claim,
  DocumentJurisdiction,
  DocumentKind,
  ExtractedDocument,
  JurisdictionMention,
  MentionRole,
  ProgramMention,
  Span,
  StatuteMention,
} from './case-facts.ts';
import { checkInputText } from './check-input-text.ts';
import { cleanNewsText } from './clean-news-text.ts';
import { findAmounts } from './find-amounts.ts';
import { findPrograms, findStatutes } from './find-citations.ts';
import { findClaims, findQuotes } from './find-claims.ts';
import type { QuoteRange } from './find-claims.ts';
import { findCounts } from './find-counts.ts';
import { findDates } from './find-dates.ts';
import { findDocumentDate } from './find-document-date.ts';
import { courtOfCaption, findEvents } from './find-events.ts';
import { findJurisdictionMentions } from './find-jurisdiction-mentions.ts';
import type { FoundMention } from './find-jurisdiction-mentions.ts';
import { SpanIndex } from './span-index.ts';
import { splitSentences } from './split-sentences.ts';
import type { Sentence } from './split-sentences.ts';

// "WASHINGTON (AP) —", "CHICAGO —", "SEATTLE, Jan. 25, 2018 —": where a story was filed.
const DATELINE =
  /^[ \t]*[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){0,3}(?:,[ \t]*[A-Z][A-Za-z.]{1,12}(?:[ \t]+[A-Z][A-Za-z.]{1,12})?)?(?:,?[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4})?[ \t]*(?:\([A-Za-z .]{1,30}\))?[ \t]*[—–]{1,2}|^[ \t]*[A-Z][A-Z.'’-]*(?:[ \t]+[A-Z][A-Z.'’-]*){0,3}[ \t]*(?:\([A-Za-z .]{1,30}\))?[ \t]*--?[ \t]/gm;
const SALUTATION = /^[ \t]*(?:Dear\b|To[ \t]+whom\b|Re:|RE:|Subject:|SUBJECT:)/m;
const KIND_RULES: readonly (readonly [DocumentKind, RegExp])[] = [
  [
    'court-order',
    /\b(?:UNITED[ \t]+STATES[ \t]+(?:DISTRICT[ \t]+)?COURT|IT[ \t]+IS[ \t]+(?:HEREBY[ \t]+)?ORDERED|MEMORANDUM[ \t]+OPINION|Plaintiffs?,?[ \t]*\n|Case[ \t]+No\.)/,
  ],
  [
    'press-release',
    /\b(?:FOR[ \t]+IMMEDIATE[ \t]+RELEASE|For[ \t]+Immediate[ \t]+Release|Office[ \t]+of[ \t]+Public[ \t]+Affairs|PRESS[ \t]+RELEASE|Press[ \t]+Release|NEWS[ \t]+RELEASE)\b/,
  ],
  ['letter', /^[ \t]*(?:Dear[ \t]+[A-Z][^\n]{0,80}[:,][ \t]*$|Sincerely,?[ \t]*$|Respectfully,?[ \t]*$)/m],
];

/** The kind of document, from what it looks like, when intake did not say. */
export function inferDocumentKind(text: string): DocumentKind {
  const head = text.slice(0, 20_000);
  for (const [kind, pattern] of KIND_RULES) if (pattern.test(head)) return kind;
  return 'news';
}

type Region = { start: number; end: number; role: MentionRole };

/** A letter's letterhead (before the date line) and inside address (between it and "Dear ..."/"Re:"). */
function letterRegions(text: string): Region[] {
  const sal = SALUTATION.exec(text);
  if (!sal || sal.index > 3000) return [];
  const header = text.slice(0, sal.index);
  const date = /^[ \t]*(?:[A-Z][a-z]+day,[ \t]+)?[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*$/m.exec(
    header,
  );
  if (date) {
    return [
      { start: 0, end: date.index, role: 'letterhead' },
      { start: date.index + date[0].length, end: sal.index, role: 'addressee' },
    ];
  }
  // Without a date line the first block is the letterhead and the last block the address.
  const blocks = [...header.matchAll(/[^\n]+(?:\n[^\n]+)*/g)];
  if (blocks.length < 2) return [{ start: 0, end: sal.index, role: 'addressee' }];
  const first = blocks[0] as RegExpMatchArray;
  const firstEnd = (first.index ?? 0) + first[0].length;
  return [
    { start: 0, end: firstEnd, role: 'letterhead' },
    { start: firstEnd, end: sal.index, role: 'addressee' },
  ];
}

function datelineRegions(text: string, sentences: readonly Sentence[]): Region[] {
  const out: Region[] = [];
  const firstParagraphs = sentences
    .filter((s) => s.paragraph <= (sentences[0]?.paragraph ?? 0) + 4)
    .slice(0, 8);
  for (const s of firstParagraphs) {
    DATELINE.lastIndex = s.start;
    const line = text.slice(s.start, Math.min(s.end, s.start + 120));
    DATELINE.lastIndex = 0;
    const m = DATELINE.exec(line);
    if (m && m.index === 0 && /[A-Z]{3,}/.test(m[0])) {
      out.push({ start: s.start, end: s.start + m[0].length, role: 'dateline' });
      break;
    }
  }
  return out;
}

/** The role a mention takes from where it stands: inside a quote, a dateline, a letterhead or an address. */
function withRole(m: FoundMention, regions: readonly Region[], quotes: SpanIndex<QuoteRange>): FoundMention {
  const region = regions.find((r) => m.start >= r.start && m.end <= r.end);
  if (region) return { ...m, role: region.role };
  if (m.role === 'name' && quotes.holds(m.start)) return { ...m, role: 'quoted' };
  return m;
}

/**
 * Extracts jurisdictions, dated and typed events, amounts, statutes, programs and attributed claims from one
 * document (BRIEF §5). Throws `too-large` or `bad-input` (see `checkInputText`) before reading anything.
 */
export function extractCaseFacts(doc: CaseDocument, registry: Registry): ExtractedDocument {
  checkInputText(doc.text, doc.name);
  const original = doc.text;
  const clean = cleanNewsText(original);
  const text = clean.text;
  const kind = doc.kind ?? inferDocumentKind(text);
  const found = doc.date ? undefined : findDocumentDate(original);
  const docDate: IsoDate | undefined = doc.date ?? found?.date;
  const span = (start: number, end: number): Span => clean.toSpan(start, end);

  const sentences = splitSentences(text);
  const quotes = findQuotes(text);
  const regions = [...(kind === 'letter' ? letterRegions(text) : []), ...datelineRegions(text, sentences)];
  const quoteIndex = new SpanIndex(quotes);
  const mentions = findJurisdictionMentions(text, registry).map((m) => withRole(m, regions, quoteIndex));
  const dates = findDates(text, docDate);
  const counts = findCounts(text);
  const claims = findClaims(text, sentences, quotes);
  const addressees = [...new Set(mentions.filter((m) => m.role === 'addressee').map((m) => m.id))];
  // Inside addresses name the street city too ("Montpelier, VT 05609" under "State of Vermont"): prefer the
  // governments written as such ("City of", "County", "State of") when there are.
  const formal = mentions.filter(
    (m) =>
      m.role === 'addressee' &&
      /\b(?:City|County|State|Commonwealth|Town|Village|Parish|Metro|District)\b/.test(
        text.slice(m.start, m.end),
      ),
  );
  const recipientsOfLetter: OcdId[] = formal.length > 0 ? [...new Set(formal.map((m) => m.id))] : addressees;

  const events = findEvents({
    text,
    sentences,
    mentions,
    dates,
    counts,
    quotes,
    claims,
    kind,
    ...(docDate ? { docDate } : {}),
    addressees: recipientsOfLetter,
    ...(kind === 'court-order' && courtOfCaption(text.slice(0, 1500))
      ? { court: courtOfCaption(text.slice(0, 1500)) as string }
      : {}),
  });

  const sentenceIndex = new SpanIndex(sentences);
  const mentionIndex = new SpanIndex(mentions);
  const sentenceAt = (offset: number): { start: number; end: number } =>
    sentenceIndex.at(offset) ?? {
      start: Math.max(0, offset - 200),
      end: Math.min(text.length, offset + 200),
    };
  const programs = findPrograms(text);
  const claimIndex = new SpanIndex(claims);
  const programIndex = new SpanIndex(programs);
  const dateIndex = new SpanIndex(dates);
  const claimAt = (offset: number): (typeof claims)[number] | undefined => claimIndex.at(offset);
  // A list item's figures take their fiscal year from the lead-in ("... in fiscal year 2016:").
  const contextAt = (offset: number): { start: number; end: number } => {
    const ordered = sentenceIndex.items;
    const k = sentenceIndex.indexAt(offset);
    if (k < 0) return sentenceAt(offset);
    let j = k;
    while (j > 0 && (ordered[j] as Sentence).isListItem && k - j < 20) j--;
    return { start: (ordered[j] as Sentence).start, end: (ordered[k] as Sentence).end };
  };
  const amounts: Amount[] = findAmounts(text, contextAt).map((a) => {
    const s = sentenceAt(a.start);
    // The jurisdiction whose money it is: the nearest name before it in the sentence, else the nearest after.
    const names = mentionIndex
      .within(Math.max(s.start, a.start - 400), Math.min(s.end, a.end + 400))
      .filter((m) => m.role === 'name' || m.role === 'quoted');
    const before = names.filter((m) => m.end <= a.start).at(-1);
    const after = names.find((m) => m.start >= a.end && m.start - a.end < 40);
    const owner = a.scope ? undefined : before && a.start - before.end < 120 ? before : after;
    const program = programIndex.within(Math.max(s.start, a.start - 400), Math.min(s.end, a.end + 400))[0];
    const claim = claimAt(a.start);
    return {
      value: a.value,
      currency: 'USD',
      qualifier: a.qualifier,
      ...(a.fiscalYear ? { fiscalYear: a.fiscalYear } : {}),
      ...(owner ? { jurisdiction: owner.id } : {}),
      ...(program ? { program: program.id } : {}),
      ...(a.scope ? { scope: a.scope } : {}),
      ...(claim ? { claimedBy: claim.speaker } : {}),
      span: span(a.start, a.end),
    };
  });

  const byId = new Map<
    OcdId,
    { name: string; kind: FoundMention['kind']; mentions: JurisdictionMention[] }
  >();
  for (const m of mentions) {
    const entry = byId.get(m.id) ?? { name: m.name, kind: m.kind, mentions: [] };
    entry.mentions.push({ ...span(m.start, m.end), role: m.role });
    byId.set(m.id, entry);
  }
  const jurisdictions: DocumentJurisdiction[] = [...byId.entries()].map(([id, e]) => ({
    id,
    name: e.name,
    kind: e.kind,
    mentions: e.mentions,
  }));

  const outEvents: CaseEvent[] = events.map((e) => ({
    type: e.type,
    ...(e.date ? { date: e.date, precision: e.precision ?? 'day' } : {}),
    jurisdictions: e.jurisdictions,
    ...(e.count
      ? {
          count: {
            value: e.count.value,
            qualifier: e.count.qualifier,
            noun: e.count.noun,
            ...(e.count.parts ? { parts: e.count.parts } : {}),
            span: span(e.count.start, e.count.end),
          },
        }
      : {}),
    ...(e.deadline ? { deadline: e.deadline } : {}),
    ...(e.deadlineRule ? { deadlineRule: e.deadlineRule } : {}),
    ...(e.finding ? { finding: e.finding } : {}),
    ...(e.action ? { action: e.action } : {}),
    ...(e.modality ? { modality: e.modality } : {}),
    ...(e.ruling ? { ruling: e.ruling } : {}),
    ...(e.requirements ? { requirements: e.requirements } : {}),
    ...(e.speaker ? { speaker: e.speaker } : {}),
    ...(e.attributedTo ? { attributedTo: e.attributedTo } : {}),
    sources: e.sources.map((s) => ({ document: doc.name, ...span(s.start, s.end) })),
  }));

  const statutes: StatuteMention[] = findStatutes(text).map((s) => ({
    citation: s.citation,
    ...(s.subsection ? { subsection: s.subsection } : {}),
    span: span(s.start, s.end),
  }));
  const programMentions: ProgramMention[] = programs.map((p) => ({
    id: p.id,
    name: p.name,
    span: span(p.start, p.end),
  }));
  const outClaims: Claim[] = claims.map((c) => {
    // "said Wednesday": the date right after the verb; otherwise the document's date.
    const said = dateIndex
      .within(c.verbEnd, c.verbEnd + 40)
      .find((d) => d.start - c.verbEnd <= 4 && d.precision === 'day');
    const date = said?.date ?? docDate;
    return {
      speaker: c.speaker,
      ...(c.role ? { role: c.role } : {}),
      kind: c.kind,
      text: span(c.start, c.end).text,
      ...(date ? { date } : {}),
      span: span(c.start, c.end),
      speakerSpan: span(c.speakerStart, c.speakerEnd),
    };
  });

  return {
    name: doc.name,
    kind,
    ...(docDate
      ? { date: docDate, dateSource: doc.date ? ('given' as const) : (found as { span: Span }).span }
      : {}),
    length: original.length,
    removed: clean.removed,
    jurisdictions,
    events: outEvents,
    amounts,
    statutes,
    programs: programMentions,
    claims: outClaims.filter((c) => c.text.length > 0),
  };
}
