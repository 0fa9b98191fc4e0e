// One pass over a text that records, per segment, which groups of literal stems occur (a cheap pre-check for the tagger).
//
// The tagger's patterns are only worth running on a provision when one of their literal stems occurs in it. Checking
// every stem with `includes` per provision costs a pass per stem; this scanner finds all stems of all groups in one
// pass over the segments, looking up the first three characters of each word in a bit table. The word starts it
// visits are kept (scanWords), so the tagger's word-start scanner can use them instead of a second pass.

export interface LiteralGroups {
  /** Group index by name. */
  readonly index: ReadonlyMap<string, number>;
  /** Number of 32-bit words per segment mask. */
  readonly words: number;
  readonly scan: (text: string, starts: ArrayLike<number>, ends: ArrayLike<number>) => Uint32Array;
  /** `scan`, also keeping the word starts it visits (see ScannedWords). */
  readonly scanWords: (
    text: string,
    starts: ArrayLike<number>,
    ends: ArrayLike<number>,
  ) => { masks: Uint32Array; words: ScannedWords };
}

/**
 * The word starts a scan visited, so the tagger's word-start scanner (word-start-scan.ts) need not walk the segment's
 * characters again. In a plain segment (ASCII only, no "_") they are exactly the regex \b word starts of the segment
 * text, except at its very start (a word that runs in from before the segment is skipped) and in its last two
 * characters (no stem starts there); elsewhere "é" and "_" make the two kinds of word differ.
 */
export interface ScannedWords {
  /** Absolute positions, segment by segment: those of segment s at [from[s], from[s + 1]). */
  readonly positions: Int32Array;
  readonly from: Int32Array;
  /** 1 for a plain segment. */
  readonly plain: Uint8Array;
  /** 1 for a segment with a double quote (" or “), which the tagger's quotation pattern needs. */
  readonly quoted: Uint8Array;
}

/**
 * A stem and every group it belongs to, as (mask word, bits) pairs: a stem shared by several groups ("immigration")
 * is compared once.
 */
interface Needle {
  readonly text: string;
  readonly bits: number[];
}

// ASCII case folding only: offsets must stay those of the input, and every stem is ASCII.
const fold = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Letters, digits and the few characters stems start with ("§" is not one: stems are ASCII). */
const isWordCode = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
/**
 * Per UTF-16 code: 1 for an ASCII letter or digit (a stem may start there), 2 for any non-ASCII character (part of a
 * word, so no stem starts after it), 4 for "_" and 0 for the rest (separators: `CLASS & 3` is 0); plus 8 for a
 * double quote, straight or opening.
 */
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) CLASS[c] = c > 127 ? 2 : isWordCode(c) ? 1 : c === 95 ? 4 : 0;
CLASS[34] = 8;
CLASS[0x201c] = 2 | 8;
const IN_WORD = 3;
const NOT_PLAIN = 6;
const QUOTE = 8;

function keyOf(stem: string): number {
  const a = stem.charCodeAt(0);
  const b = stem.charCodeAt(1);
  const c = stem.charCodeAt(2);
  if (stem.length < 3 || a > 127 || b > 127 || c > 127 || !isWordCode(a)) {
    throw new Error(
      `a literal stem must start with three ASCII characters, the first a letter or digit: "${stem}"`,
    );
  }
  return (a << 14) | (b << 7) | c;
}

function addNeedle(table: Map<number, Needle[]>, text: string, group: number): void {
  const key = keyOf(text);
  let list = table.get(key);
  if (!list) {
    list = [];
    table.set(key, list);
  }
  let needle = list.find((n) => n.text === text);
  if (!needle) {
    needle = { text, bits: [] };
    list.push(needle);
  }
  const word = group >>> 5;
  let k = 0;
  while (k < needle.bits.length && needle.bits[k] !== word) k += 2;
  if (k === needle.bits.length) needle.bits.push(word, 0);
  needle.bits[k + 1]! |= 1 << (group & 31);
}

const setBits = (masks: Uint32Array, base: number, bits: readonly number[]): void => {
  for (let k = 0; k < bits.length; k += 2) masks[base + bits[k]!]! |= bits[k + 1]!;
};

const matchesFolded = (text: string, at: number, needle: string): boolean => {
  if (at + needle.length > text.length) return false;
  for (let k = 3; k < needle.length; k++)
    if (fold(text.charCodeAt(at + k)) !== needle.charCodeAt(k)) return false;
  return true;
};

// Capitalised stems are acronyms ("ICE", "DHS"): they must stand as words, so "POLICE" and "NOTICE" do not count.
const matchesExact = (text: string, at: number, needle: string): boolean =>
  text.startsWith(needle, at) &&
  !isLetter(text.charCodeAt(at - 1)) &&
  !isLetter(text.charCodeAt(at + needle.length));

/**
 * The needles by three-character key, as an open-addressed hash table: the scan looks a key up only after the bit
 * table has said it is present, so the probe always ends at it. A `Map` lookup plus its iterator cost about a
 * seventh of the whole scan; this is a multiply, a shift and (almost always) one compare.
 */
interface NeedleTable {
  readonly keys: Int32Array;
  readonly lists: ReadonlyArray<readonly Needle[]>;
  readonly mask: number;
}

function toNeedleTable(table: ReadonlyMap<number, Needle[]>): NeedleTable {
  let size = 8;
  while (size < 4 * table.size) size *= 2;
  const keys = new Int32Array(size).fill(-1);
  const lists: Needle[][] = new Array<Needle[]>(size).fill([]);
  const mask = size - 1;
  for (const [key, list] of table) {
    let h = slotOf(key, mask);
    while (keys[h] !== -1) h = (h + 1) & mask;
    keys[h] = key;
    lists[h] = list;
  }
  return { keys, lists, mask };
}

