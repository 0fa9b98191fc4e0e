// Reads typed events (BRIEF §5) from one document: requests with recipients and deadlines, rulings, findings.
import type { IsoDate, OcdId, RequirementId } from '../shared/brand.ts';
import { addDays } from '../shared/iso-date.ts';
import type { DatePrecision, DocumentKind, EventType, RulingDetail } from './case-facts.ts';
import type { FoundClaim, QuoteRange } from './find-claims.ts';
import type { FoundCount } from './find-counts.ts';
import { parseNumber } from './find-counts.ts';
import type { FoundDate } from './find-dates.ts';
import type { FoundMention } from './find-jurisdiction-mentions.ts';
import { SpanIndex } from './span-index.ts';
import type { Sentence } from './split-sentences.ts';

/** An event before its spans are mapped back to the original text: `sources` are clean ranges. */
export type DraftEvent = {
  type: EventType;
  date?: IsoDate;
  precision?: DatePrecision;
  jurisdictions: OcdId[];
  count?: FoundCount;
  deadline?: IsoDate;
  deadlineRule?: string;
  finding?: 'possible-violation' | 'cleared' | 'undecided';
  action?: string;
  modality?: 'taken' | 'threatened';
  ruling?: RulingDetail;
  requirements?: RequirementId[];
  speaker?: string;
  attributedTo?: string;
  sources: { start: number; end: number }[];
  /** Index of the sentence it was read from (for linking deadlines and lists). */
  sentence: number;
};

export type EventContext = {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  readonly mentions: readonly FoundMention[];
  readonly dates: readonly FoundDate[];
  readonly counts: readonly FoundCount[];
  readonly quotes: readonly QuoteRange[];
  readonly claims: readonly FoundClaim[];
  readonly kind: DocumentKind;
  readonly docDate?: IsoDate;
  /** A letter's addressees: the recipients of what the letter asks. */
  readonly addressees: readonly OcdId[];
  /** The court that issued a court order, from its caption. */
  readonly court?: string;
};

/** The court named in a caption ("IN THE UNITED STATES DISTRICT COURT FOR THE NORTHERN DISTRICT OF ILLINOIS"). */
export function courtOfCaption(head: string): string | undefined {
  return courtOf(head);
}

const r = (source: string): RegExp => new RegExp(source, 'i');
const W = '[ \\t]+';

// Triggers, read within one sentence (so a period inside "Oct. 27" does not stop them). Each is a chain of literal
// words with bounded gaps ([^;]{0,80}?), so matching stays linear.
const DOC_REQUEST: readonly RegExp[] = [
  // The agency sending letters (checked for a jurisdiction as the sender: that is an answer).
  r(
    `\\b(?:sent|sends|send|sending|mailed|issued|issues|delivered|dispatched|wrote|writes)\\b[^;]{0,80}?\\bletters?\\b`,
  ),
  r(
    `\\b(?:letters?|demands?|requests?)\\b[^;]{0,40}?\\b(?:went${W}to|went${W}out|were${W}sent|was${W}sent|were${W}mailed|sent${W}to|sent${W}on)\\b`,
  ),
  r(
    `\\b(?:demanded|demanding|demands(?=${W}(?:that|from|of|documents|records))|requested|requesting|requests(?=${W}(?:that|from|documents|records))|asked|asking|asks|seeking|seeks|sought|ordered|ordering|orders(?=${W}(?:them|the|all))|directed|directing|remind(?:s|ed|ing)|call(?:s|ed|ing)?${W}on)\\b[^;]{0,80}?\\b(?:documents?|records?|information|polic(?:y|ies)|proof|evidence|documentation|legal${W}opinions?|validat\\w*|to${W}respond|to${W}show|to${W}prove|to${W}provide|to${W}produce|to${W}submit|to${W}turn${W}over|to${W}hand${W}over|to${W}certify|to${W}demonstrate)\\b`,
  ),
  r(`\\bdocument${W}(?:requests?|demands?)\\b|\\brequests?${W}for${W}(?:documents|records|information)\\b`),
  r(
    `\\b(?:gave|give|gives|giving|given)\\b[^;]{0,40}?\\buntil\\b[^;]{0,60}?\\bto${W}(?:respond|answer|reply|provide|show|submit|prove)`,
  ),
  r(
    `\\b(?:please|you${W}(?:are|were)${W}(?:hereby${W})?(?:requested|required|directed|asked)|we${W}(?:request|require|ask)${W}that${W}you|(?:BJA|OJP|the${W}(?:Department|Office|Bureau))${W}requests${W}that${W}(?:you|each${W}jurisdiction))${W}(?:to${W})?(?:provide|produce|submit|send|respond)\\b`,
  ),
  // Told from the recipient's side: "the county received the department's letter on Thursday".
  r(
    `\\breceived\\b[^;]{0,40}?\\b(?:letters?|document${W}requests?|demands?|requests?${W}for${W}(?:documents|records|information))\\b`,
  ),
  // "when the department wrote to 23 jurisdictions"
  r(
    `\\b(?:wrote|writes|written)${W}to${W}(?:\\w+${W}){0,2}(?:jurisdictions|cities|counties|states|localities|governments)\\b`,
  ),
];
const RESPONSE_TO =
  /\b(?:response|responds?|responded|answers?|answered|reply|replies|replied)\b[^;]{0,60}\bto\b/i;
