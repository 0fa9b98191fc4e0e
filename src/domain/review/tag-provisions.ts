// Tags each segment with the BRIEF §2.3 topics and modifiers, using operator scope, exceptions, lead-ins and defined terms.
import type { Modifier, Span, TagEvidence, Topic } from './provision.ts';
import type { Segment } from './segment-provisions.ts';
import { buildLiteralGroups, hasGroup } from './build-literal-groups.ts';
import { TAG_PATTERNS as P } from './tag-patterns.ts';
import { combineWordStartPlans, planWordStartScan, WordStarts } from './word-start-scan.ts';

/** What a lead-in ("shall not:", "unless:", "finds and declares the following:") passes to the list items below it. */
export type LeadState = 'restrict' | 'exception' | 'flipped' | 'recital' | 'definition' | 'purpose' | 'none';

/** Where a provision that only states an exception applies. */
export type ExceptionScope = 'section' | 'document' | 'refs';

export interface CrossReference {
  readonly text: string;
  /** Section number named by the reference, or null for "subsection (b)" inside the same section. */
  readonly section: string | null;
  /** Markers named (`['b']`, `['a', '1']`). */
  readonly path: readonly string[];
}

export interface ProvisionTags {
  readonly topics: readonly Topic[];
  readonly modifiers: readonly Modifier[];
  readonly evidence: readonly TagEvidence[];
  readonly leadState: LeadState;
  /** The provision only carves something out of a limit (no topic of its own). */
  readonly isExceptionOnly: boolean;
  readonly scope: ExceptionScope | null;
  /** Cross-references made from an exception position ("Except as provided in subsection (b)"). */
  readonly exceptionRefs: readonly CrossReference[];
  readonly isImmigrationContext: boolean;
  /** Modifiers stand only where the passage itself is about immigration; otherwise they need a tagged scope (see tagProvisions). */
  readonly modifiersNeedScope: boolean;
  /** Facts the findings need: the kind of premises an access limit names, consent-based access, release-specific notice. */
  readonly facts: {
    readonly correctionalAccess: boolean;
    readonly consentAccess: boolean;
    readonly releaseSpecificNotice: boolean;
  };
}

type Range = readonly [number, number];
type Polarity = 'restrict' | 'exception' | 'flipped' | 'permissive' | 'neutral' | 'hortatory';

interface Clause {
  start: number;
  end: number;
  polarity: Polarity;
  /** Position of the restriction operator (-1 when inherited from a lead-in). */
  operator: Range | null;
  operatorInherited: boolean;
  exceptionRegions: Range[];
  firstCue: number;
  isPracticeFrame: boolean;
  isCooperationFrame: boolean;
}

/** A defined term used in a segment, at `range`. */
interface TermHit {
  range: Range;
  def: DefinedTerm;
}
const NO_TERM_HITS: readonly TermHit[] = [];

interface DefinedTerm {
  term: string;
  status: boolean;
  releaseInfo: boolean;
  detainer: boolean;
  auth: boolean;
}

const EMPTY: ProvisionTags = {
  topics: [],
  modifiers: [],
  evidence: [],
  leadState: 'none',
  isExceptionOnly: false,
  scope: null,
  exceptionRefs: [],
  isImmigrationContext: false,
  modifiersNeedScope: false,
  facts: { correctionalAccess: false, consentAccess: false, releaseSpecificNotice: false },
};

