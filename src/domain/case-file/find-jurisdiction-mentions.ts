// Finds names of governments in prose (lists, "Albany, N.Y.", descriptions) and resolves them to OCD-IDs.
import type { OcdId } from '../shared/brand.ts';
import { normalizeName } from '../registry/normalize-name.ts';
import type { JurisdictionKind } from '../registry/registry-entry.ts';
import { weightOf } from '../registry/registry.ts';
import type { NameHit, Registry } from '../registry/registry.ts';
import { resolveJurisdiction, stateCodeOf } from '../registry/resolve-jurisdiction.ts';
import type { MentionRole } from './case-facts.ts';
import { SpanIndex } from './span-index.ts';

/** A mention at [start, end) of the text searched (clean offsets). */
export type FoundMention = {
  readonly start: number;
  readonly end: number;
  readonly id: OcdId;
  readonly name: string;
  readonly kind: JurisdictionKind;
  readonly role: MentionRole;
  readonly score: number;
  /** A state was written with it ("Albany, N.Y."), so the reading is sure. */
  readonly qualified: boolean;
};

type Token = { readonly start: number; readonly end: number; readonly text: string; readonly isCap: boolean };

// Dotted abbreviations are one token ("D.C.", "N.Y."), so "D.C." folds to the registry's "dc".
// A possessive "'s" is not part of the name ("Vermont's policies"); "O'Fallon" and "d'Alene" are.
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’](?!s\b)\p{L}+)*/gu;

/** First folded word of every registry name -> the most words any such name has. Built once per registry. */
const FIRST_WORDS = new WeakMap<Registry, Map<string, number>>();

function firstWordsOf(registry: Registry): Map<string, number> {
  let index = FIRST_WORDS.get(registry);
  if (!index) {
    index = new Map();
    for (const e of registry.entries()) {
      for (const key of registry.keysOf(e)) {
        const words = key.split(' ');
        const first = words[0] as string;
        if (words.length > (index.get(first) ?? 0)) index.set(first, words.length);
      }
    }
    FIRST_WORDS.set(registry, index);
  }
  return index;
}

// Single words that name small places but are far more often ordinary words or people in this material.
const COMMON_WORDS = new Set([
  'justice',
  'commerce',
  'enterprise',
  'independence',
  'liberty',
  'union',
  'mission',
  'hope',
  'normal',
  'mobile',
  'reading',
  'orange',
  'central',
  'congress',
  'supreme',
  'homeland',
  'home',
  'welcome',
  'post',
  'globe',
  'star',
  'herald',
  'tribune',
  'story',
  'grant',
  'bureau',
  'friendship',
  'freedom',
  'alliance',
  'security',
  'federal',
  'washington',
  'athens',
  'columbus',
  'lincoln',
  'victoria',
  'sharon',
  'marion',
  'warren',
  'clinton',
  'franklin',
  'allen',
  'davis',
  'moore',
  'martinez',
  'sessions',
  'trump',
  'obama',
  'may',
  'march',
  'august',
  'june',
  'april',
  'university',
  'aloha',
  'anthem',
  'antelope',
  'apex',
  'aurora',
  'bell',
  'bend',
  'brandon',
  'buckeye',
  'casper',
  'concord',
  'corona',
  'crystal',
  'elizabeth',
  'everett',
  'fountain',
  'gary',
  'gilbert',
  'golden',
  'holiday',
  'hollywood',
  'kendall',
  'kent',
  'kyle',
  'liberal',
  'mentor',
  'paradise',
  'paramount',
  'pearl',
  'plum',
  'spring',
  'sunrise',
  'surprise',
  'tyler',
  'vista',
  'roy',
  'woodrow',
  'pace',
  'norman',
  'magna',
  'mustang',
  'marina',
  'carney',
]);
const COMMON_PHRASES = new Set(['white house', 'new hope', 'north pole', 'grand jury', 'supreme court']);