const NEGATED = /\b(?:not|never|n't)[ \t]+(?:\w+[ \t]+)?$/i;
const BY_AGENCY =
  /\bby[ \t]+(?:the[ \t]+)?(?:Justice[ \t]+Department|Department[ \t]+of[ \t]+Justice|department|DOJ|administration|federal[ \t]+government|Trump[ \t]+administration)\b/i;
const AGENCY = r(
  `\\b(?:Justice${W}Department|Department${W}of${W}Justice|department|DOJ|Sessions|attorney${W}general|administration|OJP|Office${W}of${W}Justice${W}Programs|BJA|Bureau${W}of${W}Justice${W}Assistance|federal|agency|officials|we|it|the${W}letters?|Hanson|Trump)\\b`,
);
const RESPONSE = r(
  `\\b(?:respond(?:ed|s)|answer(?:ed|s)|repl(?:ied|ies)|submitted|turned${W}over|handed${W}over|sent${W}(?:its|their)${W}(?:response|answer|reply|documents)|filed${W}(?:its|their)${W}(?:response|answer))\\b`,
);
const DEADLINE_CONTEXT = r(
  `\\b(?:respond\\w*|response|answer\\w*|repl(?:y|ies)|deadline|due|submit\\w*|provide|produce|validat\\w*|certif\\w*|comply|documents?|records|show|prove|demonstrat\\w*|letters?|until)\\b`,
);
const WITHIN_DAYS = /\bwithin[ \t]+([a-z-]+|\d{1,3})[ \t]+(calendar[ \t]+|business[ \t]+)?days\b/i;
const SUBPOENA = /\bsubpoena(?:s|ed|ing)?\b|\bcompulsory[ \t]+process\b/i;
const SUBPOENA_DENIED =
  /\b(?:no|never|not|without)\b[^;]{0,40}?\bsubpoena|\bsubpoenas?\b[^;]{0,40}?\b(?:never|not)\b[^;]{0,20}?\b(?:served|issued|sent)/i;
const COURT_NOUN =
  /\b(?:judge|court|circuit|justices|appeals[ \t]+panel|panel|Cir\.|IT[ \t]+IS[ \t]+(?:HEREBY[ \t]+)?ORDERED)\b/i;
const SCOPE_ONLY =
  /\b(?:injunction|ruling|order|decision)\b[^;]{0,40}\b(?:applies|extends|reaches|covers|is[ \t]+limited)\b/i;
// Past tenses and unambiguous present tenses only: "grants", "rules", "orders" are nouns here as often as verbs.
const RULING_VERB =
  /\b(?:ruled|ruling|blocked|blocks|enjoined|enjoins|barred|granted|affirmed|affirms|upheld|upholds|reversed|reverses|struck[ \t]+down|strikes[ \t]+down|held|vacated|vacates|ordered|sided|narrowed|narrows|denied|denies|declared|declares|declaring|entered|issued(?=[^;]{0,40}\binjunction))\b/i;
const COURT_FUTURE =
  /\b(?:asked|asks|asking|ask|seek|seeks|seeking|sought|urged|urges|will|would|could|may|might|plans?[ \t]+to|expected[ \t]+to|sued|sues|suing|filed)\b/i;
const CONDITION = /\bconditions?\b/i;
// "blocked the department from imposing conditions" is a court's act, not the announcement of a condition.
const COURT_ACTION = /\b(?:block\w*|enjoin\w*|barred|bars|struck|strikes|injunction)\b/i;
const CONDITION_VERB =
  /\b(?:announc\w*|impos\w*|attach\w*|add\w*|new|requir\w*|unveil\w*|set|sets|tied|ties|tying)\b/i;
const GRANT_CONTEXT = /\b(?:grants?|JAG|Byrne|awards?|FY[ \t]?20\d{2}|fiscal|funds|funding|money)\b/i;
const GRANT_ACTION = r(
  `\\b(?:withh(?:old|eld|olding|olds)|cut(?:s|ting)?${W}off|claw(?:ed|ing)?${W}back|clawbacks?|return(?:ed|ing)?${W}(?:of${W})?(?:\\w+${W}){0,3}(?:funds|money|grants?|awards?)|repay\\w*|rescind\\w*|suspend\\w*|terminat\\w*|high[- ]risk|ineligib\\w*|award(?:ed|s)?${W}(?:its|their|the|a|an)\\b|received${W}(?:its|their|the|a|an)${W}(?:\\w+${W}){0,3}(?:award|grant|funds)|releas\\w*${W}(?:the${W}|its${W}|their${W})?(?:\\w+${W}){0,3}(?:funds|money|grants?|awards?)|los(?:e|es|ing|t)${W}(?:\\w+${W}){0,4}(?:funds|money|grants?|funding)|strip\\w*${W}(?:\\w+${W}){0,4}(?:funds|money|grants?|funding)|cut${W}(?:\\w+${W}){0,3}(?:funds|money|grants?|funding))`,
);
const THREAT = r(
  `\\b(?:could|may|might|would|will|threat\\w*|warn\\w*|if|unless|risk\\w*|face|faces|facing|possible|potential|jeopard\\w*|stand${W}to|consequences?|remed(?:y|ies)|including)\\b`,
);
const CLEARED = r(
  `\\bno${W}evidence\\b|\\bclear(?:s|ed|ing)\\b(?!${W}(?:the${W}way|up))|\\bclearance\\b|\\bfound${W}(?:\\w+${W}){0,3}(?:in${W}compliance|compliant)|\\b(?:is|are|was|were)${W}(?:now${W})?(?:in${W}compliance|compliant)\\b`,
);
const POSSIBLE_VIOLATION = r(
  `\\b(?:appear(?:s|ed)?${W}to${W}(?:be${W})?(?:in${W})?violat\\w*|appear(?:s|ed)?${W}to${W}have\\b[^;]{0,60}?\\bviolat\\w*|preliminar(?:y|ily)${W}(?:found|determined|concluded|assessed)|may${W}(?:be${W})?(?:in${W})?violat\\w*|potential(?:ly)?${W}violat\\w*|possible${W}violations?|preliminary${W}(?:assessments?|findings?|determinations?)|out${W}of${W}compliance|non-?complian\\w*|(?:is|are|were|was)${W}(?:in${W})?violat\\w*)\\b`,
);
const UNDECIDED = r(
  `\\b(?:undecided|still${W}(?:under${W})?review\\w*|no${W}(?:final${W})?determination|ha(?:s|d|ve)${W}not${W}(?:yet${W})?(?:decided|determined|reached)|remain(?:s|ed)?${W}under${W}review)\\b`,
);
const EXCLUSION =
  /\b(?:except(?:[ \t]+for)?|excluding|other[ \t]+than|not[ \t]+including|but[ \t]+not|aside[ \t]+from|apart[ \t]+from)\b/i;
const LEFT_OUT =
  /\b(?:was|were|is|are)[ \t]+(?:not[ \t]+(?:on|among|included|part)|left[ \t]+(?:out|off)|omitted|excluded|spared|dropped|absent)\b/i;
const LIST_OPENER =
  /^(?:They|Those|Recipients|Among[ \t]+them|The[ \t]+(?:jurisdictions|recipients|cities|letters|list|others|other|places|governments|\d+|[a-z-]+[ \t]+(?:jurisdictions|cities))|Others|Also|Letters)\b/;

// Court names: circuits, districts, the Supreme Court; a city named with a district judge gives its district.
const CIRCUIT =
  /\b(?:(\d{1,2})(?:st|nd|rd|th)|(First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh))[ \t]+(?:U\.S\.[ \t]+)?Cir(?:cuit|\.)/;
const DISTRICT =
  /\b(Northern|Southern|Eastern|Western|Central|Middle)[ \t]+District[ \t]+of[ \t]+(Illinois|California|Pennsylvania|New[ \t]+York|Washington|Oregon|Texas|Florida|Maryland|Massachusetts)/i;
const UNNAMED_DISTRICT =
  /\b(?:District[ \t]+Judge|district[ \t]+court|federal[ \t]+judge|trial[ \t]+judge)\b/i;
const DISTRICT_ABBREVIATION =
  /\b([NSEWCM])\.[ \t]?D\.[ \t]?(Ill|Cal|Pa|N\.[ \t]?Y|Wash|Or|Tex|Fla|Md|Mass)\./;
const SUPREME = /\bSupreme[ \t]+Court\b/;
const CITY_COURTS: readonly (readonly [RegExp, string])[] = [
  [
    /\b(?:judge|court)\b[^;]{0,60}?\bin[ \t]+Chicago\b|\bChicago[ \t]+federal[ \t]+(?:judge|court)/i,
    'N.D. Ill.',
  ],
  [
    /\b(?:judge|court)\b[^;]{0,60}?\bin[ \t]+Philadelphia\b|\bPhiladelphia[ \t]+federal[ \t]+(?:judge|court)/i,
    'E.D. Pa.',
  ],
  [
    /\b(?:judge|court)\b[^;]{0,60}?\bin[ \t]+San[ \t]+Francisco\b|\bSan[ \t]+Francisco[ \t]+federal[ \t]+(?:judge|court)/i,
    'N.D. Cal.',
  ],
  [/\b(?:judge|court)\b[^;]{0,60}?\bin[ \t]+(?:Manhattan|New[ \t]+York)\b/i, 'S.D.N.Y.'],
];
const ORDINALS: Readonly<Record<string, string>> = {
  first: '1st',
  second: '2d',
  third: '3d',
  fourth: '4th',
  fifth: '5th',
  sixth: '6th',
  seventh: '7th',
  eighth: '8th',
  ninth: '9th',
  tenth: '10th',
  eleventh: '11th',
};
const BLUEBOOK: Readonly<Record<string, string>> = {
  illinois: 'Ill.',
  california: 'Cal.',
  pennsylvania: 'Pa.',
  'new york': 'N.Y.',
  washington: 'Wash.',
  oregon: 'Or.',
  texas: 'Tex.',
  florida: 'Fla.',
  maryland: 'Md.',
  massachusetts: 'Mass.',
};
const CASE_NAME =
  /((?:[A-Z][\w.'’]*|of|and|the|&)(?:[ \t]+(?:[A-Z][\w.'’]*|of|and|the|&)){0,7})[ \t]+v\.[ \t]+([A-Z][\w.'’]*(?:[ \t]+(?:[A-Z][\w.'’]*|of)){0,3})/;

