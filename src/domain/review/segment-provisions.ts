// Splits a policy text into provisions along its legal structure (sections, subsections, lists, sentences), keeping offsets.

/** One provision-sized piece of the text, with its place in the document's structure. */
export interface Segment {
  /** Absolute offsets into the input; the provision text is `input.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
  /** e.g. `Sec. 2-173-040(a)(2)`, `7290.6(a)(1)(A)`, `III.A.1`; null for unnumbered text. */
  readonly label: string | null;
  /** Number of the enclosing section (`2-173-040`, `7290.6`, `1`), or null. */
  readonly sectionNumber: string | null;
  /** Markers below the section, normalised (`['a', '1']` for "(a)(1)"). */
  readonly path: readonly string[];
  /** Headings above the segment, outermost first. */
  readonly headings: readonly string[];
  /** Index of the structural parent segment (the text a list item hangs from), or -1. */
  readonly parent: number;
  /** Incremented at each section heading; "this section" means segments with the same value. */
  readonly section: number;
  /** Ends with a colon: the text introduces the list items below it ("shall not:"). */
  readonly isLeadIn: boolean;
  /** The segment is a second or later sentence of one numbered unit. */
  readonly isContinuation: boolean;
}

type Kind =
  | 'section'
  | 'paren-lower'
  | 'paren-roman'
  | 'paren-digit'
  | 'paren-upper'
  | 'dot-roman'
  | 'dot-upper'
  | 'dot-lower'
  | 'dec1'
  | 'dec2'
  | 'dec3'
  | 'dec4'
  | 'dec5'
  | 'bullet'
  | 'plain';

interface Level {
  kind: Kind;
  value: number;
  marker: string;
  /** Last segment at this level, or -1 when the level is only a heading. */
  segment: number;
  heading: string | null;
  /** The headings down to this level, set when first needed. */
  headings?: string[];
}

interface Marker {
  kind: Kind;
  value: number;
  /** Normalised marker for labels: `a`, `1`, `iv`, `A`, `7.14.2`. */
  norm: string;
  end: number;
}