function scan(re: RegExp, t: string): Range[] {
  const out: Range[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

const inside = (pos: number, ranges: readonly Range[]): boolean => {
  for (const r of ranges) if (pos >= r[0] && pos < r[1]) return true;
  return false;
};
const overlaps = (a: Range, ranges: readonly Range[]): boolean => {
  for (const r of ranges) if (a[0] < r[1] && r[0] < a[1]) return true;
  return false;
};
const NONE: Range[] = [];

// Hit lists are never mutated once made, so the helpers below return their input (or NONE) rather than a copy when
// that is the answer: most lists are empty or already fit, and the tagger runs them for every clause.

/** Hits that start in [s, e). */
const within = (hits: readonly Range[], s: number, e: number): Range[] => {
  let n = 0;
  for (const h of hits) if (h[0] >= s && h[0] < e) n++;
  if (n === 0) return NONE;
  return n === hits.length ? (hits as Range[]) : hits.filter((h) => h[0] >= s && h[0] < e);
};
const anyWithin = (hits: readonly Range[], s: number, e: number): boolean => {
  for (const h of hits) if (h[0] >= s && h[0] < e) return true;
  return false;
};
/** Hits for which `test` holds. */
const keep = (hits: Range[], test: (h: Range) => boolean): Range[] => {
  for (let i = 0; i < hits.length; i++) {
    if (test(hits[i]!)) continue;
    const out = hits.slice(0, i);
    for (let j = i + 1; j < hits.length; j++) if (test(hits[j]!)) out.push(hits[j]!);
    return out.length === 0 ? NONE : out;
  }
  return hits;
};
/** `a` then `b`. */
const joined = (a: Range[], b: Range[]): Range[] => (b.length === 0 ? a : a.length === 0 ? b : [...a, ...b]);
/** What comes just before a modal that belongs to a purpose clause ("so that ICE can", "in order that agents may"). */
const SUBORDINATE_MODAL = /\b(?:so|in\s+order|such)\s+that\s+(?:[\w'’.-]+\s+){1,4}$/i;
/** A clause that starts with a condition ("Where the detainer is accompanied by ...", "(d) If ..."). */
const CONDITIONAL_START = /^[\s(•*-]*(?:\w{1,4}[.)]\s+)?(?:where|when|if|upon)\b/i;

/**
 * Hit categories. `stems` are literals of which at least one occurs wherever the pattern can match, so a pattern is
 * run on a provision only when the one-pass literal scan (build-literal-groups.ts) found one of its stems there; `null`
 * means always run. Lower-case stems match in any case; capitalised ones are acronyms matched as words.
 */
const LAZY = {
  quoted: { re: P.quoted, stems: null },
  exceptionFrame: {
    re: P.exceptionFrame,
    stems: ['not', 'exempt', 'unaffected', 'read ', 'construed', 'interpreted'],
  },
  flipped: { re: P.flipped, stems: ['not'] },
  // Almost every operative sentence has one of its stems ("not", "no"); checking them would cost more than it saves.
  restrict: { re: P.restrict, stems: null },
  negVerb: {
    re: P.negVerb,
    stems: [
      'prohibit',
      'restrict',
      'limit',
      'prevent',
      'preclud',
      'forbid',
      'interfer',
      'discourag',
      'imped',
      'obstruct',
      'declin',
      'refus',
      'terminat',
      'withdraw',
      'fail',
    ],
  },
  exceptionCue: {
    re: P.exceptionCue,
    stems: [
      'unless',
      'except',
      'other than',
      'provided',
      'only',
      'without',
      'absen',
      'supported by',
      'accompanied by',
      'save ',
      'because',
    ],
  },
  positive: { re: P.positive, stems: null },
  boundary: { re: P.boundary, stems: null },
  authWords: {
    re: P.authWords,
    stems: ['immigration', 'homeland', 'customs', 'border patrol', 'removal operations'],
  },
  authAcronyms: { re: P.authAcronyms, stems: ['ICE', 'DHS', 'INS', 'CBP', 'ERO', 'USCIS'] },
  authWeak: { re: P.authWeak, stems: ['federal'] },
  status: {
    re: P.status,
    stems: [
      'lawful',
      'unlawful',
      'status',
      'citizen',
      'immigration',
      'presence',
      'residen',
      'born',
      'undocumented',
      'nationality',
    ],
  },
  releaseInfo: {
    re: P.releaseInfo,
    stems: [
      'appointment',
      'releas',
      'custody',
      'incarceration',
      'jail',
      'court',
      'hearing',
      'address',
      'employment',
      'contact',
      'personal',
      'whereabouts',
      'telephone',
      'time',
    ],
  },
  detainer: { re: P.detainer, stems: ['detain', 'hold', 'i-247'] },
  detainerAct: { re: P.detainerAct, stems: null },
  holdVerb: {
    re: P.holdVerb,
    stems: ['hold', 'held', 'detain', 'keep', 'kept', 'prolong', 'extend', 'delay', 'continu', 'custody'],
  },
  holdLimit: { re: P.holdLimit, stems: ['beyond', 'past', 'longer', 'after', 'releas'] },
  notification: { re: P.notificationRequest, stems: ['notif', 'notice', 'i-247'] },
  infoVerb: { re: P.infoVerb, stems: null },
  infoNoun: { re: P.infoNoun, stems: ['information', 'record', 'data', 'file', 'list', 'roster'] },
  inquiryVerb: { re: P.inquiryVerb, stems: null },
  access: {
    re: P.access,
    stems: [
      'access',
      'entry',
      'interview',
      'space',
      'workspace',
      'desk',
      'station',
      'workstation',
      'terminal',
      'visit',
      'available',
      'facilit',
      'leas',
      'lend',
      'rent',
    ],
  },
  facilityWord: {
    re: P.facilityWord,
    stems: [
      'jail',
      'facilit',
      'housing',
      'booking',
      'secure',
      'non-public',
      'staff-only',
      'restricted',
      'private',
      'holding',
      'interview',
      'patient',
      'treatment',
      'clinical',
      'exam',
      'consultation',
      'pharmac',
      'grounds',
      'premises',
      'campus',
      'building',
      'branch',
      'clinic',
      'office',
    ],
  },
  enforcement: {
    re: P.enforcement,
    stems: [
      'administrative',
      'non-judicial',
      'nonjudicial',
      'warrant',
      'violator',
      'immigration',
      '287',
      '1357',
      'i-20',
      'removal',
      'deport',
      'deputiz',
      'special federal',
      'supervision',
      'intergovernmental',
      'detainees',
      'INS',
      'apprehension',
    ],
  },
  operationWord: {
    re: P.operationWord,
    stems: ['sweep', 'raid', 'checkpoint', 'survey', 'joint', 'task force'],
  },
  assistVerb: {
    re: P.assistVerb,
    stems: ['assist', 'cooperat', 'participat', 'take part', 'accompany', 'interpreters', 'transportation'],
  },
  transferVerb: { re: P.transferVerb, stems: ['transfer'] },
  agreementWord: { re: P.agreementWord, stems: ['memorand', 'MOA', 'MOU', 'agreement', 'contract'] },
  immigrationBasis: { re: P.immigrationBasis, stems: ['immigration', 'lawful', 'unlawful', 'citizenship'] },
  warrant: {
    re: P.warrant,
    stems: ['warrant', 'court', 'judicial', 'probable cause', 'judge', 'magistrate'],
  },
  seriousCrime: {
    re: P.seriousCrime,
    stems: [
      'felon',
      'offens',
      'offenc',
      'crime',
      'convict',
      '1192',
      '667',
      '7282',
      '70.02',
      '1326',
      'sex',
      'gang',
      'trafficking',
      'smuggling',
      'terroris',
    ],
  },
  savingsCite: { re: P.savingsCite, stems: ['1373', '1644'] },
  savingsGeneric: {
    re: P.savingsGeneric,
    stems: ['requir', 'mandated', 'compelled', 'consistent with', 'permitted by', 'extent'],
  },
  cooperation: { re: P.cooperation, stems: null },
} satisfies Record<string, { re: RegExp; stems: readonly string[] | null }>;
type LazyCategory = keyof typeof LAZY;
const LAZY_NAMES = Object.keys(LAZY) as LazyCategory[];
/** Category id by name (`get(C.restrict)`): a constant property read at each call site. */
const C = Object.fromEntries(LAZY_NAMES.map((n, i) => [n, i])) as Record<LazyCategory, number>;
const LAZY_RE = LAZY_NAMES.map((n) => LAZY[n].re);
/**
 * Most categories run only at a provision's word starts that can begin a match (word-start-scan.ts); the others
 * ("quoted", "boundary", and "seriousCrime" for its "§") scan the whole provision. By category id: the index of its
 * word-start plan, or -1 for the full scan.
 */
const LAZY_PLANS = LAZY_NAMES.map((n) => planWordStartScan(LAZY[n].re));
const WORD_START_PLANS = combineWordStartPlans(LAZY_PLANS.filter((p) => p !== null));
const LAZY_PLAN = LAZY_PLANS.map((p) => (p === null ? -1 : WORD_START_PLANS.plans.indexOf(p)));

/** Immigration anchors for context, and the stems any modifier needs. */
const CONTEXT_STEMS = {
  anchor: [
    'immigra',
    'detainer',
    'deport',
    'alien',
    'undocumented',
    'citizenship',
    'naturaliz',
    'homeland security',
    'customs enforcement',
    'border patrol',
    'lawfully present',
    'unlawfully present',
    'lawful presence',
    'unlawful presence',
    '287(g)',
    '287 (g)',
    '1357',
    '1373',
    '1644',
    'i-247',
    'i-200',
    'i-205',
    'hold request',
    'notification request',
    'ICE',
    'DHS',
    'INS',
    'CBP',
    'ERO',
    'USCIS',
  ],
  modifierAny: [
    'warrant',
    'court order',
    'judicial',
    'probable cause',
    'felon',
    'convict',
    'offens',
    'offenc',
    'crime',
    'gang',
    'trafficking',
    'smuggling',
    'terroris',
    'registr',
    '1326',
    '1373',
    '1644',
    'required by',
    'requires',
    'permitted by',
  ],
  recital: ['whereas', 'finds', 'found'],
  definition: ['means', 'mean ', 'includes', 'meaning', 'refers to'],
};
// One scanner for both kinds of stems, so the document is walked once: context stems decide which segments the
// tagger analyses, category stems are consulted only for those (for the others a category simply runs).
const CONTEXT_PREFIX = 'context:';
const CATEGORY_PREFIX = 'category:';
const LITERALS = buildLiteralGroups({
  ...Object.fromEntries(Object.entries(CONTEXT_STEMS).map(([n, stems]) => [CONTEXT_PREFIX + n, stems])),
  ...Object.fromEntries(
    LAZY_NAMES.filter((n) => LAZY[n].stems !== null).map((n) => [CATEGORY_PREFIX + n, LAZY[n].stems!]),
  ),
});
/** Literal group of each lazy category, by category id; -1 when the category has no stems (always run). */
const LAZY_GROUP = LAZY_NAMES.map((n) =>
  LAZY[n].stems === null ? -1 : LITERALS.index.get(CATEGORY_PREFIX + n)!,
);

/** Headings in capitals ("SNOW AND ICE EMERGENCIES") count only through words, never through acronyms. */
const headingHasAnchor = (h: string): boolean =>
  P.anchorWords.test(h) || (P.anchorAcronyms.test(h) && !/^[^a-z]*$/.test(h));

/** Sentence ranges inside one provision (a provision may hold a rule and its "This prohibition does not apply ..."). */
function sentenceRanges(t: string): Range[] {
  const out: Range[] = [];
  const re = /[.!?]["”’)]*\s+(?=["“(]?[A-Z])/g;
  let s = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(t)) !== null) {
    let i = m.index - 1;
    while (i >= 0 && !/[\s(]/.test(t[i]!)) i--;
    const token = t.slice(i + 1, m.index);
    if (
      token.length <= 1 ||
      /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(token) ||
      /^(?:Sec|No|v|U\.S|Mr|Ms|Dr|St|seq|al|Stat|Code)$/i.test(token)
    )
      continue;
    out.push([s, m.index + 1]);
    s = m.index + m[0].length;
  }
  if (s < t.length) out.push([s, t.length]);
  return out;
}

function readDefinitions(
  text: string,
  segments: readonly Segment[],
  mayDefine: (i: number) => boolean,
): DefinedTerm[] {
  const out: DefinedTerm[] = [];
  for (let i = 0; i < segments.length; i++) {
    if (!mayDefine(i)) continue;
    const seg = segments[i]!;
    const t = text.slice(seg.start, Math.min(seg.end, seg.start + 2000));
    const m = P.definedTerm.exec(t);
    if (!m) continue;
    const term = m[1]!.trim();
    if (term.length < 4) continue;
    const body = t.slice(m.index + m[0].length);
    const status = scan(P.status, body).length > 0;
    const releaseInfo = scan(P.releaseInfo, body).length > 0;
    const detainer =
      scan(P.detainer, body).length > 0 ||
      (scan(P.holdVerb, body).length > 0 && scan(P.holdLimit, body).length > 0);
    const auth = scan(P.authWords, body).length > 0 || scan(P.authAcronyms, body).length > 0;
    if (status || releaseInfo || detainer || auth) out.push({ term, status, releaseInfo, detainer, auth });
  }
  return out;
}

/** An exception that never names immigration must at least concern law enforcement to qualify an immigration limit. */
const COOPERATION_CONTEXT =
  /federal|law\s+enforcement|cooperat|warrant|custody|detain|arrest|criminal|felon|crime/i;

const isModifierTag = (tag: string): boolean =>
  tag === 'savings-clause' || tag === 'warrant-exception' || tag === 'serious-crime-carve-out';

/** A restriction operator that ends an agreement ("termination of", "withdraw from"); `word` is lower case. */
const endsAgreement = (word: string): boolean => word.startsWith('terminat') || word.startsWith('withdraw');

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A path marker inside a cross-reference ("(b)" in "subsection (b)(2)"); global, reset before each use. */
const PATH_MARKER = /\(([0-9A-Za-z]{1,4})\)/g;

function readCrossReferences(t: string, from: number): CrossReference[] {
  const out: CrossReference[] = [];
  P.crossReference.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = P.crossReference.exec(t)) !== null) {
    const raw = m[1]!;
    const markers: string[] = [];
    if (raw.indexOf('(') !== -1) {
      PATH_MARKER.lastIndex = 0;
      let pm: RegExpExecArray | null;
      while ((pm = PATH_MARKER.exec(raw)) !== null) markers.push(pm[1]!);
    }
    const bare = raw.replace(/\(.*$/, '').trim();
    const isSectionWord = /^sections?(?:\s|$)/i.test(m[0]);
    if (isSectionWord) {
      out.push({ text: m[0], section: bare || null, path: markers });
    } else {
      const path = bare ? [bare, ...markers] : markers;
      out.push({ text: m[0], section: m[2] ?? null, path });
    }
  }
  return out;
}

/**
 * Tags every segment. Segments are read in document order so a list item can use the state of the lead-in above it.
 * Rule ids used in evidence are listed in docs/review.md.
 */
export function tagProvisions(text: string, segments: readonly Segment[]): ProvisionTags[] {
  const results: ProvisionTags[] = [];
  const leadOperators = new Map<number, Span>();
  const starts = new Int32Array(segments.length);
  const ends = new Int32Array(segments.length);
  segments.forEach((s, i) => {
    starts[i] = s.start;
    ends[i] = s.end;
  });
  const { masks, words: scanned } = LITERALS.scanWords(text, starts, ends);
  /**
   * Hits by category id of the provision being analysed, computed when first asked for. An entry is current only when
   * its stamp equals `generation` (bumped per provision), so nothing is cleared between provisions.
   */
  const memo: Range[][] = new Array<Range[]>(LAZY_NAMES.length).fill(NONE);
  const memoStamp = new Int32Array(LAZY_NAMES.length);
  let generation = 0;
  /** Word starts of the provision being analysed (one buffer for the whole document). */
  const words = new WordStarts(WORD_START_PLANS);
  const contextGroup = (name: keyof typeof CONTEXT_STEMS): number =>
    LITERALS.index.get(CONTEXT_PREFIX + name)!;
  const has = (seg: number, group: number): boolean => hasGroup(masks, LITERALS.words, seg, group);
  const ANCHOR = contextGroup('anchor');
  const MODIFIER_ANY = contextGroup('modifierAny');
  const RECITAL = contextGroup('recital');
  const DEFINITION = contextGroup('definition');
  const ownAnchor = segments.map((_s, i) => has(i, ANCHOR));
  const headingsAnchorCache = new Map<readonly string[], boolean>();
  const headingsAnchored = (hs: readonly string[]): boolean => {
    let v = headingsAnchorCache.get(hs);
    if (v === undefined) {
      v = hs.some(headingAnchored);
      headingsAnchorCache.set(hs, v);
    }
    return v;
  };
  const headingAnchorCache = new Map<string, boolean>();
  const headingAnchored = (h: string): boolean => {
    let v = headingAnchorCache.get(h);
    if (v === undefined) {
      v = headingHasAnchor(h);
      headingAnchorCache.set(h, v);
    }
    return v;
  };
  const sectionAnchor = new Map<number, boolean>();
  segments.forEach((s, i) => {
    if (s.section > 0 && !sectionAnchor.has(s.section) && (ownAnchor[i] || headingsAnchored(s.headings)))
      sectionAnchor.set(s.section, true);
  });
  const definitions = readDefinitions(text, segments, (i) => has(i, DEFINITION));
  const definitionByTerm = new Map(definitions.map((d) => [d.term.toLowerCase(), d]));
  // Defined terms are found in one pass over the document, then handed to the segments that contain them.
  const termHitsBySegment = new Map<number, TermHit[]>();
  if (definitionByTerm.size > 0) {
    const termRe = new RegExp(`\\b(?:${[...definitionByTerm.keys()].map(escapeRegExp).join('|')})\\b`, 'gi');
    let k = 0;
    let m: RegExpExecArray | null;
    while ((m = termRe.exec(text)) !== null) {
      while (k < segments.length && segments[k]!.end <= m.index) k++;
      if (k >= segments.length) break;
      const seg = segments[k]!;
      if (m.index < seg.start || m.index + m[0].length > seg.end) continue;
      const def = definitionByTerm.get(m[0].toLowerCase());
      if (!def || P.definition.test(text.slice(seg.start, Math.min(seg.end, seg.start + 200)))) continue;
      const list = termHitsBySegment.get(k) ?? [];
      list.push({ range: [m.index - seg.start, m.index - seg.start + m[0].length], def });
      termHitsBySegment.set(k, list);
    }
  }
  // Segments the tagger may analyse (see the first test in tagOne): only for these are the category stems trusted.
  const checked = new Uint8Array(segments.length);
  segments.forEach((s, i) => {
    const parentIsLeadIn = s.parent >= 0 && segments[s.parent]!.isLeadIn;
    if (s.isLeadIn || parentIsLeadIn || ownAnchor[i] || has(i, MODIFIER_ANY) || termHitsBySegment.has(i))
      checked[i] = 1;
  });
  /** True when the category's stems occur in the segment, or when the segment was not pre-checked (then run it). */
  const mayMatch = (seg: number, group: number): boolean => checked[seg] === 0 || has(seg, group);
  // Heading facts are looked up by the heading array (shared between segments) and, on a miss, by its last heading.
  type HeadingFacts = { anchor: boolean; recital: boolean; definition: boolean; purpose: boolean };
  const headingFactsCache = new Map<readonly string[], HeadingFacts>();
  const lastHeadingCache = new Map<string, Omit<HeadingFacts, 'anchor'>>();
  const factsOfHeadings = (headings: readonly string[]): HeadingFacts => {
    let facts = headingFactsCache.get(headings);
    if (!facts) {
      const last = headings[headings.length - 1] ?? '';
      let byLast = lastHeadingCache.get(last);
      if (!byLast) {
        byLast = {
          recital: P.recitalHeading.test(last),
          definition: P.definitionHeading.test(last),
          purpose: P.purposeHeading.test(last),
        };
        lastHeadingCache.set(last, byLast);
      }
      facts = { anchor: headingsAnchored(headings), ...byLast };
      headingFactsCache.set(headings, facts);
    }
    return facts;
  };

  segments.forEach((seg, index) => {
    const parent = seg.parent >= 0 ? segments[seg.parent]! : null;
    const lead = parent && parent.isLeadIn ? results[seg.parent]! : null;
    const inherited: LeadState = lead && !seg.isContinuation ? lead.leadState : 'none';
    const inheritsPolarity = inherited === 'restrict' || inherited === 'exception' || inherited === 'flipped';
    const termHits = termHitsBySegment.get(index) ?? NO_TERM_HITS;
    const anchored = ownAnchor[index]! || termHits.length > 0;
    // Nothing here can carry a tag, and no list item hangs from it: skip the analysis (most unrelated text).
    const skip = !seg.isLeadIn && !inheritsPolarity && !anchored && !has(index, MODIFIER_ANY);
    results.push(skip ? EMPTY : tagOne(seg, index, lead, inherited, termHits, anchored));
  });
  // A modifier in a passage that never names immigration ("except as required by law or court order" in personnel
  // rules) counts only as an exception to a tagged limit: one in its section, or anywhere for "this Order".
  const sectionsWithTopics = new Set<number>();
  let documentHasTopics = false;
  results.forEach((r, i) => {
    if (r.topics.length > 0) {
      sectionsWithTopics.add(segments[i]!.section);
      documentHasTopics = true;
    }
  });
  return results.map((r, i) => {
    if (!r.modifiersNeedScope || r.modifiers.length === 0) return r;
    const seg = segments[i]!;
    const aboutCooperation = COOPERATION_CONTEXT.test(text.slice(seg.start, seg.end));
    const keep =
      r.isExceptionOnly &&
      aboutCooperation &&
      (sectionsWithTopics.has(seg.section) || (r.scope === 'document' && documentHasTopics));
    if (keep) return r;
    return {
      ...r,
      modifiers: [],
      evidence: r.evidence.filter((e) => !isModifierTag(e.tag)),
      isExceptionOnly: false,
      scope: null,
    };
  });

  /** Analyses one segment that may carry a tag (see the skip test above): `lead` is the lead-in it hangs from. */
  function tagOne(
    seg: Segment,
    index: number,
    lead: ProvisionTags | null,
    inherited: LeadState,
    termHits: readonly TermHit[],
    anchored: boolean,
  ): ProvisionTags {
    const parentIndex = seg.parent;
    const parentSeg = parentIndex >= 0 ? segments[parentIndex]! : null;
    const inheritsPolarity = inherited === 'restrict' || inherited === 'exception' || inherited === 'flipped';
    const t = text.slice(seg.start, seg.end);
    const base = seg.start;
    const span = (r: Range): Span => ({ start: base + r[0], end: base + r[1], text: t.slice(r[0], r[1]) });
    const headingFacts = factsOfHeadings(seg.headings);
    const headingAnchor = headingFacts.anchor;
    const isRecital =
      inherited === 'recital' || (has(index, RECITAL) && P.recital.test(t)) || headingFacts.recital;
    const isDefinition =
      inherited === 'definition' ||
      (has(index, DEFINITION) && P.definition.test(t.slice(0, 200))) ||
      headingFacts.definition ||
      (seg.isLeadIn && P.definitionLeadIn.test(t));
    const isPurpose = inherited === 'purpose' || P.purpose.test(t) || (headingFacts.purpose && !seg.isLeadIn);
    const isImmigrationContext =
      anchored ||
      headingAnchor ||
      (lead?.isImmigrationContext ?? false) ||
      (seg.section > 0 && sectionAnchor.get(seg.section) === true);

    if (isRecital || isDefinition) {
      return { ...EMPTY, leadState: isRecital ? 'recital' : 'definition', isImmigrationContext };
    }
    if (!anchored && !inheritsPolarity && !seg.isLeadIn && !has(index, MODIFIER_ANY)) {
      return { ...EMPTY, leadState: isPurpose ? 'purpose' : 'none', isImmigrationContext };
    }

    // ---- hits --------------------------------------------------------------------------------------------
    const stamp = ++generation;
    let wordsRead = false;
    const get = (id: number): Range[] => {
      let v: Range[];
      if (memoStamp[id] === stamp) v = memo[id]!;
      else {
        const group = LAZY_GROUP[id]!;
        const run = id === C.quoted ? scanned.quoted[index] === 1 : group === -1 || mayMatch(index, group);
        const plan = LAZY_PLAN[id]!;
        if (!run) v = NONE;
        else if (plan === -1) v = scan(LAZY_RE[id]!, t);
        else {
          // The word starts are listed once per provision, for all the categories that run on them.
          if (!wordsRead) {
            if (scanned.plain[index] === 1)
              words.readStarts(t, scanned.positions, scanned.from[index]!, scanned.from[index + 1]!, base);
            else words.read(t);
            wordsRead = true;
          }
          v = words.matches(plan);
        }
        memo[id] = v;
        memoStamp[id] = stamp;
      }
      return v;
    };
    const quotes = get(C.quoted);
    const unquoted = (hs: Range[]): Range[] =>
      quotes.length === 0 ? hs : keep(hs, (h) => !inside(h[0], quotes));
    // "shall be read to permit" relaxes a limit, but "nothing ... shall be construed to authorize" does not.
    const xf = keep(
      unquoted(get(C.exceptionFrame)),
      (h) =>
        !(
          /^(?:shall|will|should)\s+be\s/i.test(t.slice(h[0], h[0] + 10)) &&
          /\bnothing\b/i.test(t.slice(Math.max(0, h[0] - 100), h[0]))
        ),
    );
    const flippedHits = unquoted(get(C.flipped));
    let restrictHits = keep(unquoted(get(C.restrict)), (h) => !overlaps(h, xf));
    const negVerbs = get(C.negVerb);
    const cues = unquoted(get(C.exceptionCue));
    const positives = keep(unquoted(get(C.positive)), (h) => !overlaps(h, restrictHits) && !overlaps(h, xf));
    const boundaries = keep(get(C.boundary), (h) => !/^,\s+but\s+only/i.test(t.slice(h[0], h[1] + 6)));
    const authA = get(C.authWords);
    const authB = get(C.authAcronyms);
    const auth =
      authB.length === 0
        ? authA
        : authA.length === 0
          ? authB
          : [...authA, ...authB].sort((a, b) => a[0] - b[0]);
    const authWeak = isImmigrationContext ? get(C.authWeak) : NONE;
    // Defined terms add to the hits (on copies: the hit lists are shared).
    const withTerms = termHits.length > 0;
    const status = withTerms ? get(C.status).slice() : get(C.status);
    const releaseInfo = withTerms ? get(C.releaseInfo).slice() : get(C.releaseInfo);
    const detainerHits = withTerms ? get(C.detainer).slice() : get(C.detainer);
    for (const th of termHits) {
      if (th.def.status) status.push(th.range);
      if (th.def.releaseInfo) releaseInfo.push(th.range);
      if (th.def.detainer) detainerHits.push(th.range);
    }
    // A standalone "prohibits"/"restricts" is a restriction only when nothing before it already frames it.
    restrictHits = keep(restrictHits, (h) => {
      const word = t.slice(h[0], h[1]).toLowerCase();
      if (endsAgreement(word)) return !P.onTermination.test(t.slice(Math.max(0, h[0] - 30), h[0]));
      if (!/^(?:prohibits|forbids|bars|restricts|precludes)$/.test(word)) return true;
      return !xf.some((x) => x[0] < h[0]) && !flippedHits.some((x) => x[0] < h[0]);
    });

    // ---- clauses -----------------------------------------------------------------------------------------
    const clauses: Clause[] = [];
    const sentences = sentenceRanges(t);
    // Restriction and positive modals in text order (restrictions first at the same offset).
    const modals = joined(restrictHits, positives);
    if (restrictHits.length > 0 && positives.length > 0) modals.sort((a, b) => a[0] - b[0]);
    sentences.forEach(([ss, se], si) => {
      const cuts: number[] = [];
      const cut = (at: number): void => {
        if (!cuts.includes(at)) cuts.push(at);
      };
      for (const b of boundaries) if (b[0] > ss && b[0] < se) cut(b[0]);
      let seenModal = false;
      let lastWasRestriction = false;
      for (const h of modals) {
        if (h[0] < ss || h[0] >= se) continue;
        const isPositive = positives.includes(h);
        // "will not hold ... so that ICE can assume custody" is the purpose of the limit before it, not a new clause.
        const purposeOfLimit =
          lastWasRestriction && SUBORDINATE_MODAL.test(t.slice(Math.max(ss, h[0] - 40), h[0]));
        lastWasRestriction = !isPositive;
        if (isPositive && seenModal && !purposeOfLimit) {
          // A second modal starts a new clause; pull back to the conjunction that joins it.
          const back = t.slice(Math.max(ss, h[0] - 60), h[0]);
          const conj =
            /(?:,\s+(?:and|or|but)\s|\s(?:and|but)\s)(?![\s\S]*(?:,\s+(?:and|or|but)\s|\s(?:and|but)\s))/.exec(
              back,
            );
          cut(conj ? h[0] - back.length + conj.index : h[0]);
        }
        seenModal = true;
      }
      const points = cuts.length === 0 ? [ss, se] : [ss, ...cuts.sort((a, b) => a - b), se];
      for (let k = 0; k < points.length - 1; k++) {
        const cs = points[k]!;
        const ce = points[k + 1]!;
        if (ce <= cs) continue;
        clauses.push(makeClause(cs, ce, si === 0 && k === 0));
      }
    });

    /** "No sheriff shall decline to honor ...", "No member will prohibit, or in any way restrict, ...": a rule against limiting. */
    function isDirectFlip(op: Range, ce: number): boolean {
      const regions = within(cues, op[1], ce);
      for (const n of negVerbs) {
        if (n[0] < op[1] || n[0] >= ce || overlaps(n, [op])) continue;
        if (regions.some((c) => c[0] <= n[0])) return false;
        const between = t.slice(op[1], n[0]);
        return !/\b(?:shall|may|will|must|should)\b|;/.test(between);
      }
      return false;
    }

    function makeClause(cs: number, ce: number, isFirst: boolean): Clause {
      const ops = within(restrictHits, cs, ce);
      const flips = within(flippedHits, cs, ce);
      const frames = within(xf, cs, ce);
      const clauseCues = within(cues, cs, ce);
      let polarity: Polarity;
      let operator: Range | null = null;
      let operatorInherited = false;
      if (ops.length > 0 && isDirectFlip(ops[0]!, ce)) {
        polarity = 'flipped';
      } else if (ops.length > 0) {
        operator = ops[0]!;
        polarity = P.hortatory.test(t.slice(cs, operator[1])) ? 'hortatory' : 'restrict';
      } else if (flips.length > 0) polarity = 'flipped';
      else if (frames.length > 0) polarity = 'exception';
      else if (isFirst && inherited === 'restrict') {
        polarity = 'restrict';
        operatorInherited = true;
      } else if (isFirst && inherited === 'exception') polarity = 'exception';
      else if (isFirst && inherited === 'flipped') polarity = 'flipped';
      else
        polarity = within(positives, cs, ce).some((h) => /^(?:may|can)$/i.test(t.slice(h[0], h[1])))
          ? 'permissive'
          : 'neutral';

      const regions: Range[] = [];
      for (const c of clauseCues) {
        const word = t.slice(c[0], c[1]).toLowerCase();
        const before = t.slice(cs, c[0]);
        const leading = /^\s*(?:\(\w{1,4}\)|\w{1,4}\.|[•\-–*])?\s*$/.test(before);
        const afterComma = /[,(]\s*$/.test(before);
        let end = ce;
        if (leading || afterComma || /^(?:without|absent|in the absence of)/.test(word)) {
          const comma = t.indexOf(',', c[1]);
          if (comma !== -1 && comma < ce) end = comma;
        }
        regions.push([c[0], end]);
      }
      const frameText = frames.map((f) => t.slice(f[0], f[1])).join(' ');
      const sentence = t.slice(cs, ce);
      const isCooperationFrame =
        polarity !== 'restrict' &&
        polarity !== 'flipped' &&
        polarity !== 'hortatory' &&
        (anyWithin(positives, cs, ce) || CONDITIONAL_START.test(sentence.slice(0, 40))) &&
        anyWithin(get(C.cooperation), cs, ce) &&
        (anyWithin(auth, cs, ce) || anyWithin(detainerHits, cs, ce));
      return {
        start: cs,
        end: ce,
        polarity,
        operator,
        operatorInherited,
        exceptionRegions: regions,
        firstCue: clauseCues.length > 0 ? clauseCues[0]![0] : -1,
        isPracticeFrame: frames.length > 0 && P.practiceFrame.test(frameText),
        isCooperationFrame,
      };
    }

    // ---- topics ------------------------------------------------------------------------------------------
    const evidence: TagEvidence[] = [];
    // Topics and modifiers in the order first found (small arrays used as sets).
    const topics: Topic[] = [];
    const leadOp = lead ? leadOperators.get(parentIndex) : undefined;
    const addTopic = (tag: Topic, rule: string, c: Clause, objects: Range[]): void => {
      let already = 0;
      for (const e of evidence) if (e.tag === tag) already++;
      if (!topics.includes(tag)) topics.push(tag);
      if (already >= 2) return;
      const spans: Span[] = [];
      if (c.operator) spans.push(span(c.operator));
      else if (c.operatorInherited && leadOp) spans.push(leadOp);
      for (const o of objects) spans.push(span(o));
      evidence.push({ tag, rule, spans });
    };
    const restrictClauses = clauses.filter((c) => c.polarity === 'restrict');
    /** Access phrases, and premises named after an entry word ("enter ... the jail"). */
    let accessMemo: Range[] | undefined;
    const accessHits = (): Range[] => {
      if (accessMemo !== undefined) return accessMemo;
      const direct = get(C.access);
      const entries: Range[] = [];
      for (const f of get(C.facilityWord)) {
        const before = t.slice(Math.max(0, f[0] - 60), f[0]);
        const m = P.entryBefore.exec(before);
        if (!m) continue;
        // "to hold federal detainees in the County Jail" says where detainees are kept, not who may come in.
        if (
          /^in\s/i.test(m[0]) &&
          P.keptIn.test(before.slice(0, m.index)) &&
          !P.admittingBefore.test(before.slice(0, m.index))
        )
          continue;
        entries.push([f[0] - before.length + m.index, f[1]]);
      }
      accessMemo = entries.length === 0 ? direct : [...direct, ...entries].sort((a, b) => a[0] - b[0]);
      return accessMemo;
    };
    /** Civil-enforcement phrases, with the proximity rules that a single pattern would have to backtrack for. */
    const enforcementHits = (c: Clause, clauseAuth: readonly Range[]): Range[] => {
      const out = get(C.enforcement).slice();
      const clauseText = t.slice(c.start, c.end);
      if (clauseAuth.length > 0 || /immigra/i.test(clauseText)) {
        for (const o of within(get(C.operationWord), c.start, c.end)) out.push(o);
      }
      for (const a of within(get(C.assistVerb), c.start, c.end)) {
        const target = auth.find(
          (h) => h[0] >= a[1] && h[0] - a[1] <= 40 && !/[.;]/.test(t.slice(a[1], h[0])),
        );
        if (target) out.push([a[0], target[1]]);
      }
      for (const v of within(get(C.transferVerb), c.start, c.end)) {
        const m = P.transferTarget.exec(t.slice(v[1], v[1] + 140));
        if (m) out.push([v[0], v[1] + m[0].length]);
      }
      // The agreement a limit ends or bars ("shall not renew its agreement with ICE", "notice of termination of the
      // Memorandum of Agreement"), when immigration authorities are named near it in the clause and it is an
      // enforcement agreement: custody, detention, 287(g) and the like in the clause or its headings (a grant, a lease
      // or a disaster-aid memorandum with DHS is not).
      if (c.operator !== null) {
        const op = c.operator;
        const ending = endsAgreement(t.slice(op[0], op[1]).toLowerCase());
        const named = within(auth, c.start, c.end);
        for (const a of within(get(C.agreementWord), op[1], c.end)) {
          const gap = t.slice(op[1], a[0]);
          if (!(ending ? P.agreementDeterminers : P.agreementObject).test(gap)) continue;
          if (P.agreementModifier.test(t.slice(a[1], a[1] + 20))) break;
          if (
            named.some((h) => Math.abs(h[0] - a[0]) <= 100) &&
            (P.enforcementAgreementSubject.test(t.slice(c.start, c.end)) ||
              seg.headings.some((h) => P.enforcementAgreementSubject.test(h)))
          )
            out.push(a);
          break;
        }
      }
      for (const b of within(get(C.immigrationBasis), c.start, c.end)) {
        const before = t.slice(Math.max(c.start, b[0] - 130), b[0]);
        const m = P.basisBefore.exec(before);
        if (m) out.push([b[0] - before.length + m.index, b[1]]);
      }
      return out.sort((x, y) => x[0] - y[0]);
    };
    const authAnywhere =
      auth.length > 0 || authWeak.length > 0 || (lead !== null && lead.isImmigrationContext) || headingAnchor;

    for (const c of restrictClauses) tagClause(c);
    /** The topics one restriction clause limits, each with the evidence for it. */
    function tagClause(c: Clause): void {
      const live = (hs: Range[]): Range[] =>
        keep(
          hs,
          (h) => h[0] >= c.start && h[0] < c.end && !inside(h[0], c.exceptionRegions) && !isFlipped(c, h),
        );
      const inClause = (hs: readonly Range[]): Range[] => within(hs, c.start, c.end);
      const clauseAuth = joined(inClause(auth), inClause(authWeak));

      // detainer: a detainer or hold named with an act on it (honor, comply, detain on the basis of ...).
      let hasDetainer = false;
      const det = live(detainerHits);
      const acts = keep(inClause(get(C.detainerAct)), (a) => !overlaps(a, det));
      if (det.length > 0 && (acts.length > 0 || c.operator !== null)) {
        addTopic('detainer', 'detainer-named', c, [det[0]!, ...(acts.length > 0 ? [acts[0]!] : [])]);
        hasDetainer = true;
      }
      for (const v of live(get(C.holdVerb))) {
        const limit = inClause(get(C.holdLimit)).find(
          (l) =>
            (l[0] >= v[1] && l[0] - v[1] < 100) ||
            (l[1] <= v[0] && v[0] - l[1] < 80 && /releas/i.test(t.slice(l[0], l[1]))),
        );
        const verb = t.slice(v[0], v[1]).toLowerCase();
        const authHold = clauseAuth.length > 0 && /^(?:delay|prolong|extend|continu)/.test(verb);
        const immigration =
          clauseAuth.length > 0 || det.length > 0 || /immigra/i.test(t.slice(c.start, c.end));
        if ((limit || authHold) && immigration) {
          addTopic('detainer', 'hold-past-release', c, limit ? [v, limit] : [v]);
          hasDetainer = true;
          break;
        }
      }

      // release-notification: a notification request, or release information with a telling verb and an authority.
      const notif = live(get(C.notification));
      if (notif.length > 0) addTopic('release-notification', 'notification-request', c, [notif[0]!]);
      const rel = live(releaseInfo);
      if (rel.length > 0) {
        const verbs = inClause(get(C.infoVerb)).filter(
          (v) => !overlaps(v, rel) && !inside(v[0], c.exceptionRegions),
        );
        if (verbs.length > 0 && (clauseAuth.length > 0 || authAnywhere || notif.length > 0)) {
          addTopic('release-notification', 'release-information', c, [verbs[0]!, rel[0]!]);
        }
      }

      // facility-access: access, entry, interviews or office space for immigration agents.
      const acc = live(accessHits());
      let accessAt = -1;
      if (acc.length > 0 && (clauseAuth.length > 0 || auth.length > 0)) {
        addTopic('facility-access', 'access-for-agents', c, [
          acc[0]!,
          ...(clauseAuth.length > 0 ? [clauseAuth[0]!] : []),
        ]);
        accessAt = acc[0]![0];
      }

      // status-inquiry and info-sharing: asking about status versus exchanging or keeping it.
      const st = keep(live(status), (s) => !isBasis(s));
      const stAll = live(status);
      const inquiry = live(get(C.inquiryVerb));
      let inquiryFound = false;
      let inquirySpan: Range | null = null;
      for (const v of inquiry) {
        const target = st.find((s) => s[0] >= v[1] && s[0] - v[1] < 110);
        if (!target) continue;
        const word = t.slice(v[0], v[1]).toLowerCase();
        const tail = t.slice(target[1], Math.min(c.end, target[1] + 60));
        if (/^(?:request|seek|sought|obtain)/.test(word) && P.fromAuthority.test(tail)) {
          addTopic('info-sharing', 'status-request-from-authority', c, [v, target]);
        } else {
          addTopic('status-inquiry', 'status-question', c, [v, target]);
          inquirySpan = [v[0], target[1]];
        }
        inquiryFound = true;
        break;
      }
      if (!inquiryFound) {
        const noun = st.find((s) => /^\s*(?:inquir|question|quer)/i.test(t.slice(s[1], s[1] + 12)));
        if (noun) addTopic('status-inquiry', 'status-question', c, [noun]);
      }
      const share = keep(live(get(C.infoVerb)), (v) => !overlaps(v, rel) && !overlaps(v, inquiry));
      let sharingFound = false;
      const opStart = c.operator ? c.operator[0] : -1;
      for (const v of share) {
        // "require an applicant to disclose citizenship" is asking for status, not sharing it.
        if (
          inquirySpan &&
          v[0] > inquirySpan[0] &&
          v[0] < inquirySpan[1] &&
          /\bto\s+$/.test(t.slice(inquirySpan[0], v[0]))
        )
          continue;
        const isRecord = P.recordVerb.test(t.slice(v[0], v[1]));
        const pool = isRecord ? stAll : st;
        // Status after the verb, or before it in the passive ("status ... shall not be disclosed").
        const target = pool.find(
          (s) =>
            (s[0] >= v[1] && s[0] - v[1] < 130) ||
            (s[1] <= v[0] && v[0] - s[1] < 80 && opStart > s[1] && opStart < v[0]),
        );
        if (target) {
          addTopic('info-sharing', isRecord ? 'status-record' : 'status-exchange', c, [v, target]);
          sharingFound = true;
          break;
        }
      }
      const sentence = sentences.find((r) => c.start >= r[0] && c.start < r[1]) ?? [c.start, c.end];
      const sentenceAuth = joined(
        within(auth, sentence[0], sentence[1]),
        within(authWeak, sentence[0], sentence[1]),
      );
      if (!sharingFound) {
        for (const v of share) {
          if (
            !/^(?:contact|communicat|call|notif|report|inform|advis|e-?mail|fax|tell|told)/i.test(
              t.slice(v[0], v[1]),
            )
          )
            continue;
          const target = clauseAuth.find((a) => a[0] >= v[1] && a[0] - v[1] <= 25);
          // About release dates or custody it is release-notification, tagged above.
          if (
            target &&
            rel.length === 0 &&
            P.aboutPerson.test(t.slice(target[1], Math.min(c.end, target[1] + 90)))
          ) {
            addTopic('info-sharing', 'communication-about-person', c, [v, target]);
            sharingFound = true;
            break;
          }
        }
      }
      if (!sharingFound && sentenceAuth.length > 0 && rel.length === 0) {
        // "shall not answer the agent's questions about any patient", the agent named earlier in the sentence.
        for (const v of share) {
          if (!/^(?:answer|respond)/i.test(t.slice(v[0], v[1]))) continue;
          const m = P.questionsAbout.exec(t.slice(v[1], Math.min(c.end, v[1] + 140)));
          if (!m) continue;
          // The questions must be the immigration service's: "the agent's" (an agent named before), "ICE inquiries",
          // "questions from ICE agents"; not a parent's, a client's or the media's questions about ICE.
          const end = v[1] + m[0].length;
          const asker = m[2] !== undefined ? v[1] + m[0].indexOf(m[2]) : -1;
          const askedBy =
            asker !== -1
              ? sentenceAuth.find((a) => a[0] >= asker && a[0] < asker + m[2]!.length)
              : m[1] !== undefined && P.askingAgent.test(m[1])
                ? sentenceAuth.find((a) => a[0] < end)
                : undefined;
          if (!askedBy) continue;
          addTopic('info-sharing', 'communication-about-person', c, [[v[0], end], askedBy]);
          sharingFound = true;
          break;
        }
      }
      if (!sharingFound && sentenceAuth.length > 0) {
        // "information about a person's release date" given to ICE is release-notification, tagged above.
        const nouns = keep(
          live(get(C.infoNoun)),
          (n) => !overlaps(n, rel) && !overlaps(n, releaseInfo) && !aboutReleaseInfo(n),
        );
        const v = share.find((x) => nouns.some((n) => Math.abs(n[0] - x[0]) < 90));
        if (v && nouns.length > 0)
          addTopic('info-sharing', 'information-to-authority', c, [v, nouns[0]!, sentenceAuth[0]!]);
      }

      // civil-enforcement: civil warrants, 287(g), task forces, transfers, resources for immigration enforcement.
      for (const e of live(enforcementHits(c, clauseAuth))) {
        const phrase = t.slice(e[0], e[1]);
        if (
          hasDetainer &&
          P.enforcementPurpose.test(phrase) &&
          !/assist|participat|use|fund/i.test(t.slice(c.start, e[0]))
        )
          continue;
        // "... available to ICE for the purpose of civil immigration enforcement": the purpose of the limit just named.
        if (
          topics.length > 0 &&
          (/^purposes?\s+of/i.test(phrase) ||
            P.purposeBefore.test(t.slice(Math.max(c.start, e[0] - 40), e[0])))
        )
          continue;
        // "allow ICE to enter ... in order to enforce immigration law": ICE's purpose, not local enforcement.
        if (accessAt !== -1 && e[0] > accessAt && !restrictHits.some((r) => r[0] > accessAt && r[0] < e[0]))
          continue;
        addTopic('civil-enforcement', 'immigration-enforcement', c, [e]);
        break;
      }
    }
    if (isPurpose) {
      topics.length = 0;
      for (let i = evidence.length - 1; i >= 0; i--) evidence.splice(i, 1);
    }

    /** "information about an individual's release date": the release item is what the information is about. */
    function aboutReleaseInfo(n: Range): boolean {
      return releaseInfo.some(
        (r) =>
          r[0] > n[1] &&
          r[0] - n[1] <= 40 &&
          /^\s+(?:about|regarding|concerning|on|of|as\s+to)\s+(?:[\w'’]+\s+){0,3}$/i.test(
            t.slice(n[1], r[0]),
          ),
      );
    }
    function isBasis(s: Range): boolean {
      const before = t.slice(Math.max(0, s[0] - 40), s[0]);
      return P.statusBasis.test(before) || P.statusAsFactor.test(t.slice(s[1], s[1] + 24));
    }
    function isFlipped(c: Clause, h: Range): boolean {
      if (c.polarity !== 'restrict') return false;
      const from = c.operator ? c.operator[1] : c.start;
      if (h[0] <= from) return false;
      return negVerbs.some(
        (n) =>
          n[0] >= from && n[1] <= h[0] && !overlaps(n, restrictHits) && !inside(n[0], c.exceptionRegions),
      );
    }

    // ---- modifiers ---------------------------------------------------------------------------------------
    const modifierEvidence: TagEvidence[] = [];
    const modifiers: Modifier[] = [];
    const dropModifier = (tag: Modifier): void => {
      const at = modifiers.indexOf(tag);
      if (at !== -1) modifiers.splice(at, 1);
    };
    const clauseAt = (pos: number): Clause | undefined => clauses.find((c) => pos >= c.start && pos < c.end);
    const modifierAllowed = (pos: number): boolean => {
      const c = clauseAt(pos);
      if (!c) return false;
      // An urged limit's exceptions are read as a limit's are (the provision limits nothing itself).
      if (c.polarity === 'restrict' || c.polarity === 'hortatory')
        return (c.firstCue !== -1 && pos >= c.firstCue) || inside(pos, c.exceptionRegions);
      if (c.polarity === 'exception') return true;
      return c.isCooperationFrame;
    };
    /**
     * "shall not disclose any information that is not required by federal or state law to be disclosed": the limit
     * reaches only what the law does not require, so the requirement it names is carved out. The "not" (after the
     * clause's own operator) is returned as the cue.
     */
    function negatedRequirementAt(c: Clause, pos: number): Range | null {
      const from = Math.max(c.start, c.operator ? c.operator[1] : c.start, pos - 40);
      if (from >= pos) return null;
      const m = P.negatedRequirement.exec(t.slice(from, pos));
      return m ? [from + m.index, from + m.index + m[0].length] : null;
    }
    const cueBefore = (pos: number): Range | undefined => {
      const c = clauseAt(pos);
      const cands = cues.filter((x) => x[0] <= pos && (!c || x[0] >= c.start));
      return cands[cands.length - 1];
    };
    const addModifier = (
      tag: Modifier,
      rule: string,
      spans: Span[],
      strength?: 'explicit' | 'generic',
    ): void => {
      if (modifiers.includes(tag)) {
        let same = 0;
        for (const e of modifierEvidence) if (e.tag === tag) same++;
        if (same >= 2) return;
      }
      if (!modifiers.includes(tag)) modifiers.push(tag);
      modifierEvidence.push(strength ? { tag, rule, spans, strength } : { tag, rule, spans });
    };
    addModifiers();
    /** Warrant, serious-crime and savings modifiers, where an exception can stand (see modifierAllowed). */
    function addModifiers(): void {
      for (const w of get(C.warrant)) {
        if (P.negatedBefore.test(t.slice(Math.max(0, w[0] - 14), w[0]))) continue;
        if (!modifierAllowed(w[0])) continue;
        const cue = cueBefore(w[0]);
        addModifier(
          'warrant-exception',
          'judicial-warrant-exception',
          cue ? [span(cue), span(w)] : [span(w)],
        );
      }
      for (const k of get(C.seriousCrime)) {
        if (!modifierAllowed(k[0])) continue;
        const cue = cueBefore(k[0]);
        addModifier(
          'serious-crime-carve-out',
          'serious-crime-carve-out',
          cue ? [span(cue), span(k)] : [span(k)],
        );
      }
      for (const s of get(C.savingsCite)) {
        addModifier('savings-clause', 'savings-cites-1373', [span(s)], 'explicit');
      }
      for (const cue of cues) {
        if (P.statusCarveOut.test(t.slice(cue[0], cue[0] + 160))) {
          const st = status.find((s) => s[0] > cue[0]);
          addModifier(
            'savings-clause',
            'savings-status-carve-out',
            st ? [span(cue), span(st)] : [span(cue)],
            'explicit',
          );
        }
      }
      for (const c of clauses) {
        const own = c.polarity === 'exception' && !c.isPracticeFrame;
        const permissive = c.polarity === 'permissive';
        if (!own && !permissive) continue;
        const verbs = within(get(C.infoVerb), c.start, c.end).filter((v) =>
          /^(?:send|sent|receiv|shar|provid|exchang|communicat|maintain|disclos|respond)/i.test(
            t.slice(v[0], v[1]),
          ),
        );
        // A permission preserves the exchange only when it governs a sharing verb ("may send ...", "may lawfully
        // exchange"); a "may" elsewhere ("guidelines on persons whose status may be in question") permits nothing.
        const verb = permissive
          ? verbs.find((v) =>
              positives.some(
                (h) =>
                  h[1] <= v[0] &&
                  /^(?:may|can)$/i.test(t.slice(h[0], h[1])) &&
                  P.modalToVerb.test(t.slice(h[1], v[0])),
              ),
            )
          : verbs[0];
        if (verb === undefined) continue;
        const st = within(status, c.start, c.end);
        const au = within(auth, c.start, c.end);
        const government =
          au.length > 0 ||
          anyWithin(authWeak, c.start, c.end) ||
          /government\s+entit|federal/i.test(t.slice(c.start, c.end));
        const verbText = t.slice(verb[0], verb[1]).toLowerCase();
        const exchangeVerb = /^(?:send|sent|receiv|communicat|exchang)/.test(verbText);
        if (
          (st.length > 0 && government) ||
          (own && c.operator === null && !inheritsPolarity && exchangeVerb && au.length > 0)
        ) {
          addModifier(
            'savings-clause',
            'savings-status-exchange',
            [span(verb), span(st[0] ?? au[0]!)],
            'explicit',
          );
        }
      }
      for (const s of get(C.savingsGeneric)) {
        const c = clauseAt(s[0]);
        // "any information that is not required by law to be disclosed": a carve-out inside the limit's own object.
        const negated =
          c &&
          (c.polarity === 'restrict' || c.polarity === 'hortatory') &&
          !P.requirementToWithhold.test(t.slice(s[1], s[1] + 40))
            ? negatedRequirementAt(c, s[0])
            : null;
        if (negated === null && !modifierAllowed(s[0])) continue;
        if (c && c.polarity !== 'restrict' && c.polarity !== 'exception' && c.polarity !== 'hortatory')
          continue;
        const cue = negated ?? cueBefore(s[0]);
        addModifier(
          'savings-clause',
          'savings-required-by-law',
          cue ? [span(cue), span(s)] : [span(s)],
          'generic',
        );
      }
    }
    // Flipped passages (a rule against limiting cooperation) keep only an express § 1373 citation.
    if (
      clauses.length > 0 &&
      clauses.every((c) => c.polarity === 'flipped' || c.polarity === 'neutral') &&
      clauses.some((c) => c.polarity === 'flipped')
    ) {
      dropModifier('warrant-exception');
      dropModifier('serious-crime-carve-out');
      for (let i = modifierEvidence.length - 1; i >= 0; i--) {
        const e = modifierEvidence[i]!;
        if (e.tag !== 'savings-clause' || e.rule !== 'savings-cites-1373') modifierEvidence.splice(i, 1);
      }
      if (!modifierEvidence.some((e) => e.tag === 'savings-clause')) dropModifier('savings-clause');
    }
    // Lead-in modifiers reach the items below ("(8 U.S.C. § 1373):" before "(a) Sending such information ...").
    if (lead && !seg.isContinuation) {
      for (const e of lead.evidence) {
        if (
          e.tag === 'savings-clause' ||
          e.tag === 'warrant-exception' ||
          e.tag === 'serious-crime-carve-out'
        ) {
          if (!modifiers.includes(e.tag)) {
            modifiers.push(e.tag);
            modifierEvidence.push({ ...e, inherited: true });
          }
        }
      }
    }

    // ---- state for list items, scope and cross-references ---------------------------------------------------
    const last = clauses[clauses.length - 1];
    let leadState: LeadState = 'none';
    if (seg.isLeadIn) {
      if (isPurpose) leadState = 'purpose';
      else if (P.recital.test(t)) leadState = 'recital';
      else if (last) {
        const openCue = last.exceptionRegions.some((r) => r[1] >= last.end - 1) && last.firstCue !== -1;
        if (last.polarity === 'restrict') {
          const tailNeg = negVerbs.some(
            (n) => last.operator && n[0] > last.operator[1] && !overlaps(n, restrictHits),
          );
          leadState = tailNeg ? 'flipped' : openCue ? 'exception' : 'restrict';
          if (last.operator) leadOperators.set(index, span(last.operator));
          else if (leadOp) leadOperators.set(index, leadOp);
        } else if (last.polarity === 'exception') leadState = 'exception';
        else if (last.polarity === 'flipped') leadState = 'flipped';
        // A list under an urged limit ("urges the Sheriff to decline detainers unless:") limits nothing here either.
        else if (last.polarity === 'hortatory') leadState = 'none';
        else if (/\b(?:if|where|when|unless|circumstances)\s*:\s*$/i.test(t)) leadState = 'exception';
      }
    }
    const topicList = topics;
    const modifierList = modifiers;
    // Exception-only: the passage carves something out (a frame like "does not apply", an item of an "unless:" list,
    // a permission to cooperate), not a passage that limits something else and has exceptions of its own.
    const exceptionish =
      clauses.some((c) => c.polarity === 'exception' || c.isCooperationFrame) ||
      (clauses.every((c) => c.polarity !== 'restrict' && c.polarity !== 'hortatory') &&
        clauses.some((c) => c.firstCue !== -1));
    const isExceptionOnly =
      topicList.length === 0 && modifierList.length > 0 && (exceptionish || inherited === 'exception');
    let scope: ExceptionScope | null = null;
    if (isExceptionOnly) {
      if (P.scopeDocument.test(t)) scope = 'document';
      else if (P.scopeSection.test(t)) scope = 'section';
      else if (readCrossReferences(t, 0).length > 0) scope = 'refs';
      else scope = 'section';
    }
    const refs: CrossReference[] = [];
    const firstCue = cues.length > 0 ? cues[0]![0] : -1;
    const firstFrame = xf.length > 0 ? xf[0]![0] : -1;
    const refFrom = isExceptionOnly ? 0 : firstCue !== -1 ? firstCue : firstFrame;
    if (refFrom !== -1) refs.push(...readCrossReferences(t, refFrom));
    if (lead && !seg.isContinuation) refs.push(...lead.exceptionRefs);

    const releaseEvidence = evidence.filter((e) => e.tag === 'release-notification');
    return {
      topics: topicList,
      modifiers: modifierList,
      evidence: [...evidence, ...modifierEvidence],
      leadState,
      isExceptionOnly,
      scope,
      exceptionRefs: refs,
      isImmigrationContext,
      modifiersNeedScope:
        topicList.length === 0 && !anchored && !headingAnchor && !(lead?.isImmigrationContext ?? false),
      facts: {
        correctionalAccess:
          topics.includes('facility-access') &&
          P.correctional.test(t + (parentSeg ? text.slice(parentSeg.start, parentSeg.end) : '')),
        consentAccess: topics.includes('facility-access') && P.consent.test(t),
        releaseSpecificNotice: releaseEvidence.some((e) =>
          e.spans.some((s) => P.releaseSpecific.test(s.text)),
        ),
      },
    };
  }
}