// What a condition or ruling is about (BRIEF §2.2 stable ids).
const REQUIREMENT_WORDS: readonly (readonly [RegExp, RequirementId])[] = [
  [/\baccess\b/i, 'jag-fy2017-access' as RequirementId],
  [
    /\b(?:notice|notification|notify|48[- ]hours?|release[ \t]+dates?)\b/i,
    'jag-fy2017-notice' as RequirementId,
  ],
  [
    /\b1373\b|\bcompliance[ \t]+(?:condition|requirement)|\bcertif\w*/i,
    'jag-fy2017-1373-compliance' as RequirementId,
  ],
  [/\bexecutive[ \t]+order\b|\b9\(a\)|\bEO[ \t]+13768\b/i, 'eo-13768-9a' as RequirementId],
];
const ALL_THREE =
  /\b(?:all[ \t]+three|three[ \t]+conditions|each[ \t]+of[ \t]+the[ \t]+(?:three[ \t]+)?conditions)\b/i;
const NOT_BLOCKED =
  /\b(?:declined|refused|did[ \t]+not|didn['’]t|does[ \t]+not|doesn['’]t|not)[ \t]+(?:to[ \t]+)?(?:block|enjoin|extend|reach|address)\w*[^;]{0,80}|[^;]{0,80}\b(?:was|were|is|are)[ \t]+not[ \t]+(?:enjoined|blocked|affected|reached)|[^;]{0,60}\bwhich[ \t]+the[ \t]+(?:district[ \t]+)?court[ \t]+declined[ \t]+to[ \t]+(?:block|enjoin)/gi;

const CLAUSE_SPLIT =
  /;[ \t]+|,[ \t]+(?:and|but|while|whereas)[ \t]+|[ \t]+and[ \t]+then[ \t]+|[ \t]+while[ \t]+/g;

type Clause = { start: number; end: number; masked: string };

function requirementsIn(text: string): RequirementId[] {
  if (ALL_THREE.test(text)) {
    const ids = ['jag-fy2017-1373-compliance', 'jag-fy2017-access', 'jag-fy2017-notice'] as RequirementId[];
    if (REQUIREMENT_WORDS[3]?.[0].test(text)) ids.push('eo-13768-9a' as RequirementId);
    return ids;
  }
  return REQUIREMENT_WORDS.filter(([p]) => p.test(text)).map(([, id]) => id);
}

function courtOf(s: string): string | undefined {
  const c = CIRCUIT.exec(s);
  if (c) return `${c[1] ? ordinalOf(Number(c[1])) : ORDINALS[(c[2] as string).toLowerCase()]} Cir.`;
  const d = DISTRICT.exec(s);
  if (d)
    return `${(d[1] as string).charAt(0).toUpperCase()}.D. ${BLUEBOOK[(d[2] as string).toLowerCase().replace(/\s+/g, ' ')]}`;
  const a = DISTRICT_ABBREVIATION.exec(s);
  if (a) return `${a[1]}.D. ${(a[2] as string).replace(/\s+/g, '')}.`;
  for (const [p, court] of CITY_COURTS) if (p.test(s)) return court;
  // A district judge whose district is not named: unknown, so the ruling can merge with one that names it.
  if (UNNAMED_DISTRICT.test(s)) return undefined;
  if (SUPREME.test(s) && !/\bstate[ \t]+Supreme\b|\b[A-Z][a-z]+[ \t]+Supreme[ \t]+Court\b/.test(s))
    return 'U.S. Supreme Court';
  return undefined;
}