// Section keywords as drafted in codes, statutes, orders and manuals. Built from strings so the
// pattern stays readable and no regex literal needs newer syntax than the compile target.
const SECTION_RE = new RegExp(
  String.raw`(?:(?:Sec(?:tion)?s?|SEC(?:TION)?S?|Art(?:icle)?|ARTICLE|Chapter|CHAPTER|Ch|Rule|RULE|Part|PART|Title|TITLE|Policy|POLICY|Division|DIVISION)\.?[ \t]*|§{1,2}[ \t]*)(\d[\w.\-–]*[\w]|\d|[IVXLC]{1,6}\b)\.?(?=[\s:.–—-]|$)`,
  'y',
);
const BARE_NUMBER_RE = /(\d{1,5}(?:\.\d{1,4}){0,4})(\.?)(?=[ \t]+([A-Za-z("“'‘§•])|[ \t]*$)/y;
const PAREN_RE = /\(([ivxlc]{1,6}|[a-z]{1,2}|\d{1,3}|[A-Z]{1,2})\)(?=\s)/y;
const DOT_LETTER_RE = /([IVX]{1,5}|[ivx]{1,5}|[A-Za-z])\.(?=[ \t])/y;
/** "I", "V", "X" in either case: the letters a DOT_LETTER_RE numeral of more than one letter starts with. */
const ROMAN_LETTER_CODES = new Set([73, 86, 88, 105, 118, 120]);
const BULLET_RE = /[•●▪◦○·■□➢►\-–—*](?=[ \t])/y;
const SPACE_RE = /[ \t]*/y;
const SEP_RE = /[ \t]*(?:[.:]|[–—-](?=[ \t]))?[ \t]*/y;
const INLINE_SECTION_RE =
  /(?<=[.;:!?]["”’)]*)[ \t]+(?=(?:§{1,2}[ \t]*|Sec(?:tion)?\.?[ \t]+|SEC(?:TION)?\.?[ \t]+)\d[\w.\-]*\.[ \t]+[A-Z(])/g;
const INLINE_PAREN_RE =
  /(?:[.;:]|—)["”’)]*[ \t]+(?:(?:and|or)[ \t]+)?(\((?:[ivxlc]{1,6}|[a-z]{1,2}|\d{1,3}|[A-Z]{1,2})\))[ \t]/g;
const SENTENCE_END_RE = /[.!?]["”’)\]]*[ \t\r\n]+(?=["“‘(\[]?[A-Z0-9§•])/g;
const MODAL_WORD_RE =
  /\b(?:shall|may|must|will|is|are|was|were|means|mean|does|do|has|have|should|can|includes?|provides?|be|not)\b/i;
/** Longest provision analysed as one piece; real provisions are far shorter. */
const MAX_SEGMENT_CHARS = 4000;
const OPERATIVE_WORD_RE = /\b(?:shall|may|must|will|should)\b/i;
const CONTINUATION_RE =
  /^(?:This|These|That|Such|Those|However|Provided|Except|Nothing\s+in\s+this|Notwithstanding\s+the\s+foregoing|The\s+foregoing|The\s+(?:prohibitions?|limitations?|restrictions?|exceptions?)\b|Any\s+such)\b/;
const ABBREVIATIONS = new Set(
  (
    'sec secs no nos v vs e.g i.e etc inc co corp dr mr mrs ms st gov stat art ch pen cal ill fla pa cir supp rev ord res ' +
    'dept div vol seq al p pp a.m p.m jan feb mar apr jun jul aug sep sept oct nov dec mt ft hon jr sr esq approx cf para ' +
    'subd id ibid u.s u.s.c c.f.r fed reg admin civ crim proc gen govt ann'
  ).split(' '),
);

const LOWER_MARKER_RE = /(?:\([a-z]{1,6}\)|[a-z]{1,4}\.)[ \t]/y;
const NO_LEVELS: readonly Level[] = [];
/** The kind of a decimal marker by its number of parts ("1.2" is `dec2`). */
const DECIMAL_KINDS: readonly Kind[] = ['plain', 'dec1', 'dec2', 'dec3', 'dec4', 'dec5'];

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
const romanValue = (s: string): number => {
  let total = 0;
  const t = s.toLowerCase();
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]!] ?? 0;
    const next = ROMAN[t[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
};
const letterValue = (s: string): number => {
  const c = s.toLowerCase();
  return c.length === 1 ? c.charCodeAt(0) - 96 : 26 + (c.charCodeAt(0) - 96);
};
const isRomanText = (s: string): boolean => /^[ivxlc]+$/i.test(s) && romanValue(s) > 0;

const isUpperHeavy = (s: string, from = 0, to = s.length): boolean => {
  let upper = 0;
  let lower = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) {
      lower++;
      // Even if every character left were a capital, the share would stay under three quarters (most lines).
      if (3 * lower - upper > to - i - 1) return false;
    }
  }
  const letters = upper + lower;
  return letters >= 3 && upper / letters >= 0.75;
};

const SMALL_WORDS = new Set([
  'of',
  'and',
  'or',
  'the',
  'a',
  'an',
  'in',
  'to',
  'for',
  'on',
  'with',
  'by',
  'at',
  'from',
  'as',
]);
const isTitleCase = (s: string): boolean => {
  const words = s.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  if (words.length === 0) return false;
  let capital = 0;
  let counted = 0;
  for (const w of words) {
    if (SMALL_WORDS.has(w.toLowerCase())) continue;
    counted++;
    if (/^[A-Z0-9“"'(]/.test(w)) capital++;
  }
  return counted > 0 && capital / counted >= 0.75;
};

/** Classifies "(x)" against the levels open above it: "(i)" after "(h)" is a letter, otherwise a roman numeral. */
function classifyParen(token: string, stack: readonly Level[]): { kind: Kind; value: number } {
  if (/^\d+$/.test(token)) return { kind: 'paren-digit', value: Number(token) };
  const lower = token === token.toLowerCase();
  if (lower) {
    if (isRomanText(token)) {
      const rv = romanValue(token);
      const roman = findLevel(stack, 'paren-roman');
      const letter = findLevel(stack, 'paren-lower');
      if (roman && roman.value === rv - 1) return { kind: 'paren-roman', value: rv };
      const continuesLetters =
        letter !== undefined && token.length === 1 && letter.value === letterValue(token) - 1;
      if (!continuesLetters && (rv === 1 || (roman && rv > roman.value)))
        return { kind: 'paren-roman', value: rv };
    }
    return { kind: 'paren-lower', value: letterValue(token) };
  }
  return { kind: 'paren-upper', value: letterValue(token) };
}

function classifyDotLetter(token: string, stack: readonly Level[]): { kind: Kind; value: number } {
  const single = token.toUpperCase();
  if (token.length > 1 || single === 'I' || single === 'V' || single === 'X') {
    const rv = romanValue(token);
    const roman = findLevel(stack, 'dot-roman');
    const upper = findLevel(stack, 'dot-upper');
    const lower = findLevel(stack, 'dot-lower');
    const continuesLetters =
      token.length === 1 &&
      ((upper !== undefined && upper.value === letterValue(token) - 1) ||
        (lower !== undefined && lower.value === letterValue(token) - 1));
    if (!continuesLetters && (token.length > 1 || rv === 1 || (roman && roman.value === rv - 1))) {
      return { kind: 'dot-roman', value: rv };
    }
  }
  return token === token.toUpperCase()
    ? { kind: 'dot-upper', value: letterValue(token) }
    : { kind: 'dot-lower', value: letterValue(token) };
}

function findLevel(stack: readonly Level[], kind: Kind): Level | undefined {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.kind === kind) return stack[i];
  return undefined;
}

/** Reads a list marker at `pos` ("(a)", "1.", "A.", "iv.", "1.1", "•"), or null. */
function readListMarker(text: string, pos: number, stack: readonly Level[]): Marker | null {
  const c = text.charCodeAt(pos);
  if (c === 40 /* ( */) {
    PAREN_RE.lastIndex = pos;
    const m = PAREN_RE.exec(text);
    if (!m) return null;
    const { kind, value } = classifyParen(m[1]!, stack);
    return { kind, value, norm: m[1]!, end: pos + m[0].length };
  }
  if (c >= 48 && c <= 57) {
    BARE_NUMBER_RE.lastIndex = pos;
    const m = BARE_NUMBER_RE.exec(text);
    if (!m) return null;
    const num = m[1]!;
    const firstDot = num.indexOf('.');
    if (firstDot === -1 && m[2] !== '.') return null; // "8 U.S.C." is not a marker
    const next = m[3]?.charCodeAt(0) ?? 0;
    if (next >= 97 && next <= 122 && m[2] !== '.') return null; // "4 hours" is not a marker
    if ((firstDot === -1 ? num.length : firstDot) >= 3)
      return { kind: 'section', value: 0, norm: num, end: pos + m[0].length };
    let parts = 1;
    for (let i = firstDot; i !== -1; i = num.indexOf('.', i + 1)) parts++;
    const lastDot = num.lastIndexOf('.');
    return {
      kind: DECIMAL_KINDS[Math.min(parts, 5)]!,
      value: Number(num.slice(lastDot + 1)),
      norm: num,
      end: pos + m[0].length,
    };
  }
  // Most lines start with a word: a letter is a marker only when "." follows it or it may begin a roman numeral,
  // and no bullet is a letter, so the two patterns below are tried only where they can match.
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
    if (text.charCodeAt(pos + 1) !== 46 /* . */ && !ROMAN_LETTER_CODES.has(c)) return null;
    DOT_LETTER_RE.lastIndex = pos;
    const d = DOT_LETTER_RE.exec(text);
    if (!d) return null;
    const { kind, value } = classifyDotLetter(d[1]!, stack);
    return { kind, value, norm: d[1]!, end: pos + d[0].length };
  }
  BULLET_RE.lastIndex = pos;
  const b = BULLET_RE.exec(text);
  if (b) return { kind: 'bullet', value: 0, norm: '•', end: pos + b[0].length };
  return null;
}

function readSectionMarker(text: string, pos: number): Marker | null {
  const c = text.charCodeAt(pos);
  // Quick reject: section keywords start with S, A, C, R, P, T, D or §.
  if (c !== 167 && c !== 83 && c !== 65 && c !== 67 && c !== 82 && c !== 80 && c !== 84 && c !== 68)
    return null;
  SECTION_RE.lastIndex = pos;
  const m = SECTION_RE.exec(text);
  if (!m) return null;
  return { kind: 'section', value: 0, norm: m[1]!, end: pos + m[0].length };
}

// Sticky patterns that only move `lastIndex` run with `test`, which builds no match array.
const skipSpace = (text: string, pos: number): number => {
  SPACE_RE.lastIndex = pos;
  SPACE_RE.test(text);
  return SPACE_RE.lastIndex;
};

/**
 * Reads a short title after a marker ("Definitions.", "LIMITS ON LOCAL POLICIES.", "Field Operations").
 * Returns the end of the title, or -1 when the text after the marker is a rule rather than a title.
 */
function readTitle(text: string, pos: number, end: number, requireTitleCase: boolean): number {
  const limit = Math.min(end, pos + 120);
  let stop = -1;
  for (let i = pos; i < limit; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 46 /* . */ || ch === 58 /* : */) {
      const next = text.charCodeAt(i + 1);
      if (i + 1 >= end || next === 32 || next === 9 || next === 10 || next === 13) {
        // "U.S." inside a title is not its end.
        const prev = text.charCodeAt(i - 1);
        const prev2 = text.charCodeAt(i - 2);
        if (ch === 46 && prev >= 65 && prev <= 90 && (prev2 === 46 || prev2 === 32)) continue;
        stop = i;
        break;
      }
    }
  }
  const titleEnd = stop === -1 ? (end - pos <= 100 ? end : -1) : stop;
  if (titleEnd <= pos) return -1;
  if (countWords(text, pos, titleEnd, 12) > 12) return -1;
  const hasMore = stop !== -1 && skipSpace(text, stop + 1) < end;
  if (stop !== -1 && text.charCodeAt(stop) === 58 && hasMore) return -1; // "The Sheriff shall:" is a lead-in
  const title = text.slice(pos, titleEnd);
  const upper = isUpperHeavy(text, pos, titleEnd);
  if (upper ? OPERATIVE_WORD_RE.test(title) : MODAL_WORD_RE.test(title)) return -1;
  if (!hasMore && requireTitleCase && !upper && !isTitleCase(title)) return -1;
  return stop === -1 ? titleEnd : stop + 1;
}

interface Piece {
  start: number;
  end: number;
  marker: Marker | null;
}

/** Splits a block body at run-in subsection markers ("...; (2) ...", ". (b) ..."), checking that each continues a list. */
function splitInlineMarkers(
  text: string,
  start: number,
  end: number,
  stack: readonly Level[],
  first: Marker | null,
): Piece[] {
  const pieces: Piece[] = [];
  const body = text.slice(start, end);
  if (body.indexOf('(') === -1) return [{ start, end, marker: first }];
  INLINE_PAREN_RE.lastIndex = 0;
  const local: Level[] = stack.slice();
  if (first)
    local.push({ kind: first.kind, value: first.value, marker: first.norm, segment: -1, heading: null });
  let pieceStart = start;
  let pieceMarker = first;
  let m: RegExpExecArray | null;
  while ((m = INLINE_PAREN_RE.exec(body)) !== null) {
    const token = m[1]!.slice(1, -1);
    const { kind, value } = classifyParen(token, local);
    const open = findLevel(local, kind);
    const precededByColon = m[0].charCodeAt(0) === 58;
    const ok = open
      ? value === open.value + 1
      : value === 1 && (precededByColon || m[0].charCodeAt(0) === 46);
    if (!ok) continue;
    const markerStart = start + m.index + m[0].indexOf('(');
    pieces.push({ start: pieceStart, end: markerStart, marker: pieceMarker });
    // Close deeper levels and open this one.
    const at = local.findIndex((l) => l.kind === kind);
    if (at >= 0) local.length = at;
    local.push({ kind, value, marker: token, segment: -1, heading: null });
    pieceStart = markerStart;
    pieceMarker = { kind, value, norm: token, end: markerStart + token.length + 2 };
  }
  pieces.push({ start: pieceStart, end, marker: pieceMarker });
  return pieces;
}

function isAbbreviationBefore(text: string, dot: number): boolean {
  if (text.charCodeAt(dot) !== 46) return false;
  let i = dot - 1;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 40 || c === 34 || c === 8220) break;
    i--;
  }
  const token = text.slice(i + 1, dot);
  if (token.length === 0) return false;
  if (token.length === 1 && /[A-Za-z]/.test(token)) return true; // initials, "U.S." pieces, "v."
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(token)) return true; // "U.S", "e.g", "U.S.C"
  return ABBREVIATIONS.has(token.toLowerCase());
}

/** Whether a continuation sentence ("This prohibition ...", "However, ...") starts at `s`, reading no further than `end`. */
const startsContinuation = (text: string, s: number, end: number): boolean => {
  // Every CONTINUATION_RE word starts with one of T S H P E N A; most sentences start with another letter.
  const c = text.charCodeAt(s);
  if (c !== 84 && c !== 83 && c !== 72 && c !== 80 && c !== 69 && c !== 78 && c !== 65) return false;
  return CONTINUATION_RE.test(text.slice(s, Math.min(end, s + 40)));
};

/**
 * The first match of a global pattern at or after a position of one text. Blocks and pieces are read in order, so the
 * match found past one block's end is the one the next blocks start from: the text is searched once in all, instead of
 * once on a slice of each block.
 */
interface Cursor {
  readonly text: string;
  readonly pattern: RegExp;
  /** Where the last search started; the match found is the first at or after it. */
  searchedFrom: number;
  /** Start of that match, or the text's length when there is none. */
  at: number;
  /** End of that match, or the text's length. */
  end: number;
}

const cursorOf = (text: string, pattern: RegExp): Cursor => ({
  text,
  pattern,
  searchedFrom: 0,
  at: -1,
  end: -1,
});

/** Moves `cursor` to the first match starting at or after `from`. */
const seek = (cursor: Cursor, from: number): void => {
  if (cursor.searchedFrom <= from && from <= cursor.at) return;
  cursor.searchedFrom = from;
  cursor.pattern.lastIndex = from;
  const m = cursor.pattern.exec(cursor.text);
  cursor.at = m ? m.index : cursor.text.length;
  cursor.end = m ? m.index + m[0].length : cursor.text.length;
};

/**
 * Where a string occurs in one text at or after a position, found by `indexOf` on the whole text and kept: blocks are
 * read in order, so the occurrence found past one block is the one the next blocks start from.
 */
interface Occurrences {
  readonly text: string;
  readonly needle: string;
  /** Where the last search started; `at` is the first occurrence at or after it. */
  searchedFrom: number;
  /** That occurrence, or the text's length when there is none. */
  at: number;
}

const occurrencesOf = (text: string, needle: string): Occurrences => ({
  text,
  needle,
  searchedFrom: 0,
  at: -1,
});

/** The first occurrence at or after `from`, or the text's length. */
const nextOccurrence = (o: Occurrences, from: number): number => {
  if (o.searchedFrom <= from && from <= o.at) return o.at;
  o.searchedFrom = from;
  const i = o.text.indexOf(o.needle, from);
  o.at = i === -1 ? o.text.length : i;
  return o.at;
};

const isSpaceOrTab = (c: number): boolean => c === 32 || c === 9;

/**
 * Whether an occurrence inside (start, end) follows a stop, closing quotes and spaces: what the lookbehind of
 * INLINE_SECTION_RE needs before "§", "Sec" or "SEC", read back no further than `start` as on a slice of the block.
 */
const anyAfterStop = (o: Occurrences, start: number, end: number): boolean => {
  const text = o.text;
  for (let k = nextOccurrence(o, start + 1); k < end; k = nextOccurrence(o, k + 1)) {
    let j = k - 1;
    if (!isSpaceOrTab(text.charCodeAt(j))) continue;
    while (j > start && isSpaceOrTab(text.charCodeAt(j))) j--;
    while (j > start && isInlineCloser(text.charCodeAt(j))) j--;
    const c = text.charCodeAt(j);
    if (c === 46 || c === 59 || c === 58 || c === 33 || c === 63) return true;
  }
  return false;
};

/** Closing quotes and brackets INLINE_SECTION_RE and INLINE_PAREN_RE allow after a stop: `"`, `”`, `’`, `)`. */
const isInlineCloser = (c: number): boolean => c === 34 || c === 8221 || c === 8217 || c === 41;

/**
 * Whether a "(" inside [start, end) is where INLINE_PAREN_RE would read a run-in marker: after `.`, `;`, `:` or `—`,
 * closing quotes, spaces and perhaps "and" or "or" with spaces, read back no further than `start`.
 */
const anyRunInParen = (o: Occurrences, start: number, end: number): boolean => {
  const text = o.text;
  for (let k = nextOccurrence(o, start); k < end; k = nextOccurrence(o, k + 1)) {
    let j = k - 1;
    if (j < start || !isSpaceOrTab(text.charCodeAt(j))) continue;
    while (j > start && isSpaceOrTab(text.charCodeAt(j))) j--;
    // "; and (b)", ". or (2)": the word and the spaces before it.
    let w = -1;
    if (text.startsWith('and', j - 2)) w = j - 3;
    else if (text.startsWith('or', j - 1)) w = j - 2;
    if (w >= start && isSpaceOrTab(text.charCodeAt(w))) {
      j = w;
      while (j > start && isSpaceOrTab(text.charCodeAt(j))) j--;
    }
    while (j > start && isInlineCloser(text.charCodeAt(j))) j--;
    const c = text.charCodeAt(j);
    if (j >= start && (c === 46 || c === 59 || c === 58 || c === 8212)) return true;
  }
  return false;
};

/** Closing quotes and brackets after a sentence stop: `"`, `”`, `’`, `)`, `]`. */
const isCloser = (c: number): boolean => c === 34 || c === 8221 || c === 8217 || c === 41 || c === 93;

/** Opening quotes and brackets before a sentence's first letter: `"`, `“`, `‘`, `(`, `[`. */
const isOpener = (c: number): boolean => c === 34 || c === 8220 || c === 8216 || c === 40 || c === 91;

/**
 * Sentence ranges inside [start, end), start and end of each one after the other, with continuation sentences
 * ("This prohibition ...") merged into the one before.
 */
function splitSentences(ends: Cursor, start: number, end: number, searchFrom: number): number[] {
  const text = ends.text;
  const out: number[] = [];
  let s = start;
  for (let from = searchFrom; ;) {
    seek(ends, from);
    const at = ends.at;
    const next = ends.end;
    if (at >= end) break;
    // A match counts only when it lies in the piece, up to the capital it looks ahead to. One that reaches past
    // `end` is the last before it: what follows the stop up to `end` is closing quotes and spaces.
    if ((isOpener(text.charCodeAt(next)) ? next + 1 : next) >= end) break;
    from = next;
    if (isAbbreviationBefore(text, at)) continue;
    // The sentence ends after its closing quotes or brackets, before the spaces.
    let sentenceEnd = at + 1;
    while (isCloser(text.charCodeAt(sentenceEnd))) sentenceEnd++;
    if (out.length === 0 && s === start) {
      out.push(s, sentenceEnd);
    } else if (startsContinuation(text, s, end)) {
      out[out.length - 1] = sentenceEnd;
    } else {
      out.push(s, sentenceEnd);
    }
    s = next;
  }
  if (s < end) {
    if (out.length > 0 && startsContinuation(text, s, end)) out[out.length - 1] = end;
    else out.push(s, end);
  }
  return out;
}

/** Space, tab, CR, LF, form feed, vertical tab, no-break space. */
const isSpaceCode = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 160;

/** Words in text[from, to), counting runs of non-space characters, stopping early past `limit`. */
const countWords = (text: string, from: number, to: number, limit: number): number => {
  let words = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    if (isSpaceCode(text.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++words > limit) return words;
    }
  }
  return words;
};

/** The start of text[start, end) past its spaces. */
const trimStart = (text: string, start: number, end: number): number => {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  return start;
};

/** The end of text[start, end) before its spaces. */
const trimEnd = (text: string, start: number, end: number): number => {
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
};

/**
 * Whether the provision text[start, end) (trimmed of spaces) ends with a colon or a dash: it introduces a list. Past a
 * last character in ASCII, which is not a space here, the answer is that character; only a wider space (which
 * `trimEnd` takes away) needs the slice.
 */
const endsLeadIn = (text: string, start: number, end: number): boolean => {
  const c = text.charCodeAt(end - 1);
  if (c === 58 || c === 8212) return true;
  if (c < 128) return false;
  return /[:—]$/.test(text.slice(Math.max(start, end - 3), end).trimEnd());
};

/**
 * Whether text[start, end) (trimmed of spaces) is a marker alone, "(a)" or "1." with nothing after it. A marker has
 * at most 8 characters; when both ends are ASCII (so not spaces) a longer range cannot be one.
 */
const isBareMarker = (text: string, start: number, end: number): boolean => {
  if (end - start > 8 && text.charCodeAt(start) < 128 && text.charCodeAt(end - 1) < 128) return false;
  return /^\s*(?:\(\w{1,6}\)|\w{1,5}\.|[•\-–*])\s*$/.test(text.slice(start, end));
};

const endsWithTerminal = (text: string, end: number): boolean => {
  let i = end - 1;
  for (;;) {
    const c = text.charCodeAt(i);
    // closing quotes, brackets and spaces
    if (i >= 0 && (c === 34 || c === 8221 || c === 8217 || c === 41 || c === 93 || isSpaceCode(c))) i--;
    else break;
  }
  if (i < 0) return false;
  const c = text.charCodeAt(i);
  if (c === 46 || c === 59 || c === 58 || c === 33 || c === 63) return true;
  // "...; and" / "...; or" closes a recital or a list item.
  return (c === 100 || c === 114) && /[;,]\s*(?:and|or)$/.test(text.slice(Math.max(0, end - 8), end));
};

/** Line-level blocks: paragraphs, with hard-wrapped lines joined back. Returns start and end of each, one after the other. */
function readBlocks(text: string): number[] {
  const blocks: number[] = [];
  const n = text.length;
  let pos = 0;
  let blockStart = -1;
  let blockEnd = -1;
  let prevLen = 0;
  let prevTerminal = true;
  let prevUpper = false;
  const close = () => {
    if (blockStart >= 0) blocks.push(blockStart, blockEnd);
    blockStart = -1;
  };
  while (pos <= n) {
    let nl = text.indexOf('\n', pos);
    if (nl === -1) nl = n;
    let ls = pos;
    let le = nl;
    while (ls < le && isSpaceCode(text.charCodeAt(ls))) ls++;
    while (le > ls && isSpaceCode(text.charCodeAt(le - 1))) le--;
    if (ls === le) {
      close();
    } else {
      const first = text.charCodeAt(ls);
      const startsLower = first >= 97 && first <= 122;
      // Whether the line starts with a marker is read last: it matters only for a line that may continue the one
      // before, and most lines follow one that ends a sentence.
      const mayContinue: boolean =
        blockStart >= 0 &&
        !prevTerminal &&
        !prevUpper &&
        (startsLower || prevLen >= 60) &&
        !(startsLower ? startsLowerMarker(text, ls) : startsMarker(text, ls));
      const lineTerminal = endsWithTerminal(text, le);
      const lineUpper: boolean =
        (mayContinue || !lineTerminal) && isUpperHeavy(text, ls, Math.min(le, ls + 80));
      const continues = mayContinue && !(lineUpper && le - ls < 100);
      if (!continues) {
        close();
        blockStart = ls;
      }
      blockEnd = le;
      prevLen = le - ls;
      prevTerminal = lineTerminal;
      prevUpper = lineUpper && le - ls < 120;
      if (text.charCodeAt(ls) === 12 /* form feed */) prevTerminal = true;
    }
    pos = nl + 1;
  }
  close();
  return blocks;
}

/** Whether a line starting with a lower-case letter starts with a list marker ("a. ", "iv. "). */
const startsLowerMarker = (text: string, pos: number): boolean => {
  LOWER_MARKER_RE.lastIndex = pos;
  return LOWER_MARKER_RE.test(text);
};

/** Whether a line starts with a section or list marker. */
const startsMarker = (text: string, pos: number): boolean =>
  readSectionMarker(text, pos) !== null || readListMarker(text, pos, NO_LEVELS) !== null;

/** Splits one block further at run-in section headings ("... Ordinance. § 2. Civil immigration detainers. (a) ..."). */
function splitAtInlineSections(text: string, start: number, end: number): Array<[number, number]> {
  const body = text.slice(start, end);
  const out: Array<[number, number]> = [];
  INLINE_SECTION_RE.lastIndex = 0;
  let s = start;
  let m: RegExpExecArray | null;
  while ((m = INLINE_SECTION_RE.exec(body)) !== null) {
    const at = start + m.index;
    let dot = at - 1;
    while (dot > start && /["”’)]/.test(text[dot]!)) dot--;
    if (isAbbreviationBefore(text, dot)) continue;
    if (at > s) out.push([s, at]);
    s = at + m[0].length;
  }
  out.push([s, end]);
  return out;
}

/** Segments `text` into provisions. Headings are not provisions; they are kept on the segments below them. */
export function segmentProvisions(text: string): Segment[] {
  const segments: Segment[] = [];
  const stack: Level[] = [];
  const sentenceEnds = cursorOf(text, SENTENCE_END_RE);
  const sectionSigns = occurrencesOf(text, '§');
  const secWords = occurrencesOf(text, 'Sec');
  const secCapitals = occurrencesOf(text, 'SEC');
  const parens = occurrencesOf(text, '(');
  /** Whether text[start, end) may hold a run-in section heading: "§", "Sec" or "SEC" after a stop and spaces. */
  const mayHoldInlineSection = (start: number, end: number): boolean =>
    anyAfterStop(sectionSigns, start, end) ||
    anyAfterStop(secWords, start, end) ||
    anyAfterStop(secCapitals, start, end);
  // Heading arrays are shared: segments with the same headings get the same array, so the caches downstream that are
  // keyed by the array (tagger, review) hit. `withHeading(hs, h)` is the one array for `hs` followed by `h`.
  const NO_HEADINGS: string[] = [];
  const extended = new Map<readonly string[], Map<string, string[]>>();
  const withHeading = (hs: string[], heading: string): string[] => {
    let next = extended.get(hs);
    if (!next) {
      next = new Map();
      extended.set(hs, next);
    }
    let out = next.get(heading);
    if (!out) {
      out = [...hs, heading];
      next.set(heading, out);
    }
    return out;
  };
  const tails = new Map<readonly string[], string[]>();
  /** The shared array for `hs` without its first heading. */
  const withoutFirst = (hs: string[]): string[] => {
    let tail = tails.get(hs);
    if (!tail) {
      tail = NO_HEADINGS;
      for (let i = 1; i < hs.length; i++) tail = withHeading(tail, hs[i]!);
      tails.set(hs, tail);
    }
    return tail;
  };
  let topHeadings: string[] = NO_HEADINGS;
  let sectionLabel: string | null = null;
  let sectionNumber: string | null = null;
  let sectionCounter = 0;

  // Headings and labels change only when the structure does; the cache key is the open levels.
  // Levels are never mutated except for their `segment`, so the same level objects mean the same labels and headings.
  let cachedLevels: Level[] = [];
  let cachedTop: string[] = topHeadings;
  let cachedSection: string | null = null;
  let headingsValue: string[] = [];
  let labelValue: { label: string | null; path: string[] } = { label: null, path: [] };
  const refreshCache = (): void => {
    let same =
      cachedTop === topHeadings && cachedSection === sectionLabel && cachedLevels.length === stack.length;
    for (let i = 0; same && i < stack.length; i++) if (cachedLevels[i] !== stack[i]) same = false;
    if (same) return;
    cachedLevels = stack.slice();
    cachedTop = topHeadings;
    cachedSection = sectionLabel;
    // Each level keeps the headings down to it (the levels below an open level, and the top headings, do not change
    // while it is open).
    let hs = topHeadings;
    for (const l of stack) {
      l.headings ??= l.heading ? withHeading(hs, l.heading) : hs;
      hs = l.headings;
    }
    headingsValue = hs;
    labelValue = computeLabel();
  };
  const headingsNow = (): string[] => {
    refreshCache();
    return headingsValue;
  };
  const labelNow = (): { label: string | null; path: string[] } => {
    refreshCache();
    return labelValue;
  };
  const computeLabel = (): { label: string | null; path: string[] } => {
    let label = sectionLabel ?? '';
    const path: string[] = [];
    let prevDot = false;
    for (const l of stack) {
      if (l.kind === 'section' || l.kind === 'plain') continue;
      path.push(l.marker);
      if (l.kind.startsWith('paren')) {
        label += `(${l.marker})`;
        prevDot = false;
      } else if (l.kind === 'bullet') {
        continue;
      } else {
        label += label === '' ? l.marker : prevDot ? `.${l.marker}` : ` ${l.marker}`;
        prevDot = true;
      }
    }
    return { label: label === '' ? null : label, path };
  };

  const openLevel = (marker: Marker, heading: string | null): void => {
    if (marker.kind === 'section') {
      stack.length = 0;
      return;
    }
    const at = stack.findIndex((l) => l.kind === marker.kind);
    if (at >= 0) stack.length = at;
    else {
      // A new list kind: plain text above it stays its parent; nothing else closes.
    }
    stack.push({
      kind: marker.kind,
      value: marker.value,
      marker: marker.norm.charCodeAt(marker.norm.length - 1) === 46 ? marker.norm.slice(0, -1) : marker.norm,
      segment: -1,
      heading,
    });
  };

  const parentIndex = (): number => {
    for (let i = stack.length - 2; i >= 0; i--) {
      const l = stack[i]!;
      if (l.segment >= 0) return l.segment;
      if (l.heading) return -1;
    }
    return -1;
  };

  const emit = (pieceStart: number, pieceEnd: number, marker: Marker | null): void => {
    const ps = trimStart(text, pieceStart, pieceEnd);
    const pe = trimEnd(text, ps, pieceEnd);
    if (pe <= ps) return;
    const markerIncluded = marker !== null;
    const sentences = splitSentences(
      sentenceEnds,
      ps,
      pe,
      markerIncluded ? Math.min(pe, Math.max(ps, marker.end)) : ps,
    );
    const { label, path } = labelNow();
    const headings = headingsNow();
    const parent = parentIndex();
    const last = sentences.length - 2;
    for (let k = 0; k <= last; k += 2) {
      const i = k >> 1;
      const s = trimStart(text, sentences[k]!, sentences[k + 1]!);
      const e = trimEnd(text, s, sentences[k + 1]!);
      if (e <= s) continue;
      // A "sentence" longer than any real provision (a table, OCR noise, hostile input) is cut into chunks, so the
      // work per provision stays bounded; the later chunks are continuations.
      if (e - s > MAX_SEGMENT_CHARS) {
        let at = s;
        while (e - at > MAX_SEGMENT_CHARS) {
          let cut = text.lastIndexOf(' ', at + MAX_SEGMENT_CHARS);
          if (cut <= at + MAX_SEGMENT_CHARS / 2) cut = at + MAX_SEGMENT_CHARS;
          const cs = trimStart(text, at, cut);
          const ce = trimEnd(text, cs, cut);
          if (ce > cs) {
            segments.push({
              start: cs,
              end: ce,
              label,
              sectionNumber,
              path,
              headings,
              parent,
              section: sectionCounter,
              isLeadIn: false,
              isContinuation: at > s || i > 0,
            });
          }
          at = cut;
        }
        const rs = trimStart(text, at, e);
        const re = trimEnd(text, rs, e);
        if (re <= rs) continue;
        segments.push({
          start: rs,
          end: re,
          label,
          sectionNumber,
          path,
          headings,
          parent,
          section: sectionCounter,
          isLeadIn: k === last && endsLeadIn(text, rs, re),
          isContinuation: true,
        });
        continue;
      }
      // A bare marker ("(a)") with nothing after it is not a provision.
      if (k === 0 && markerIncluded && isBareMarker(text, s, e)) continue;
      segments.push({
        start: s,
        end: e,
        label,
        sectionNumber,
        path,
        headings,
        parent,
        section: sectionCounter,
        isLeadIn: k === last && endsLeadIn(text, s, e),
        isContinuation: i > 0,
      });
    }
    const top = stack[stack.length - 1];
    if (top && segments.length > 0) top.segment = segments.length - 1;
  };

  const blocks = readBlocks(text);
  for (let b = 0; b < blocks.length; b += 2) {
    const blockStart = blocks[b]!;
    const blockEnd = blocks[b + 1]!;
    // A run-in section heading ("... Ordinance. § 2. Civil immigration detainers. (a) ...") needs the hint before it.
    if (!mayHoldInlineSection(blockStart, blockEnd)) readUnit(blockStart, blockEnd);
    else
      for (const [subStart, subEnd] of splitAtInlineSections(text, blockStart, blockEnd))
        readUnit(subStart, subEnd);
  }

  /** One block, or one run-in section of it: a section or list item with its text, a heading, or plain text. */
  function readUnit(subStart: number, subEnd: number): void {
    let pos = skipSpace(text, subStart);
    if (pos >= subEnd) return;
    const section = readSectionMarker(text, pos);
    let listMarker: Marker | null = section ? null : readListMarker(text, pos, stack);
    // A numbered section opens here: "Sec. 4." read above, or a statute-style number ("7290.6.", "415.1") that reads
    // as a list marker. Its number, an optional title, then (on the same line) its text or its first subsection.
    let opened: { end: number; norm: string; label: string } | null = null;
    if (section) {
      opened = {
        end: section.end,
        norm: section.norm,
        label: text.slice(pos, section.end).trim().replace(/\.$/, ''),
      };
    } else if (listMarker && listMarker.kind === 'section') {
      opened = { end: listMarker.end, norm: listMarker.norm, label: listMarker.norm };
    }
    let markerStart = pos;
    if (opened) {
      sectionCounter++;
      sectionNumber = opened.norm;
      sectionLabel = opened.label;
      stack.length = 0;
      SEP_RE.lastIndex = opened.end;
      SEP_RE.test(text);
      let after = SEP_RE.lastIndex;
      const titleEnd =
        after < subEnd && text.charCodeAt(after) !== 40 ? readTitle(text, after, subEnd, false) : -1;
      const heading = text.slice(pos, titleEnd > 0 ? titleEnd : opened.end).trim();
      if (titleEnd > 0) after = skipSpace(text, titleEnd);
      stack.push({ kind: 'section', value: 0, marker: opened.norm, segment: -1, heading });
      if (after >= subEnd) return; // heading only
      pos = after;
      markerStart = pos;
      // Section text with no subsection marker: the section itself is the provision.
      listMarker = readListMarker(text, pos, stack);
      if (listMarker && listMarker.kind === 'section') listMarker = null;
    }

    if (listMarker) {
      // Title after a list marker ("A. Definitions.", "C. Records"): a heading for what follows.
      const isParen = listMarker.kind.startsWith('paren');
      const after = skipSpace(text, listMarker.end);
      const titleEnd = !isParen && listMarker.kind !== 'bullet' ? readTitle(text, after, subEnd, true) : -1;
      if (titleEnd > 0) {
        const title = text.slice(markerStart, titleEnd).trim();
        const bodyStart = skipSpace(text, titleEnd);
        openLevel(listMarker, title);
        if (bodyStart >= subEnd) return; // heading only
        emitPieces(bodyStart, subEnd, null);
      } else {
        openLevel(listMarker, null);
        emitPieces(markerStart, subEnd, listMarker);
      }
      return;
    }

    if (!section) {
      // Unnumbered block: a heading when it looks like one, otherwise plain text at the current level.
      const length = subEnd - pos;
      let isHeading = false;
      if (length <= 200) {
        const blockText = text.slice(pos, subEnd);
        // Cheapest tests first: most blocks are neither capitals nor short and open.
        isHeading =
          (isUpperHeavy(text, pos, subEnd) && !OPERATIVE_WORD_RE.test(blockText)) ||
          (length <= 90 &&
            !endsWithTerminal(text, subEnd) &&
            countWords(text, pos, subEnd, 12) <= 12 &&
            !MODAL_WORD_RE.test(blockText));
      }
      if (isHeading) {
        stack.length = 0;
        sectionLabel = null;
        sectionNumber = null;
        // The last three headings: the two kept and this one.
        topHeadings = withHeading(
          topHeadings.length > 2 ? withoutFirst(topHeadings) : topHeadings,
          text.slice(pos, subEnd).trim(),
        );
        return;
      }
      // Plain paragraph: close open list levels (keep headings), then sit at this level.
      while (
        stack.length > 0 &&
        stack[stack.length - 1]!.heading === null &&
        stack[stack.length - 1]!.kind !== 'section'
      ) {
        stack.pop();
      }
      stack.push({ kind: 'plain', value: 0, marker: '', segment: -1, heading: null });
      emitPieces(pos, subEnd, null);
      return;
    }
    // Section heading followed by its text.
    stack.push({ kind: 'plain', value: 0, marker: '', segment: -1, heading: null });
    emitPieces(pos, subEnd, null);
  }

  function emitPieces(start: number, end: number, first: Marker | null): void {
    // Most pieces have no run-in marker: it needs a "(" after a stop, spaces and perhaps "and" or "or".
    if (!anyRunInParen(parens, start, end)) {
      emit(start, end, first);
      return;
    }
    const pieces = splitInlineMarkers(text, start, end, stack.slice(0, first ? -1 : undefined), first);
    pieces.forEach((piece, i) => {
      if (i > 0 && piece.marker) {
        // Run-in marker: open its level under the piece before it when it is a new list.
        const at = stack.findIndex((l) => l.kind === piece.marker!.kind);
        if (at >= 0) stack.length = at;
        stack.push({
          kind: piece.marker.kind,
          value: piece.marker.value,
          marker: piece.marker.norm,
          segment: -1,
          heading: null,
        });
      }
      emit(piece.start, piece.end, piece.marker);
    });
  }

  return segments;
}
