// Runs a word-anchored pattern only where a match can start: at word starts whose first two characters can begin it.
//
// Most lexicon patterns (tag-patterns.ts) are `\b` followed by a word. A global scan tries the pattern at every
// character of a provision; this scanner lists a provision's word starts once (shared by all patterns) and tries a
// sticky copy of the pattern only at those whose first two characters can begin a match. That finds exactly the
// non-overlapping leftmost matches of a `g` scan, because every match starts at such a word start: candidates are
// tried in order, and those inside the previous match are skipped as the `g` scan would skip them.
//
// Which two-character prefixes can begin a match is read from the pattern's source by a small analysis of the regex
// syntax the lexicon uses. It errs only towards more candidates; a pattern it cannot prove word-anchored (one that
// may start with a non-word character or match the empty string, or uses syntax it does not know) gets no plan and is
// scanned in full. \b without the u flag uses the ASCII word characters [A-Za-z0-9_]: "é" is not a word character.

/** Character buckets: ASCII codes 0-127, NON_ASCII for every other character, END for "no second character". */
const NON_ASCII = 128;
const END = 129;
const BUCKETS = 130;

const bucketOf = (c: number): number => (c < 128 ? c : NON_ASCII);
const isWordCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
/** 1 for a regex word character, per UTF-16 code. */
const IS_WORD = new Uint8Array(65536);
for (let c = 0; c < 128; c++) IS_WORD[c] = isWordCode(c) ? 1 : 0;

/**
 * The language of a regex node cut to two characters: whether it matches the empty string, the single characters it
 * matches whole, and the two-character prefixes of longer matches (first * BUCKETS + second). Sets of buckets.
 */
interface Prefixes {
  readonly empty: boolean;
  readonly one: ReadonlySet<number>;
  readonly two: ReadonlySet<number>;
}

const EPSILON: Prefixes = { empty: true, one: new Set(), two: new Set() };

const firstsOf = (p: Prefixes): Set<number> => {
  const out = new Set(p.one);
  for (const k of p.two) out.add(Math.floor(k / BUCKETS));
  return out;
};

function concat(a: Prefixes, b: Prefixes): Prefixes {
  const one = new Set<number>();
  const two = new Set(a.two);
  if (a.empty) {
    for (const c of b.one) one.add(c);
    for (const k of b.two) two.add(k);
  }
  if (b.empty) for (const c of a.one) one.add(c);
  if (a.one.size > 0) {
    const next = firstsOf(b);
    for (const c of a.one) for (const d of next) two.add(c * BUCKETS + d);
  }
  return { empty: a.empty && b.empty, one, two };
}

function union(a: Prefixes, b: Prefixes): Prefixes {
  return {
    empty: a.empty || b.empty,
    one: new Set([...a.one, ...b.one]),
    two: new Set([...a.two, ...b.two]),
  };
}

/** `x{min,max}`: two copies decide every two-character prefix, so counts are cut at two. */
function repeat(x: Prefixes, min: number, max: number): Prefixes {
  let out = EPSILON;
  const need = Math.min(min, 2);
  const may = Math.min(max, 2);
  for (let i = 0; i < need; i++) out = concat(out, x);
  const optional = union(EPSILON, x);
  for (let i = need; i < may; i++) out = concat(out, optional);
  return out;
}

const charSet = (codes: Iterable<number>): Prefixes => {
  const one = new Set<number>();
  for (const c of codes) one.add(c);
  return { empty: false, one, two: new Set() };
};

const ALL_BUCKETS = Array.from({ length: NON_ASCII + 1 }, (_, i) => i);
const SPACE_BUCKETS = [9, 10, 11, 12, 13, 32, NON_ASCII];
const DIGIT_BUCKETS = Array.from({ length: 10 }, (_, i) => 48 + i);
const WORD_BUCKETS = ALL_BUCKETS.filter((c) => c < 128 && isWordCode(c));

/** Both ASCII cases of a letter (case-insensitive patterns without the u flag fold only ASCII onto ASCII). */
const withCase = (codes: Iterable<number>): Set<number> => {
  const out = new Set<number>();
  for (const c of codes) {
    out.add(c);
    if (c >= 65 && c <= 90) out.add(c + 32);
    else if (c >= 97 && c <= 122) out.add(c - 32);
  }
  return out;
};

class Unsupported extends Error {}

const FULL = 0;
const FIRSTS = 1;
const SKIP = 2;
type Need = typeof FULL | typeof FIRSTS | typeof SKIP;