function ordinalOf(n: number): string {
  if (n === 2) return '2d';
  if (n === 3) return '3d';
  if (n === 1) return '1st';
  return `${n}th`;
}

function rulingOf(clause: string, sentence: string): RulingDetail {
  const action: RulingDetail['action'] = /\brevers\w*|\boverturn\w*/i.test(clause)
    ? 'reversed'
    : /\bnarrow\w*|\blimited[ \t]+(?:the[ \t]+|its[ \t]+)?(?:injunction|scope|order)/i.test(clause)
      ? 'narrowed'
      : /\baffirm\w*|\buph(?:eld|olds|olding)[ \t]+(?:the[ \t]+|an[ \t]+|a[ \t]+)?(?:\w+[ \t]+){0,2}(?:injunction|ruling|decision|order|block|ban)/i.test(
            clause,
          )
        ? 'affirmed'
        : /\bunconstitutional\b/i.test(clause)
          ? 'held-unconstitutional'
          : /\b(?:unlawful|invalid|illegal)\b/i.test(clause)
            ? 'held-unlawful'
            : /\benjoin\w*|\bblock\w*|\bbarred\b|\bbars\b|\binjunction\b/i.test(clause)
              ? 'enjoined'
              : /\bvacat\w*/i.test(clause)
                ? 'vacated'
                : /\bupheld\b|\bupholds\b|\bsided[ \t]+with[ \t]+the[ \t]+(?:administration|department|government)/i.test(
                      clause,
                    )
                  ? 'upheld'
                  : 'ruled';
  const notBlocked = new Set<RequirementId>();
  for (const m of clause.matchAll(NOT_BLOCKED)) for (const id of requirementsIn(m[0])) notBlocked.add(id);
  const blocked = requirementsIn(clause).filter((id) => !notBlocked.has(id));
  const court = courtOf(clause) ?? courtOf(sentence);
  // A precedent cited ("citing ... Murphy v. NCAA") is not the case being decided.
  const caseMatch = CASE_NAME.exec(sentence);
  const caseName =
    caseMatch &&
    !/\b(?:citing|cited|decision[ \t]+in|relying[ \t]+on|under)\b[^;]{0,60}$/i.test(
      sentence.slice(0, caseMatch.index + 1),
    )
      ? caseMatch
      : undefined;
  const scope: RulingDetail['scope'] | undefined =
    /\bnationwide\b|\bacross[ \t]+the[ \t]+country\b|\bnational(?:ly)?\b/i.test(clause)
      ? 'nationwide'
      : /\bCalifornia[ \t]+and[ \t]+its[ \t]+(?:subdivisions|cities|counties|localities|political)|\b(?:limited|narrowed|confined)\b[^;]{0,40}\bto[ \t]+California\b/i.test(
            clause,
          )
        ? 'state-and-subdivisions'
        : /\bmembers?\b[^;]{0,40}\bConference[ \t]+of[ \t]+Mayors\b|\bmember[ \t]+cities\b/i.test(clause)
          ? 'association-members'
          : /\bonly[ \t]+(?:to|for|in)[ \t]+(?:Chicago|Philadelphia|the[ \t]+city|the[ \t]+plaintiffs?)\b|\blimited[ \t]+to[ \t]+(?:the[ \t]+)?(?:city|plaintiffs?|Chicago|Philadelphia)\b|\bapplies[ \t]+only\b/i.test(
                clause,
              )
            ? 'named-plaintiffs'
            : undefined;
  return {
    ...(court ? { court } : {}),
    ...(caseName
      ? { case: `${trimCaseParty(caseName[1] as string)} v. ${(caseName[2] as string).replace(/[.,]$/, '')}` }
      : {}),
    action,
    blocked,
    notBlocked: [...notBlocked],
    ...(scope ? { scope } : {}),
  };
}

const trimCaseParty = (s: string): string =>
  s.replace(/^(?:(?:In|The|On|A|An|Under|And|In[ \t]+the|the|of|and)[ \t]+)+/, '').trim();

/** Replaces quoted text with spaces (same length): what is said inside quotes is not the document's narrative. */
function maskQuotes(text: string, start: number, end: number, quotes: SpanIndex<QuoteRange>): string {
  const inside = quotes.overlapping(start, end);
  if (inside.length === 0) return text.slice(start, end);
  const parts: string[] = [];
  let at = start;
  for (const q of inside) {
    const a = Math.max(q.start, at);
    const b = Math.min(q.end, end);
    if (b <= a) continue;
    parts.push(text.slice(at, a), ' '.repeat(b - a));
    at = b;
  }
  parts.push(text.slice(at, end));
  return parts.join('');
}

/** Clauses of a sentence: split at "; ", ", and ", ", while " only where the part after has a trigger of its own. */
function clausesOf(
  text: string,
  sent: Sentence,
  quotes: SpanIndex<QuoteRange>,
  kind: DocumentKind,
): Clause[] {
  const masked = maskQuotes(text, sent.start, sent.end, quotes);
  const cuts: { at: number; next: number }[] = [];
  CLAUSE_SPLIT.lastIndex = 0;
  for (let m = CLAUSE_SPLIT.exec(masked); m; m = CLAUSE_SPLIT.exec(masked))
    cuts.push({ at: m.index, next: m.index + m[0].length });
  const pieces: Clause[] = [];
  let from = 0;
  for (const { at: cut, next } of [...cuts, { at: masked.length, next: masked.length }]) {
    const piece = masked.slice(from, cut);
    const hasTrigger = triggersIn(piece, kind).length > 0 && /\b(?:[A-Z][a-z]+|\d{1,2})\b/.test(piece);
    if (pieces.length > 0 && !hasTrigger) {
      // Sliced once at the end: re-slicing a growing clause here would be quadratic on a long sentence.
      (pieces[pieces.length - 1] as Clause).end = sent.start + cut;
    } else if (cut > from) {
      pieces.push({ start: sent.start + from, end: sent.start + cut, masked: piece });
    }
    from = next;
  }
  // A first piece without a trigger joins the next one (its subject and date belong there).
  if (pieces.length > 1 && triggersIn((pieces[0] as Clause).masked, kind).length === 0) {
    const [a, b] = pieces as [Clause, Clause];
    pieces.splice(0, 2, { start: a.start, end: b.end, masked: '' });
  }
  for (const p of pieces) p.masked = masked.slice(p.start - sent.start, p.end - sent.start);
  return pieces;
}