// Capitalised words that may precede a name without making it part of a longer proper name.
const FUNCTION_WORDS = new Set(
  (
    'the in on at from to for and but or both while unlike like including under of as by with without outside ' +
    'inside across near besides meanwhile also only even since after before when where if though although ' +
    'neither either nor then yet so that this these those its their our whereas because despite among amid ' +
    'against into onto upon over within between beyond toward towards via per about around through than ' +
    'dear re to cc monday tuesday wednesday thursday friday saturday sunday today yesterday ' +
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec'
  ).split(' '),
);
// Words after a name that make it part of an official's title or an organisation ("Chicago Mayor").
const ORGANISATION_WORDS = new Set(
  (
    'mayor mayors gov governor governors sheriff sheriffs police chief attorney attorneys council city county ' +
    'board commissioner commissioners executive supervisor supervisors superintendent corporation law ' +
    'department office jail public solicitor spokesman spokeswoman spokesperson commission counsel metro ' +
    'legislature assembly senate house democrats republicans democrat republican lt sen rep secretary ' +
    'treasurer comptroller controller auditor clerk judge judges court district circuit officials official ' +
    'health housing transit school schools unified library airport port fire emergency human immigrant ' +
    'immigration welcoming trust values act ordinance code municipal region area bay metropolitan budget ' +
    'finance legal affairs state government administration attorney’s mayor’s governor’s sheriff’s ' +
    'corrections correctional detention jails courts prosecutor prosecutors da general'
  ).split(' '),
);
// Publications named after a place: "Denver Post" is not a mention of Denver.
const NEWS_WORDS = new Set(
  (
    'post times tribune herald journal chronicle gazette examiner sun star daily globe record bee register ' +
    'press inquirer courier observer dispatch sentinel review magazine weekly reader news bulletin standard ' +
    'telegraph mercury independent patch'
  ).split(' '),
);

// "City of", "the State of", "City and County of" before a name: part of the mention, and a hint to the resolver.
const PREFIX_BEFORE =
  /(?:\b(?:[Tt]he[ \t]+)?(?:[Cc]ity[ \t]+and[ \t]+[Cc]ounty|[Cc]ity|[Tt]own|[Vv]illage|[Cc]ounty|[Ss]tate|[Cc]ommonwealth|[Pp]arish|[Mm]unicipality|[Tt]ownship)[ \t]+of[ \t]+)$/;
const COURT_BEFORE =
  /\b(?:District|Division|Circuit|Court|Courts|Bankruptcy|Appeals)[ \t]+(?:Court[ \t]+)?(?:of|for)[ \t]+(?:the[ \t]+)?(?:(?:Northern|Southern|Eastern|Western|Central|Middle)[ \t]+District[ \t]+of[ \t]+)?$/i;
const ORGANISATION_BEFORE =
  /\b(?:University|College|Bank|Department|Office|Governor|Attorney[ \t]+General|Secretary|Bar|Republic|People|Board|Legislature|Supreme[ \t]+Court|Government)[ \t]+of[ \t]+(?:the[ \t]+)?$/;
const COURT_ABBREVIATION_BEFORE = /\b[NSEWCM]\.[ \t]?D\.[ \t]?$/;
const DESCRIPTION =
  /\b[Tt]he[ \t]+(?:([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)[ \t]+state[ \t]+)?(?:county|parish|borough)[ \t]+(?:that[ \t]+|which[ \t]+)?(?:includes|contains|containing|including|surrounds|surrounding|encompasses|is[ \t]+home[ \t]+to|home[ \t]+to|covers)[ \t]+((?:St\.[ \t]+)?[A-Z][A-Za-z'’-]*(?:[ \t]+[A-Z][A-Za-z'’-]*){0,3})/g;
// A state written after a name: ", N.Y.", ", Calif.", ", NY", ", New Mexico", " (Ore.)".
const QUALIFIER =
  /(,[ \t]*|[ \t]+\([ \t]*|[ \t]+)((?:[A-Z]\.[ \t]?){2}|[A-Z][a-z]{1,4}\.(?:[ \t]?[A-Z][a-z]{1,3}\.)?|[A-Z]{2}(?![A-Za-z])|(?:New|North|South|West|Rhode)[ \t]+[A-Z][a-z]+|[A-Z][a-z]{3,13}(?:[ \t]+[Ss]tate)?)\)?/y;
const VALID_GAP = /^(?:[ \t]{1,2}|-|\/|[ \t]*&[ \t]*|\.[ \t]?|[ \t]?[-–][ \t]?)$/;
const ABBREVIATION_TOKEN = /^(?:St|Ste|Ft|Mt|Pt|[A-Z])$/;