const slotOf = (key: number, mask: number): number => (Math.imul(key, 0x9e3779b1) >>> 11) & mask;

/** The needles of a key known to be in the table. */
const needlesAt = (table: NeedleTable, key: number): readonly Needle[] => {
  const { keys, mask } = table;
  let h = slotOf(key, mask);
  while (keys[h] !== key) h = (h + 1) & mask;
  return table.lists[h]!;
};

/**
 * Builds a scanner for named groups of stems (each at least three characters, starting with a letter or digit). A
 * stem matches at the start of a word and may run into the rest of it ("detain" finds "detainer"), which is what a
 * pre-check for \b-anchored patterns needs. Lower-case stems match in any ASCII case;
 * stems with capitals are acronyms, matched exactly and as whole words.
 */
export function buildLiteralGroups(groups: Readonly<Record<string, readonly string[]>>): LiteralGroups {
  const names = Object.keys(groups);
  const index = new Map(names.map((n, i) => [n, i]));
  const words = Math.ceil(names.length / 32);
  const folded = new Map<number, Needle[]>();
  const exact = new Map<number, Needle[]>();
  names.forEach((name, group) => {
    for (const stem of groups[name]!) {
      if (stem === stem.toLowerCase()) addNeedle(folded, stem, group);
      else addNeedle(exact, stem, group);
    }
  });
  // One bit per three-character key (2^21 keys, 256 KB each): most positions are rejected by one lookup.
  const foldedKeys = new Uint8Array(1 << 18);
  const exactKeys = new Uint8Array(1 << 18);
  for (const key of folded.keys()) foldedKeys[key >>> 3]! |= 1 << (key & 7);
  for (const key of exact.keys()) exactKeys[key >>> 3]! |= 1 << (key & 7);
  const hasExact = exact.size > 0;
  const foldedTable = toNeedleTable(folded);
  const exactTable = toNeedleTable(exact);

  const scanWords = (
    text: string,
    starts: ArrayLike<number>,
    ends: ArrayLike<number>,
  ): { masks: Uint32Array; words: ScannedWords } => {
    const count = starts.length;
    const masks = new Uint32Array(count * words);
    let room = 0;
    for (let seg = 0; seg < count; seg++) room += Math.max(0, ends[seg]! - starts[seg]!);
    // A word start follows a separator, so a segment of n characters has at most n / 2 + 1.
    const positions = new Int32Array((room >>> 1) + count);
    const from = new Int32Array(count + 1);
    const plain = new Uint8Array(count);
    const quoted = new Uint8Array(count);
    let n = 0;
    for (let seg = 0; seg < count; seg++) {
      from[seg] = n;
      const to = ends[seg]! - 2;
      const base = seg * words;
      /** The classes seen beyond letters, digits and separators (see plain). */
      let seen = 0;
      // Stems are word prefixes: only positions that start a word are looked up, so the loop steps over whole runs of
      // word characters. Non-ASCII letters count as word characters, so nothing starts in the middle of "café".
      let i = starts[seg]!;
      if (i > 0 && isWordCode(text.charCodeAt(i - 1)))
        while (i < to && (CLASS[text.charCodeAt(i)]! & IN_WORD) !== 0) seen |= CLASS[text.charCodeAt(i++)]!;
      for (; i < to; i++) {
        const ra = text.charCodeAt(i);
        const cls = CLASS[ra]!;
        seen |= cls;
        if ((cls & IN_WORD) === 0) continue;
        const at = i;
        let next: number;
        while (i + 1 < to && ((next = CLASS[text.charCodeAt(i + 1)]!) & IN_WORD) !== 0) {
          seen |= next;
          i++;
        }
        if (cls === 2) continue;
        positions[n++] = at;
        const rb = text.charCodeAt(at + 1);
        const rc = text.charCodeAt(at + 2);
        if ((ra | rb | rc) > 127) continue;
        const key = (fold(ra) << 14) | (fold(rb) << 7) | fold(rc);
        if ((foldedKeys[key >>> 3]! & (1 << (key & 7))) !== 0) {
          const needles = needlesAt(foldedTable, key);
          for (let k = 0; k < needles.length; k++) {
            const needle = needles[k]!;
            if (matchesFolded(text, at, needle.text)) setBits(masks, base, needle.bits);
          }
        }
        if (hasExact) {
          const exactKey = (ra << 14) | (rb << 7) | rc;
          if ((exactKeys[exactKey >>> 3]! & (1 << (exactKey & 7))) !== 0) {
            const needles = needlesAt(exactTable, exactKey);
            for (let k = 0; k < needles.length; k++) {
              const needle = needles[k]!;
              if (matchesExact(text, at, needle.text)) setBits(masks, base, needle.bits);
            }
          }
        }
      }
      for (let j = Math.max(starts[seg]!, to); j < ends[seg]!; j++) seen |= CLASS[text.charCodeAt(j)]!;
      plain[seg] = (seen & NOT_PLAIN) === 0 ? 1 : 0;
      quoted[seg] = (seen & QUOTE) === 0 ? 0 : 1;
    }
    from[count] = n;
    return { masks, words: { positions, from, plain, quoted } };
  };
  const scan = (text: string, starts: ArrayLike<number>, ends: ArrayLike<number>): Uint32Array =>
    scanWords(text, starts, ends).masks;
  return { index, words, scan, scanWords };
}

/** True when segment `seg` contains a stem of group `group`. */
export const hasGroup = (masks: Uint32Array, words: number, seg: number, group: number): boolean =>
  (masks[seg * words + (group >>> 5)]! & (1 << (group & 31))) !== 0;