type Trigger = { type: EventType; at: number; pattern?: number };

function triggersIn(s: string, kind?: DocumentKind): Trigger[] {
  const out: Trigger[] = [];
  for (let k = 0; k < DOC_REQUEST.length; k++) {
    const m = (DOC_REQUEST[k] as RegExp).exec(s);
    // "was not sent a letter" is no request.
    if (m && !NEGATED.test(s.slice(Math.max(0, m.index - 24), m.index))) {
      out.push({ type: 'document-request', at: m.index, pattern: k });
      break;
    }
  }
  const sub = SUBPOENA.exec(s);
  if (sub && !SUBPOENA_DENIED.test(s)) out.push({ type: 'subpoena-threat', at: sub.index });
  // In a court order every ruling verb is the court's; elsewhere a court must be named.
  const court = kind === 'court-order' || COURT_NOUN.test(s);
  const verb = RULING_VERB.exec(s);
  const isCourt = Boolean(
    court && verb && !COURT_FUTURE.test(s.slice(0, verb.index).split(/[,;]/).at(-1) ?? ''),
  );
  if (isCourt && verb) out.push({ type: 'court-ruling', at: verb.index });
  if (
    !isCourt &&
    CONDITION.test(s) &&
    CONDITION_VERB.test(s) &&
    GRANT_CONTEXT.test(s) &&
    !COURT_ACTION.test(s)
  ) {
    out.push({ type: 'grant-condition', at: (CONDITION.exec(s) as RegExpExecArray).index });
  }
  const ga = GRANT_ACTION.exec(s);
  if (ga && !isCourt) out.push({ type: 'grant-action', at: ga.index });
  const det = CLEARED.exec(s) ?? POSSIBLE_VIOLATION.exec(s) ?? UNDECIDED.exec(s);
  if (det && !isCourt) out.push({ type: 'determination', at: det.index });
  const resp = RESPONSE.exec(s);
  if (resp) out.push({ type: 'statement', at: resp.index });
  return out;
}

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** Events of one document, merged within it (the same request told in two sentences is one event). */
export function findEvents(ctx: EventContext): DraftEvent[] {
  const { text, sentences } = ctx;
  const events: DraftEvent[] = [];
  const claimOfSentence = new Map<number, FoundClaim>();
  for (const c of ctx.claims)
    if (c.kind === 'paraphrase' && !claimOfSentence.has(c.sentence)) claimOfSentence.set(c.sentence, c);

  const quotes = new SpanIndex(ctx.quotes);
  const mentions = new SpanIndex(ctx.mentions);
  const dateIndex = new SpanIndex(ctx.dates);
  const countIndex = new SpanIndex(ctx.counts);
  const namesIn = (a: number, b: number): FoundMention[] =>
    mentions.within(a, b).filter((m) => m.role === 'name' && !quotes.holds(m.start));

  sentences.forEach((sent, si) => {
    const claim = claimOfSentence.get(si);
    // "Chicago officials" speak for Chicago, "officials" or "the department" for the agency.
    const isAgencyClaim = claim
      ? AGENCY.test(`${claim.speaker} ${claim.role ?? ''}`) &&
        mentions.overlapping(claim.speakerStart, claim.speakerEnd).length === 0 &&
        !/\b(?:city|county|state|mayor|governor|sheriff|council|local)\b/i.test(
          `${claim.speaker} ${claim.role ?? ''}`,
        )
      : false;
    const clauses = clausesOf(text, sent, quotes, ctx.kind);
    const before = events.length;
    const usable = (d: FoundDate): boolean =>
      !quotes.holds(d.start) && !SINCE.test(text.slice(Math.max(0, d.start - 8), d.start));
    const datesIn = (a: number, b: number): FoundDate[] => dateIndex.within(a, b).filter(usable);
    let sentenceDates: FoundDate[] | undefined;
    let sentenceNames: FoundMention[] | undefined;
    for (const clause of clauses) {
      const triggers = triggersIn(clause.masked, ctx.kind);
      const dates = datesIn(clause.start, clause.end);
      const deadlineDates = dates.filter((d) => d.role === 'deadline');
      const isDeadlineOnly =
        triggers.length === 0 && deadlineDates.length > 0 && DEADLINE_CONTEXT.test(clause.masked);
      if (triggers.length === 0 && !isDeadlineOnly) continue;
      // A clause without its own date or names borrows the sentence's ("... on Wednesday ..., and gave them until").
      sentenceDates ??= datesIn(sent.start, sent.end);
      sentenceNames ??= namesIn(sent.start, sent.end);
      const clausePoints = dates.filter((d) => d.role === 'point');
      const pointDates =
        clausePoints.length > 0 ? clausePoints : sentenceDates.filter((d) => d.role === 'point');
      const counts = countIndex.within(clause.start, clause.end).filter((c) => !quotes.holds(c.start));
      const clauseNames = namesIn(clause.start, clause.end);
      const allNames = clauseNames.length > 0 ? clauseNames : sentenceNames;
      const names = recipientsIn(clause.masked, clause.start, clauseNames.length > 0 ? clauseNames : []);
      const recipients =
        names.length > 0 || clauseNames.length > 0
          ? names
          : recipientsIn(maskQuotes(text, sent.start, sent.end, quotes), sent.start, sentenceNames);
      const nearest = <T extends { start: number }>(xs: readonly T[], at: number): T | undefined =>
        [...xs].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at) || a.start - b.start)[0];
      const source = { start: clause.start, end: clause.end };
      const datedFrom = (at: number, type: EventType): { date?: IsoDate; precision?: DatePrecision } => {
        const d = nearest(pointDates, clause.start + at);
        if (d) return { date: d.date, precision: d.precision };
        // A document that performs the act is dated by it: a letter asks and finds on its date, a release
        // announces the day's action, an order rules on the day it is entered.
        const acts =
          ctx.kind === 'court-order'
            ? type === 'court-ruling'
            : (ctx.kind === 'letter' || ctx.kind === 'press-release') &&
              (type === 'document-request' || type === 'subpoena-threat' || type === 'determination');
        return acts && ctx.docDate ? { date: ctx.docDate, precision: 'day' } : {};
      };
      const attributed =
        claim && claim.start <= clause.start + 5 ? {} : claim ? { attributedTo: claim.speaker } : {};
      const request = triggers.find((t) => t.type === 'document-request');
      let requestEvent: DraftEvent | undefined;

      if (request) {
        const subject = clause.masked.slice(0, request.at);
        const subjectNames = clauseNames.filter((m) => m.start < clause.start + request.at);
        // "its response to the department's request for documents": a reference to a request, kept only when it
        // carries its own date ("the January 24, 2018 request").
        const isReference = RESPONSE_TO.test(subject) && clausePoints.length === 0;
        // "Chicago sent a letter to the department" is an answer, not a request.
        const isResponse =
          isReference ||
          (request.pattern === 0 &&
            subjectNames.length > 0 &&
            !AGENCY.test(subject) &&
            !BY_AGENCY.test(clause.masked));
        if (!isResponse) {
          const when = datedFrom(request.at, 'document-request');
          const count = nearest(counts, clause.start + request.at);
          let ids = recipients.map((m) => m.id);
          // A letter asks its addressee, whether it says "you" or "the County".
          if (ids.length === 0 && ctx.kind === 'letter') ids = [...ctx.addressees];
          requestEvent = {
            type: 'document-request',
            ...when,
            jurisdictions: uniq(ids),
            ...(count ? { count } : {}),
            ...attributed,
            sources: [source],
            sentence: si,
          };
          const due = deadlineDates[0];
          if (due) requestEvent.deadline = due.date;
          else {
            const within =
              WITHIN_DAYS.exec(clause.masked) ?? WITHIN_DAYS.exec(text.slice(sent.start, sent.end));
            const n = within ? parseNumber(within[1] as string) : undefined;
            if (
              n !== undefined &&
              when.date &&
              when.precision === 'day' &&
              !/business/i.test(within?.[2] ?? '')
            ) {
              requestEvent.deadline = addDays(when.date, n);
              requestEvent.deadlineRule = `${n} calendar days after ${when.date}`;
            }
          }
          events.push(requestEvent);
        }
      }

      for (const t of triggers) {
        const when = datedFrom(t.at, t.type);
        switch (t.type) {
          case 'subpoena-threat': {
            const d = requestEvent?.date
              ? { date: requestEvent.date, precision: requestEvent.precision }
              : when;
            const named = uniq(recipients.map((m) => m.id));
            events.push({
              type: 'subpoena-threat',
              ...d,
              jurisdictions: requestEvent
                ? [...requestEvent.jurisdictions]
                : named.length === 0 && ctx.kind === 'letter'
                  ? [...ctx.addressees]
                  : named,
              modality: 'threatened',
              ...attributed,
              sources: [source],
              sentence: si,
            });
            break;
          }
          case 'court-ruling': {
            const found = rulingOf(clause.masked, text.slice(sent.start, sent.end));
            const ruling = found.court || !ctx.court ? found : { ...found, court: ctx.court };
            events.push({
              type: 'court-ruling',
              ...when,
              jurisdictions: uniq(clauseNames.map((m) => m.id)),
              ruling,
              sources: [source],
              sentence: si,
            });
            break;
          }
          case 'grant-condition':
            events.push({
              type: 'grant-condition',
              ...when,
              jurisdictions: uniq(clauseNames.map((m) => m.id)),
              requirements: requirementsIn(clause.masked),
              ...attributed,
              sources: [source],
              sentence: si,
            });
            break;
          case 'grant-action': {
            const m = GRANT_ACTION.exec(clause.masked);
            const action = grantActionName(m?.[0] ?? '');
            events.push({
              type: 'grant-action',
              ...(requestEvent?.date ? { date: requestEvent.date, precision: requestEvent.precision } : when),
              jurisdictions: requestEvent
                ? [...requestEvent.jurisdictions]
                : uniq(clauseNames.map((m2) => m2.id)),
              action,
              modality: THREAT.test(clause.masked) || requestEvent ? 'threatened' : 'taken',
              ...attributed,
              sources: [source],
              sentence: si,
            });
            break;
          }
          case 'determination': {
            // A jurisdiction saying it complies is a claim, not the agency's determination (BRIEF §2.7).
            if (claim && !isAgencyClaim) break;
            // "a jurisdiction found to be out of compliance may ...", "whether ... in violation": hypothetical.
            if (HYPOTHETICAL.test(clause.masked.slice(Math.max(0, t.at - 60), t.at))) break;
            const finding = CLEARED.test(clause.masked)
              ? 'cleared'
              : POSSIBLE_VIOLATION.test(clause.masked)
                ? 'possible-violation'
                : 'undecided';
            let jurisdictions = uniq(allNames.map((m) => m.id));
            if (jurisdictions.length === 0 && ctx.kind === 'letter') jurisdictions = [...ctx.addressees];
            if (jurisdictions.length === 0 && requestEvent) jurisdictions = [...requestEvent.jurisdictions];
            events.push({
              type: 'determination',
              ...(requestEvent?.date && !pointDates.length
                ? { date: requestEvent.date, precision: requestEvent.precision }
                : when),
              jurisdictions,
              finding,
              ...(requestEvent?.count ? { count: requestEvent.count } : {}),
              ...attributed,
              sources: [source],
              sentence: si,
            });
            break;
          }
          case 'statement': {
            const subjectNames = clauseNames.filter((m) => m.start < clause.start + t.at);
            if (subjectNames.length === 0) break;
            const subject = clause.masked.slice(0, t.at);
            if (AGENCY.test(subject) && !/\b(?:Chicago|County|City|State)\b/.test(subject)) break;
            events.push({
              type: 'statement',
              ...when,
              jurisdictions: uniq(subjectNames.map((m) => m.id)),
              speaker: subjectNames.map((m) => text.slice(m.start, m.end)).join(', '),
              action: 'response',
              sources: [source],
              sentence: si,
            });
            break;
          }
          default:
            break;
        }
      }

      // Due dates: with the request of this clause, or of the request told just before.
      if (DEADLINE_CONTEXT.test(clause.masked)) {
        for (const d of deadlineDates) {
          const owner = requestEvent ?? lastRequest(events, si, 4);
          events.push({
            type: 'deadline',
            date: d.date,
            precision: d.precision,
            jurisdictions: owner ? [...owner.jurisdictions] : uniq(recipients.map((m) => m.id)),
            sources: [source],
            sentence: si,
          });
          if (owner && !owner.deadline) owner.deadline = d.date;
        }
        if (requestEvent?.deadlineRule && requestEvent.deadline) {
          events.push({
            type: 'deadline',
            date: requestEvent.deadline,
            precision: 'day',
            jurisdictions: [...requestEvent.jurisdictions],
            deadlineRule: requestEvent.deadlineRule,
            sources: [source],
            sentence: si,
          });
        }
      }
    }
    // "The injunction applies only to Chicago.": the scope of the ruling just told.
    if (events.length === before && SCOPE_ONLY.test(text.slice(sent.start, sent.end))) {
      const last = events.at(-1);
      if (last?.type === 'court-ruling' && last.ruling && !last.ruling.scope && si - last.sentence <= 2) {
        const scoped = rulingOf(text.slice(sent.start, sent.end), '');
        if (scoped.scope) last.ruling = { ...last.ruling, scope: scoped.scope };
      }
    }
  });

  extendRecipientLists(ctx, events, quotes, mentions);
  inheritDates(ctx, events, dateIndex);
  return linkToRequests(mergeWithinDocument(events));
}