type Candidate = {
  start: number;
  end: number;
  phrase: string;
  key: string;
  hits: readonly NameHit[];
  state?: string;
  prefixed: boolean;
  role: MentionRole;
  /** Left out only because the bare name is too ambiguous; taken back when it stands in a list of names. */
  weak: boolean;
  description?: boolean;
};

/**
 * Jurisdictions named in `text`, in order. Each name is looked up in the registry's folded-name index (longest
 * match first, so "New York City" wins over "New York"); a state written after it, a legal prefix ("City of")
 * or the same name qualified elsewhere in the text decides between namesakes.
 */
export function findJurisdictionMentions(text: string, registry: Registry): FoundMention[] {
  const firstWords = firstWordsOf(registry);
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0];
    tokens.push({ start: m.index, end: m.index + t.length, text: t, isCap: /^\p{Lu}/u.test(t) });
  }
  const keyCache = new Map<string, string>();
  const keyOf = (s: string): string => {
    let k = keyCache.get(s);
    if (k === undefined) {
      k = normalizeName(s);
      keyCache.set(s, k);
    }
    return k;
  };

  const candidates: Candidate[] = [];
  const covered: [number, number][] = [];

  // Descriptions first; the place inside ("Seattle") is then not a mention of its own.
  for (const m of text.matchAll(DESCRIPTION)) {
    const phrase = m[0];
    const found = resolveJurisdiction(registry, phrase, { limit: 1 })[0];
    if (!found || found.score < 0.6) continue;
    const e = registry.get(found.id);
    if (!e) continue;
    candidates.push({
      start: m.index,
      end: m.index + phrase.length,
      phrase,
      key: keyOf(phrase),
      hits: [{ entry: e, quality: 1, level: 'county' }],
      prefixed: true,
      role: 'name',
      weak: false,
      description: true,
    });
    covered.push([m.index, m.index + phrase.length]);
  }
  const coveredIndex = new SpanIndex(covered.map(([start, end]) => ({ start, end })));
  const isCovered = (s: number, e: number): boolean => coveredIndex.overlapping(s, e).length > 0;

  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] as Token;
    if (!first.isCap || isCovered(first.start, first.end)) continue;
    const maxWords = firstWords.get(keyOf(first.text).split(' ')[0] as string);
    if (!maxWords) continue;
    let matched = false;
    const last = Math.min(tokens.length - 1, i + maxWords - 1);
    // The window grows only over name-like gaps ("St. Louis", "Winston-Salem", "Louisville/Jefferson").
    let reach = i;
    while (reach < last) {
      const gap = text.slice((tokens[reach] as Token).end, (tokens[reach + 1] as Token).start);
      if (!VALID_GAP.test(gap)) break;
      if (gap.startsWith('.') && !ABBREVIATION_TOKEN.test((tokens[reach] as Token).text)) break;
      reach++;
    }
    for (let j = reach; j >= i && !matched; j--) {
      const lastTok = tokens[j] as Token;
      // Names end on a capitalised word, or on "state" ("Washington state").
      if (!lastTok.isCap && j > i && lastTok.text !== 'state') continue;
      const phrase = text.slice(first.start, lastTok.end);
      const key = keyOf(phrase);
      const hits = registry.namesMatching(key);
      if (hits.length === 0) continue;
      const c = judge(text, tokens, i, j, phrase, key, hits);
      if (!c) continue;
      candidates.push(c);
      matched = true;
      i = j;
      // The qualifier ("N.Y.") belongs to this mention; scanning resumes after it.
      while (i + 1 < tokens.length && (tokens[i + 1] as Token).start < c.end) i++;
    }
  }

  // A bare name left out for ambiguity comes back when it stands in a list of names: next to an accepted name, or
  // in a run of three or more names joined by commas and "and".
  candidates.sort((a, b) => a.start - b.start);
  const joined = (a: Candidate, b: Candidate): boolean =>
    /^(?:,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)$/.test(text.slice(a.end, b.start));
  let runStart = 0;
  for (let k = 1; k <= candidates.length; k++) {
    const isJoined =
      k < candidates.length && joined(candidates[k - 1] as Candidate, candidates[k] as Candidate);
    if (isJoined) continue;
    const run = candidates.slice(runStart, k);
    if (run.length >= 3 || run.some((c) => !c.weak)) for (const c of run) c.weak = false;
    runStart = k;
  }

  // The same bare name qualified elsewhere ("Burlington, Vt." then "Burlington") reads the same way.
  const stateOfKey = new Map<string, string>();
  for (const c of candidates) if (c.state && !stateOfKey.has(c.key)) stateOfKey.set(c.key, c.state);
  // The states the text is about (named as states, or written after places): a bare "Burlington" in a story
  // about Vermont is Vermont's.
  const stateWeight = new Map<string, number>();
  for (const c of candidates) {
    if (c.weak) continue;
    const code = c.state ?? c.hits.find((h) => h.level === 'state' && h.quality >= 0.97)?.entry.state;
    if (code) stateWeight.set(code, (stateWeight.get(code) ?? 0) + 1);
  }
  const contextStateOf = (c: Candidate): string | undefined => {
    // A state's own name ("Oregon") is the state, whatever namesakes it has.
    if (c.hits.some((h) => h.level === 'state' && h.quality >= 0.97)) return undefined;
    const named = c.hits.filter((h) => h.quality >= 0.97 && h.level !== 'state');
    const states = new Set(named.map((h) => h.entry.state));
    if (states.size < 2) return undefined;
    let best: string | undefined;
    let bestWeight = 0;
    for (const code of states) {
      const w = stateWeight.get(code) ?? 0;
      if (w > bestWeight) [best, bestWeight] = [code, w];
    }
    return best;
  };

  // Resolving is a few index lookups, but a list of 100k names repeats itself: read each phrase once.
  const resolved = new Map<string, ReturnType<typeof resolveJurisdiction>[number] | undefined>();
  const out: FoundMention[] = [];
  for (const c of candidates) {
    if (c.weak) continue;
    let id: OcdId | undefined;
    let name = '';
    let kind: JurisdictionKind = 'place';
    let score = 1;
    if (c.description) {
      const e = (c.hits[0] as NameHit).entry;
      [id, name, kind] = [e.id, e.name, e.kind];
    } else {
      // "State of Washington" names a state; it does not borrow the District from "Washington, D.C." nearby.
      const isStatePrefix = c.prefixed && /\b(?:state|commonwealth)[ \t]+of\b/i.test(c.phrase);
      const state = c.state ?? (isStatePrefix ? undefined : (stateOfKey.get(c.key) ?? contextStateOf(c)));
      // The resolver reads "State of Washington" as the District (its alias "Washington"); say "state" instead.
      const phrase = c.key === 'washington' && c.prefixed ? 'Washington state' : c.phrase;
      const text2 = c.state ? phrase : state ? `${phrase}, ${state.toUpperCase()}` : phrase;
      const cacheKey = `${text2}|${state ?? ''}`;
      if (!resolved.has(cacheKey))
        resolved.set(
          cacheKey,
          resolveJurisdiction(registry, text2, { limit: 1, ...(state ? { state } : {}) })[0],
        );
      const found = resolved.get(cacheKey);
      if (!found || found.score < 0.6) continue;
      [id, name, kind, score] = [found.id, found.name, found.kind, found.score];
    }
    out.push({
      start: c.start,
      end: c.end,
      id,
      name,
      kind,
      role: c.role,
      score,
      qualified: Boolean(c.state) || c.prefixed,
    });
  }
  return out;
}

