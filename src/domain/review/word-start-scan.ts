// Runs a word-anchored pattern only where a match can start: at word starts whose first three characters can begin it.
//
// Most lexicon patterns (tag-patterns.ts) are `\b` followed by a word. A global scan tries the pattern at every
// character of a provision; this scanner lists a provision's word starts once (shared by all patterns) and tries a
// sticky copy of the pattern only at those whose first three characters can begin a match. That finds exactly the
// non-overlapping leftmost matches of a `g` scan, because every match starts at such a word start: candidates are
// tried in order, and those inside the previous match are skipped as the `g` scan would skip them.
//
// Which three-character prefixes can begin a match is read from the pattern's source by a small analysis of the regex
// syntax the lexicon uses. Three characters rather than two matter: "sh" begins "shall" but also "she", "short" and
// "shown", and most sticky attempts on two-character candidates failed. A pattern whose three-character prefixes are
// too many to list (`\b\w+...`) is cut at two. The analysis errs only towards more candidates; a pattern it cannot
// prove word-anchored (one that may start with a non-word character or match the empty string, or uses syntax it does
// not know) gets no plan and is scanned in full. \b without the u flag uses the ASCII word characters [A-Za-z0-9_]:
// "é" is not a word character.

/** Character buckets: ASCII codes 0-127, NON_ASCII for every other character, END for "no further character". */
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
 * The language of a regex node cut to `depth` characters, as strings of buckets (one UTF-16 code per bucket): a
 * string shorter than the depth is a whole match, one of exactly the depth the prefix of a match at least that long
 * (or a whole match of that length: as a prefix it allows more, never less). The empty string is in the set when the
 * node can match it.
 */
type Prefixes = ReadonlySet<string>;

const EPSILON: Prefixes = new Set(['']);
/** More prefixes than this and the pattern is analysed again at a smaller depth. */
const MAX_PREFIXES = 20_000;

class Unsupported extends Error {}
class TooMany extends Error {}

const checked = (out: Set<string>): Set<string> => {
  if (out.size > MAX_PREFIXES) throw new TooMany();
  return out;
};

function concat(a: Prefixes, b: Prefixes, depth: number): Prefixes {
  const out = new Set<string>();
  for (const x of a) {
    if (x.length >= depth) out.add(x);
    else for (const y of b) out.add((x + y).slice(0, depth));
  }
  return checked(out);
}

const union = (a: Prefixes, b: Prefixes): Prefixes => checked(new Set([...a, ...b]));

/** `x{min,max}`: `depth` copies decide every prefix of that length, so counts are cut there. */
function repeat(x: Prefixes, min: number, max: number, depth: number): Prefixes {
  let out = EPSILON;
  const need = Math.min(min, depth);
  const may = Math.min(max, depth);
  for (let i = 0; i < need; i++) out = concat(out, x, depth);
  const optional = union(EPSILON, x);
  for (let i = need; i < may; i++) out = concat(out, optional, depth);
  return out;
}