const HYPOTHETICAL = /\b(?:if|whether|unless|found[ \t]+to[ \t]+be|would|could|should|any)\b[^;]{0,60}$/i;
const SINCE = /\bsince[ \t]+$/i;
const ALSO = /\b(?:also|separately|the[ \t]+same[ \t]+day|at[ \t]+the[ \t]+same[ \t]+time)\b/i;

/**
 * News tells a date once and goes on: "Last week the department escalated again. It demanded documents ...". An
 * undated event takes the date of the sentence before it in the same paragraph when that date names no event of
 * its own, or, after "also", the date of the event just told.
 */
function inheritDates(ctx: EventContext, events: DraftEvent[], dateIndex: SpanIndex<FoundDate>): void {
  if (ctx.kind !== 'news') return;
  for (const e of events) {
    if (e.date || e.type === 'deadline') continue;
    const sent = ctx.sentences[e.sentence] as Sentence;
    const prevIndex = e.sentence - 1;
    const prev = ctx.sentences[prevIndex];
    if (!prev || prev.paragraph < sent.paragraph - 1) continue;
    const own = events.filter((x) => x.sentence === prevIndex && x.date);
    const here = ctx.text.slice(sent.start, sent.end);
    if (ALSO.test(here) && own[0]?.date) {
      e.date = own[0].date;
      e.precision = own[0].precision ?? 'day';
      continue;
    }
    if (own.length > 0 || !/^(?:It|They|The[ \t]+(?:department|agency|administration|letters?))\b/.test(here))
      continue;
    const free = dateIndex.within(prev.start, prev.end).filter((d) => d.role === 'point');
    if (free.length === 1) {
      e.date = (free[0] as FoundDate).date;
      e.precision = (free[0] as FoundDate).precision;
    }
  }
}