/** Decides whether the window [i, j] is a mention, with its prefix, qualifier and role; undefined if it is not. */
function judge(
  text: string,
  tokens: readonly Token[],
  i: number,
  j: number,
  phrase: string,
  key: string,
  hits: readonly NameHit[],
): Candidate | undefined {
  const first = tokens[i] as Token;
  const last = tokens[j] as Token;
  const words = key.split(' ');
  const single = words.length === 1;
  const next = tokens[j + 1];
  const prev = tokens[i - 1];
  const adjacentNext = next && /^[ \t]$/.test(text.slice(last.end, next.start)) ? next : undefined;
  const adjacentPrev = prev && /^[ \t]$/.test(text.slice(prev.end, first.start)) ? prev : undefined;
  const nextWord = adjacentNext ? adjacentNext.text.toLowerCase() : '';
  if (adjacentNext?.isCap && NEWS_WORDS.has(nextWord)) return undefined;
  if (COMMON_PHRASES.has(key)) return undefined;

  const before = text.slice(Math.max(0, first.start - 60), first.start);
  const prefix = PREFIX_BEFORE.exec(before);
  const start = prefix ? first.start - prefix[0].length : first.start;

  // A postal code standing alone ("OR", "IN", "ME") is a word, not a state; only "DC" and "D.C." are taken.
  const isStateLevel = hits.some((h) => h.level === 'state' && h.quality >= 0.97);
  // A state abbreviation standing alone ("Calif.", "Ill." in "N.D. Ill.") qualifies something else; only the
  // full name and D.C. are mentions of their own.
  if (
    isStateLevel &&
    single &&
    key !== 'dc' &&
    !hits.some((h) => h.level === 'state' && normalizeName(h.entry.name) === key)
  )
    return undefined;

  // The qualifier: a state written after the name, taken only if a namesake lies in that state.
  let end = last.end;
  let state: string | undefined;
  QUALIFIER.lastIndex = last.end;
  const q = QUALIFIER.exec(text);
  if (q) {
    const sep = q[1] as string;
    const word = q[2] as string;
    const code = stateCodeOf(word);
    const isAbbreviation = /\.|^[A-Z]{2}$/.test(word);
    const isSpaceOnly = /^[ \t]+$/.test(sep);
    const allowed = isSpaceOnly ? isAbbreviation || /[Ss]tate$/.test(word) : true;
    if (
      code &&
      allowed &&
      hits.some((h) => h.entry.state === code && !(h.level === 'state' && code !== 'dc'))
    ) {
      state = code;
      end = q.index + q[0].length;
    } else if (code && /[Ss]tate$/.test(word) && isStateLevel && normalizeName(word).startsWith(key)) {
      end = q.index + q[0].length;
    }
  }
  if (
    key === 'washington' &&
    !state &&
    !prefix &&
    !/^[ \t]+[Ss]tate\b/.test(text.slice(last.end, last.end + 7))
  )
    return undefined;

  let role: MentionRole = 'name';
  if (COURT_BEFORE.test(before) || COURT_ABBREVIATION_BEFORE.test(before)) role = 'court';
  else if (ORGANISATION_BEFORE.test(before)) role = 'organisation';
  else if (adjacentNext?.isCap && ORGANISATION_WORDS.has(nextWord)) role = 'organisation';

  const qualified = Boolean(state) || Boolean(prefix);
  let weak = false;
  if (single && !qualified) {
    if (COMMON_WORDS.has(key)) return undefined;
    // Part of a longer proper name ("Andrew Jackson", "Jackson Browne", "Southern Illinois University").
    if (adjacentPrev?.isCap && !FUNCTION_WORDS.has(adjacentPrev.text.toLowerCase())) return undefined;
    if (adjacentNext?.isCap && !ORGANISATION_WORDS.has(nextWord) && !FUNCTION_WORDS.has(nextWord))
      return undefined;
    if (!isStateLevel) {
      const named = hits.filter((h) => h.quality >= 0.97);
      if (named.length === 0) return undefined;
      const heaviest = Math.max(...named.map((h) => weightOf(h.entry)));
      const ok = heaviest >= 100_000 || (named.length === 1 && heaviest >= 20_000);
      if (!ok) weak = true;
    }
  } else if (!qualified) {
    // A county's name without "County" ("Miami-Dade", "Contra Costa") is taken when it is several words.
    if (hits.every((h) => h.quality < 0.9) && words.length < 2) return undefined;
    if (
      adjacentPrev?.isCap &&
      !FUNCTION_WORDS.has(adjacentPrev.text.toLowerCase()) &&
      hits.every((h) => h.level !== 'state')
    )
      return undefined;
  }
  return {
    start,
    end,
    phrase: text.slice(start, end),
    key,
    hits,
    ...(state ? { state } : {}),
    prefixed: Boolean(prefix),
    role,
    weak,
  };
}