const charSet = (codes: Iterable<number>, depth: number): Prefixes => {
  if (depth === 0) return EPSILON;
  const out = new Set<string>();
  for (const c of codes) out.add(String.fromCharCode(c));
  return out;
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

/**
 * Parser for the regex syntax of the lexicon; anything else throws Unsupported and the pattern keeps its full scan.
 * Each node is analysed to the depth its position needs: after parts that match at least k characters, the next part
 * decides at most depth - k more (zero: it is only parsed).
 */
function analyse(source: string, ignoreCase: boolean, maxDepth: number): Prefixes {
  let pos = 0;
  const fold = (codes: Iterable<number>): Set<number> => (ignoreCase ? withCase(codes) : new Set(codes));

  const peek = (): string => source[pos] ?? '';
  const alternation = (depth: number): Prefixes => {
    let out = sequence(depth);
    while (peek() === '|') {
      pos++;
      const next = sequence(depth);
      if (depth > 0) out = union(out, next);
    }
    return out;
  };
  const sequence = (depth: number): Prefixes => {
    let out = EPSILON;
    while (pos < source.length && peek() !== '|' && peek() !== ')') {
      // The next part matters only up to the shortest prefix so far that is not yet complete.
      let shortest = depth;
      for (const x of out) if (x.length < shortest) shortest = x.length;
      const next = quantified(depth - shortest);
      if (shortest < depth) out = concat(out, next, depth);
    }
    return out;
  };
  const quantified = (depth: number): Prefixes => {
    const a = atom(depth);
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
    if (depth === 0 || max === 0) return EPSILON;
    return repeat(a, min, max, depth);
  };
  const atom = (depth: number): Prefixes => {
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
      const inner = alternation(zeroWidth ? 0 : depth);
      if (peek() !== ')') throw new Unsupported('paren');
      pos++;
      // A lookaround consumes nothing: as a prefix it is the empty string (more candidates, never fewer).
      return zeroWidth ? EPSILON : inner;
    }
    if (ch === '^' || ch === '$') return EPSILON;
    if (ch === '[') return charClass(depth);
    if ('*+?{}|)'.includes(ch)) throw new Unsupported(`syntax ${ch}`);
    let codes: readonly number[];
    if (ch === '.') codes = ALL_BUCKETS;
    else if (ch === '\\') {
      const e = source[pos++] ?? '';
      if (e === 'b' || e === 'B') return EPSILON;
      codes = escapeSet(e);
    } else codes = [bucketOf(ch.charCodeAt(0))];
    return charSet(fold(codes), depth);
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
  const charClass = (depth: number): Prefixes => {
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
    // A negated class is widened: any character outside the listed ASCII ones, and every non-ASCII character.
    if (negated)
      return charSet(
        ALL_BUCKETS.filter((c) => c === NON_ASCII || !members.has(c)),
        depth,
      );
    return charSet(fold(members), depth);
  };

  const out = alternation(maxDepth);
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
  /** Strings of one to three buckets that can begin a match; a shorter one stands for every continuation. */
  readonly prefixes: readonly string[];
}

/**
 * The plan for a global pattern, or null when it must keep the full scan: it has to start every alternative with
 * \b, match only non-empty strings, and begin only with ASCII word characters.
 */
export function planWordStartScan(re: RegExp): WordStartPlan | null {
  if (!re.global || re.unicode || re.unicodeSets || re.multiline || re.dotAll || re.sticky) return null;
  if (!topLevelAlternatives(re.source).every((alt) => alt.startsWith('\\b'))) return null;
  let prefixes: Prefixes | null = null;
  for (const depth of [3, 2]) {
    try {
      prefixes = analyse(re.source, re.ignoreCase, depth);
      break;
    } catch (e) {
      if (e instanceof Unsupported) return null;
      if (!(e instanceof TooMany)) throw e;
    }
  }
  if (prefixes === null || prefixes.has('')) return null;
  for (const x of prefixes) {
    const c = x.charCodeAt(0);
    if (c >= 128 || !isWordCode(c)) return null;
  }
  return { sticky: new RegExp(re.source, re.flags.replace('g', '') + 'y'), prefixes: [...prefixes] };
}

/**
 * Up to 32 plans, and for each three-character key a bit mask of the plans that may match there: the first two
 * characters pick a row (-1: no plan begins so), the third a column. Few two-character starts occur in the
 * lexicon, so the rows stay small where a flat three-character table would hold two million entries.
 */
export interface WordStartPlans {
  readonly plans: readonly WordStartPlan[];
  /** Row by first * BUCKETS + second, or -1. */
  readonly rows: Int32Array;
  /** Plan masks by row * BUCKETS + third. */
  readonly masks: Int32Array;
}

export function combineWordStartPlans(plans: readonly WordStartPlan[]): WordStartPlans {
  if (plans.length > 32) throw new Error('at most 32 word-start plans share one scanner');
  const rows = new Int32Array(BUCKETS * BUCKETS).fill(-1);
  let rowCount = 0;
  /** The two-character keys a prefix covers. */
  const pairsOf = (x: string): number[] => {
    const c = x.charCodeAt(0);
    if (x.length >= 2) return [c * BUCKETS + x.charCodeAt(1)];
    return Array.from({ length: BUCKETS }, (_, d) => c * BUCKETS + d);
  };
  for (const plan of plans)
    for (const x of plan.prefixes)
      for (const pair of pairsOf(x)) if (rows[pair] === -1) rows[pair] = rowCount++;
  const masks = new Int32Array(rowCount * BUCKETS);
  plans.forEach((plan, i) => {
    for (const x of plan.prefixes) {
      for (const pair of pairsOf(x)) {
        const row = rows[pair]! * BUCKETS;
        if (x.length === 3) masks[row + x.charCodeAt(2)]! |= 1 << i;
        else for (let d = 0; d < BUCKETS; d++) masks[row + d]! |= 1 << i;
      }
    }
  });
  return { plans, rows, masks };
}

/**
 * The candidate positions of one text for every plan: its word starts ([A-Za-z0-9_] at 0 or after a non-word
 * character) whose first three characters can begin a match of the plan. One pass over the text serves all plans.
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
    this.#reset(text);
    const len = text.length;
    for (let i = 0; i < len; i++) {
      if (IS_WORD[text.charCodeAt(i)] !== 1) continue;
      // A word starts at i: look it up, then step over the rest of the word.
      this.#list(text, i);
      while (i + 1 < len && IS_WORD[text.charCodeAt(i + 1)] === 1) i++;
    }
  }

  /**
   * `read` for a text whose word starts are known: `starts[from, to)` less `offset`, every word start of the text
   * except perhaps the one at 0 and those in its last two characters, which are checked here (the literal pre-scan
   * of a plain segment, build-literal-groups.ts, gives such a list without a second walk over the characters).
   */
  readStarts(text: string, starts: Int32Array, from: number, to: number, offset: number): void {
    this.#reset(text);
    const len = text.length;
    if (len > 0 && IS_WORD[text.charCodeAt(0)] === 1 && (from === to || starts[from] !== offset))
      this.#list(text, 0);
    for (let k = from; k < to; k++) this.#list(text, starts[k]! - offset);
    for (let i = Math.max(1, len - 2); i < len; i++)
      if (IS_WORD[text.charCodeAt(i)] === 1 && IS_WORD[text.charCodeAt(i - 1)] !== 1) this.#list(text, i);
  }

  #reset(text: string): void {
    const len = text.length;
    if (this.#capacity < len) {
      this.#capacity = Math.max(len, 2 * this.#capacity, 256);
      this.#candidates = new Int32Array(this.#capacity * this.#plans.plans.length);
    }
    this.#counts.fill(0);
    this.#text = text;
  }

  /** Adds the word start at `i` to the candidates of every plan whose prefixes its first three characters fit. */
  #list(text: string, i: number): void {
    const len = text.length;
    const second = i + 1 < len ? bucketOf(text.charCodeAt(i + 1)) : END;
    const row = this.#plans.rows[text.charCodeAt(i) * BUCKETS + second]!;
    if (row === -1) return;
    const third = second !== END && i + 2 < len ? bucketOf(text.charCodeAt(i + 2)) : END;
    let m = this.#plans.masks[row * BUCKETS + third]!;
    const candidates = this.#candidates;
    const capacity = this.#capacity;
    const counts = this.#counts;
    while (m !== 0) {
      const plan = 31 - Math.clz32(m & -m);
      m &= m - 1;
      candidates[plan * capacity + counts[plan]!] = i;
      counts[plan]!++;
    }
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