function lastRequest(
  events: readonly DraftEvent[],
  sentence: number,
  within: number,
): DraftEvent | undefined {
  for (let k = events.length - 1; k >= 0; k--) {
    const e = events[k] as DraftEvent;
    if (e.type === 'document-request' && sentence - e.sentence <= within) return e;
  }
  return undefined;
}

/** Names in a clause that are not excluded ("except Philadelphia", "Philadelphia was left out"). */
function recipientsIn(masked: string, offset: number, names: readonly FoundMention[]): FoundMention[] {
  const ex = EXCLUSION.exec(masked);
  const left = LEFT_OUT.exec(masked);
  return names.filter((m) => {
    const at = m.start - offset;
    if (ex && at > ex.index) {
      // The exclusion reaches to the next clause break.
      const rest = masked.slice(ex.index, at);
      if (!/[;]|,[ \t]+(?:and|but)[ \t]/.test(rest)) return false;
    }
    if (left && at < left.index) {
      const between = masked.slice(at, left.index);
      if (!/[;]/.test(between) && between.length < 120) return false;
    }
    return true;
  });
}

function grantActionName(s: string): string {
  const t = s.toLowerCase();
  if (/withh/.test(t)) return 'withhold';
  if (/claw|return|repay/.test(t)) return 'return-funds';
  if (/ineligib/.test(t)) return 'ineligible';
  if (/high[- ]risk/.test(t)) return 'high-risk';
  if (/suspend/.test(t)) return 'suspend';
  if (/terminat/.test(t)) return 'terminate';
  if (/rescind/.test(t)) return 'rescind';
  if (/award|received|releas/.test(t)) return 'award';
  if (/los|strip|cut/.test(t)) return 'lose-funds';
  return 'other';
}

/**
 * A request that names fewer recipients than its count, or ends in a colon, takes the names of the list that
 * follows: the next sentences or list items made mostly of names, until the count is reached.
 */
function extendRecipientLists(
  ctx: EventContext,
  events: DraftEvent[],
  quotes: SpanIndex<QuoteRange>,
  mentions: SpanIndex<FoundMention>,
): void {
  const { text, sentences } = ctx;
  for (const e of events) {
    if (e.type !== 'document-request') continue;
    const sent = sentences[e.sentence] as Sentence;
    const wanted = e.count?.value;
    const endsWithColon = /:\s*$/.test(text.slice(sent.start, sent.end));
    if (wanted !== undefined && e.jurisdictions.length >= wanted) continue;
    if (wanted === undefined && !endsWithColon) continue;
    const got = new Set(e.jurisdictions);
    let started = false;
    let anchor = sent.paragraph;
    let preamble = 0;
    for (let k = e.sentence + 1; k < sentences.length && k <= e.sentence + 40; k++) {
      const s = sentences[k] as Sentence;
      if (!started && s.paragraph > anchor + 1) break;
      const masked = maskQuotes(text, s.start, s.end, quotes);
      const names = recipientsIn(
        masked,
        s.start,
        mentions.within(s.start, s.end).filter((m) => m.role === 'name'),
      );
      const covered = names.reduce((n, m) => n + (m.end - m.start), 0);
      const letters = masked.replace(/[^A-Za-z]/g, '').length || 1;
      const isList =
        names.length > 0 &&
        (s.isListItem ||
          covered / letters >= 0.45 ||
          names.length >= 3 ||
          (names.length >= 2 && LIST_OPENER.test(masked.trimStart())));
      const otherEvent = triggersIn(masked, ctx.kind).some(
        (t) => t.type !== 'document-request' && t.type !== 'subpoena-threat',
      );
      // A list item whose names are all excluded ("New Orleans ... is not among the 23") is skipped, not an end.
      if (started && s.isListItem && names.length === 0) continue;
      if (!isList || (otherEvent && !s.isListItem && covered / letters < 0.45)) {
        if (started) break;
        // A lead-in ending in a colon ("The jurisdictions are:") introduces the list below it.
        if (/:\s*$/.test(masked)) {
          anchor = s.paragraph;
          preamble = 0;
          continue;
        }
        // Otherwise two sentences of preamble are allowed ("The letters went out Wednesday.").
        if (++preamble > 2) break;
        continue;
      }
      started = true;
      for (const m of names) got.add(m.id);
      e.sources.push({ start: s.start, end: s.end });
      if (wanted !== undefined && got.size >= wanted) break;
    }
    e.jurisdictions = [...got];
  }
}