/** Parser for the regex syntax of the lexicon; anything else throws Unsupported and the pattern keeps its full scan. */
function analyse(source: string, ignoreCase: boolean): Prefixes {
  let pos = 0;
  const fold = (codes: Iterable<number>): Set<number> => (ignoreCase ? withCase(codes) : new Set(codes));

  const peek = (): string => source[pos] ?? '';
  // What a caller needs of a node: everything, only whether it can be empty and its first characters (`one` then
  // holds the first characters; enough after a part that cannot be empty), or nothing (the prefix is already known
  // and the node is only parsed).
  const alternation = (need: Need): Prefixes => {
    let out = sequence(need);
    while (peek() === '|') {
      pos++;
      const next = sequence(need);
      if (need !== SKIP) out = union(out, next);
    }
    return out;
  };
  const sequence = (need: Need): Prefixes => {
    let out = EPSILON;
    while (pos < source.length && peek() !== '|' && peek() !== ')') {
      // Once the parts so far cannot be empty, the next part adds at most a second character (only its first
      // characters matter, and only while a one-character prefix is open); after that, nothing it does matters.
      let childNeed: Need;
      if (need === SKIP) childNeed = SKIP;
      else if (out.empty) childNeed = need;
      else childNeed = need === FULL && out.one.size > 0 ? FIRSTS : SKIP;
      const next = quantified(childNeed);
      if (childNeed === SKIP) continue;
      if (need === FULL) out = concat(out, next);
      // FIRSTS: the parts so far can all be empty, so the next part's first characters are first characters too.
      else out = { empty: next.empty, one: new Set([...out.one, ...next.one]), two: out.two };
    }
    return out;
  };
  const quantified = (need: Need): Prefixes => {
    const a = atom(need);
    const q = peek();
    let min = 1;
    let max = 1;
    if (q === '*' || q === '+' || q === '?') {
      pos++;
      min = q === '+' ? 1 : 0;
      max = q === '?' ? 1 : Infinity;
    } else if (q === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(pos));
      if (!m) throw new Unsupported('brace');
      pos += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return a;
    if (peek() === '?') pos++; // lazy: the same strings
    if (need === SKIP || max === 0) return EPSILON;
    if (need === FIRSTS) return { empty: a.empty || min === 0, one: a.one, two: a.two };
    return repeat(a, min, max);
  };
  const atom = (need: Need): Prefixes => {
    const ch = source[pos++]!;
    if (ch === '(') {
      let zeroWidth = false;
      if (source.startsWith('?:', pos)) pos += 2;
      else if (source.startsWith('?=', pos) || source.startsWith('?!', pos)) {
        pos += 2;
        zeroWidth = true;
      } else if (source.startsWith('?<=', pos) || source.startsWith('?<!', pos)) {
        pos += 3;
        zeroWidth = true;
      } else if (ch === '(' && peek() === '?') throw new Unsupported('group');
      const inner = alternation(zeroWidth ? SKIP : need);
      if (peek() !== ')') throw new Unsupported('paren');
      pos++;
      // A lookaround consumes nothing: as a prefix it is the empty string (more candidates, never fewer).
      return zeroWidth ? EPSILON : inner;
    }
    if (ch === '^' || ch === '$') return EPSILON;
    if (ch === '[') return charClass(need);
    if ('*+?{}|)'.includes(ch)) throw new Unsupported(`syntax ${ch}`);
    let codes: readonly number[];
    if (ch === '.') codes = ALL_BUCKETS;
    else if (ch === '\\') {
      const e = source[pos++] ?? '';
      if (e === 'b' || e === 'B') return EPSILON;
      codes = escapeSet(e);
    } else codes = [bucketOf(ch.charCodeAt(0))];
    return need === SKIP ? EPSILON : charSet(fold(codes));
  };
  /** Buckets of an escape outside or inside a class (after the backslash). */
  const escapeSet = (e: string): number[] => {
    switch (e) {
      case 's':
        return SPACE_BUCKETS;
      case 'w':
        return WORD_BUCKETS;
      case 'd':
        return DIGIT_BUCKETS;
      case 'S':
      case 'W':
      case 'D':
        return ALL_BUCKETS;
      case 'n':
        return [10];
      case 'r':
        return [13];
      case 't':
        return [9];
      case 'f':
        return [12];
      case 'v':
        return [11];
    }
    if (/^[.\-\\/()[\]{}?*+|^$,;:'"§&#%!<>=@~`]$/.test(e)) return [bucketOf(e.charCodeAt(0))];
    throw new Unsupported(`escape \\${e}`);
  };
  const charClass = (need: Need): Prefixes => {
    const negated = peek() === '^';
    if (negated) pos++;
    const members = new Set<number>();
    while (pos < source.length && peek() !== ']') {
      let lo: number;
      const ch = source[pos++]!;
      if (ch === '\\') {
        const e = source[pos++] ?? '';
        if (e === 'b') lo = 8;
        else {
          const set = escapeSet(e);
          if (set.length !== 1) {
            for (const c of set) members.add(c);
            continue;
          }
          lo = set[0]!;
        }
      } else lo = ch.charCodeAt(0);
      if (peek() === '-' && source[pos + 1] !== ']' && source[pos + 1] !== undefined) {
        pos++;
        const hiCh = source[pos++]!;
        if (hiCh === '\\') throw new Unsupported('escaped range end');
        const hi = hiCh.charCodeAt(0);
        if (hi < lo) throw new Unsupported('range');
        for (let c = lo; c <= hi && c < 128; c++) members.add(c);
        if (hi >= 128) members.add(NON_ASCII);
      } else members.add(bucketOf(lo));
    }
    if (peek() !== ']') throw new Unsupported('class');
    pos++;
    if (need === SKIP) return EPSILON;
    // A negated class is widened: any character outside the listed ASCII ones, and every non-ASCII character.
    if (negated) return charSet(ALL_BUCKETS.filter((c) => c === NON_ASCII || !members.has(c)));
    return charSet(fold(members));
  };

  const out = alternation(FULL);
  if (pos !== source.length) throw new Unsupported('trailing');
  return out;
}

/** Top-level alternatives of a source, split at `|` outside groups and classes. */
function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/** How to run one pattern on word starts: its sticky copy and the prefixes that can begin a match. */
export interface WordStartPlan {
  readonly sticky: RegExp;
  /** The two-character keys (first * BUCKETS + second, second END at the end of the text) that can begin a match. */
  readonly keys: readonly number[];
}

/**
 * The plan for a global pattern, or null when it must keep the full scan: it has to start every alternative with
 * \b, match only non-empty strings, and begin only with ASCII word characters.
 */
export function planWordStartScan(re: RegExp): WordStartPlan | null {
  if (!re.global || re.unicode || re.unicodeSets || re.multiline || re.dotAll || re.sticky) return null;
  if (!topLevelAlternatives(re.source).every((alt) => alt.startsWith('\\b'))) return null;
  let prefixes: Prefixes;
  try {
    prefixes = analyse(re.source, re.ignoreCase);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  if (prefixes.empty) return null;
  const keys = new Set<number>();
  for (const c of prefixes.one) {
    if (c >= 128 || !isWordCode(c)) return null;
    for (let d = 0; d < BUCKETS; d++) keys.add(c * BUCKETS + d);
  }
  for (const k of prefixes.two) {
    const c = Math.floor(k / BUCKETS);
    if (c >= 128 || !isWordCode(c)) return null;
    keys.add(k);
  }
  return { sticky: new RegExp(re.source, re.flags.replace('g', '') + 'y'), keys: [...keys] };
}

/** Up to 32 plans, and for each two-character key a bit mask of the plans that may match there. */
export interface WordStartPlans {
  readonly plans: readonly WordStartPlan[];
  readonly masks: Int32Array;
}

export function combineWordStartPlans(plans: readonly WordStartPlan[]): WordStartPlans {
  if (plans.length > 32) throw new Error('at most 32 word-start plans share one scanner');
  const masks = new Int32Array(BUCKETS * BUCKETS);
  plans.forEach((plan, i) => {
    for (const k of plan.keys) masks[k]! |= 1 << i;
  });
  return { plans, masks };
}

/**
 * The candidate positions of one text for every plan: its word starts ([A-Za-z0-9_] at 0 or after a non-word
 * character) whose first two characters can begin a match of the plan. One pass over the text serves all plans.
 */
export class WordStarts {
  readonly #plans: WordStartPlans;
  #text = '';
  /** Candidates of plan i at [i * #capacity, i * #capacity + #counts[i]). */
  #candidates = new Int32Array(0);
  #capacity = 0;
  readonly #counts = new Int32Array(32);

  constructor(plans: WordStartPlans) {
    this.#plans = plans;
  }

  /** Lists the candidates of `text`, reusing the buffers (a text of n characters has at most n word starts). */
  read(text: string): void {
    const len = text.length;
    if (this.#capacity < len) {
      this.#capacity = Math.max(len, 2 * this.#capacity, 256);
      this.#candidates = new Int32Array(this.#capacity * this.#plans.plans.length);
    }
    const candidates = this.#candidates;
    const capacity = this.#capacity;
    const counts = this.#counts;
    const masks = this.#plans.masks;
    counts.fill(0);
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      if (IS_WORD[c] !== 1) continue;
      // A word starts at i: look it up, then step over the rest of the word.
      let m = masks[c * BUCKETS + (i + 1 < len ? bucketOf(text.charCodeAt(i + 1)) : END)]!;
      while (m !== 0) {
        const plan = 31 - Math.clz32(m & -m);
        m &= m - 1;
        candidates[plan * capacity + counts[plan]!] = i;
        counts[plan]!++;
      }
      while (i + 1 < len && IS_WORD[text.charCodeAt(i + 1)] === 1) i++;
    }
    this.#text = text;
  }

  /**
   * The matches of plan `i` in the text read last, as [start, end) pairs: the same as a global scan of the original
   * pattern from 0 (which skips nothing, since no match is empty).
   */
  matches(i: number): Array<readonly [number, number]> {
    const out: Array<readonly [number, number]> = [];
    const sticky = this.#plans.plans[i]!.sticky;
    const text = this.#text;
    const candidates = this.#candidates;
    const from = i * this.#capacity;
    const to = from + this.#counts[i]!;
    let last = 0;
    for (let k = from; k < to; k++) {
      const p = candidates[k]!;
      if (p < last) continue;
      sticky.lastIndex = p;
      if (sticky.test(text)) {
        last = sticky.lastIndex;
        out.push([p, last]);
      }
    }
    return out;
  }
}