// The most telling account of a ruling wins when two sentences describe it differently.
const ACTION_RANK: readonly RulingDetail['action'][] = [
  'reversed',
  'narrowed',
  'affirmed',
  'held-unconstitutional',
  'held-unlawful',
  'enjoined',
  'vacated',
  'upheld',
  'ruled',
];

/**
 * After merging: a deadline belongs to the request due that day, a subpoena threat or a determination told with a
 * request concerns its recipients; an undated threat in a story takes the date of the story's request.
 */
function linkToRequests(events: DraftEvent[]): DraftEvent[] {
  const requests = events.filter((e) => e.type === 'document-request');
  for (const e of events) {
    if (e.type === 'document-request') continue;
    let owner: DraftEvent | undefined;
    if (e.type === 'deadline') owner = requests.find((r) => r.deadline === e.date);
    else if (e.type === 'subpoena-threat' || e.type === 'grant-action' || e.type === 'determination') {
      owner =
        requests.find((r) =>
          r.sources.some((s) => e.sources.some((x) => x.start < s.end && s.start < x.end)),
        ) ??
        (e.type === 'subpoena-threat' && !e.date
          ? ([...requests].reverse().find((r) => r.sentence <= e.sentence && r.date) ??
            requests.find((r) => r.date))
          : undefined);
    }
    if (!owner) continue;
    if (e.jurisdictions.length === 0) e.jurisdictions = [...owner.jurisdictions];
    if (!e.date && owner.date && (e.type === 'subpoena-threat' || e.type === 'deadline')) {
      e.date = owner.date;
      e.precision = owner.precision ?? 'day';
    }
  }
  // Two deadlines of the same day are one.
  const out: DraftEvent[] = [];
  for (const e of events) {
    const twin =
      e.type === 'deadline' || e.type === 'subpoena-threat'
        ? out.find((o) => o.type === e.type && sameOrOpen(o.date, e.date))
        : undefined;
    if (!twin) {
      out.push(e);
      continue;
    }
    if (!twin.date && e.date) [twin.date, twin.precision] = [e.date, e.precision];
    twin.jurisdictions = uniq([...twin.jurisdictions, ...e.jurisdictions]);
    for (const s of e.sources) {
      if (twin.sources.length >= MAX_SOURCES) break;
      if (!twin.sources.some((x) => x.start === s.start && x.end === s.end)) twin.sources.push(s);
    }
  }
  return out;
}

// A document that tells one event more than this many times is hostile or generated; the first sources suffice.
const MAX_SOURCES = 200;

const sameOrOpen = <T>(a: T | undefined, b: T | undefined): boolean =>
  a === undefined || b === undefined || a === b;
const overlapOrOpen = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));

/** Folds events that tell the same thing twice in one document into one, keeping both sources. */
function mergeWithinDocument(events: readonly DraftEvent[]): DraftEvent[] {
  const out: DraftEvent[] = [];
  for (const e of events) {
    const same = out.find((o) => {
      if (o.type !== e.type || !sameOrOpen(o.date, e.date)) return false;
      switch (e.type) {
        case 'document-request':
          return (
            sameOrOpen(o.count?.value, e.count?.value) &&
            overlapOrOpen(o.jurisdictions, e.jurisdictions) &&
            sameOrOpen(o.deadline, e.deadline)
          );
        case 'deadline':
          return o.date === e.date;
        case 'determination':
          return (
            o.finding === e.finding && o.date === e.date && overlapOrOpen(o.jurisdictions, e.jurisdictions)
          );
        case 'court-ruling':
          return (
            sameOrOpen(o.ruling?.court, e.ruling?.court) &&
            (o.date !== undefined || e.date !== undefined || o.sentence + 3 >= e.sentence)
          );
        case 'grant-action':
          return o.action === e.action && o.modality === e.modality;
        case 'statement':
          return o.date === e.date && overlapOrOpen(o.jurisdictions, e.jurisdictions);
        default:
          return o.date === e.date;
      }
    });
    if (!same) {
      out.push({ ...e, jurisdictions: [...e.jurisdictions], sources: [...e.sources] });
      continue;
    }
    same.date ??= e.date;
    if (
      same.precision === undefined ||
      (e.precision === 'day' && same.precision !== 'day' && same.date === e.date)
    )
      if (e.precision) same.precision = e.precision;
    same.jurisdictions = uniq([...same.jurisdictions, ...e.jurisdictions]);
    same.count ??= e.count;
    same.deadline ??= e.deadline;
    same.deadlineRule ??= e.deadlineRule;
    if (same.ruling && e.ruling) {
      const ruling: RulingDetail = {
        ...same.ruling,
        ...(same.ruling.court ? {} : e.ruling.court ? { court: e.ruling.court } : {}),
        ...(same.ruling.case ? {} : e.ruling.case ? { case: e.ruling.case } : {}),
        ...(same.ruling.scope ? {} : e.ruling.scope ? { scope: e.ruling.scope } : {}),
        action:
          ACTION_RANK.indexOf(e.ruling.action) < ACTION_RANK.indexOf(same.ruling.action)
            ? e.ruling.action
            : same.ruling.action,
        blocked: uniq([...same.ruling.blocked, ...e.ruling.blocked]),
        notBlocked: uniq([...same.ruling.notBlocked, ...e.ruling.notBlocked]),
      };
      same.ruling = { ...ruling, blocked: ruling.blocked.filter((id) => !ruling.notBlocked.includes(id)) };
    }
    if (same.requirements && e.requirements)
      same.requirements = uniq([...same.requirements, ...e.requirements]);
    for (const s of e.sources) {
      if (same.sources.length >= MAX_SOURCES) break;
      if (!same.sources.some((x) => x.start === s.start && x.end === s.end)) same.sources.push(s);
    }
  }
  return out;
}
