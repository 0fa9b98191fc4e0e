// Splits prose into sentences and paragraphs without breaking at "Jan.", "Calif.", "U.S.C." or "N.D. Ill.".

export type Sentence = {
  readonly start: number;
  readonly end: number;
  /** Index of the paragraph (blank-line separated block) it belongs to. */
  readonly paragraph: number;
  /** A list item line ("- Chicago, Ill.", "• Cook County", "1. Albany"). */
  readonly isListItem: boolean;
};

// Words whose trailing period is not a sentence end.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr st ste ft mt jan feb mar apr jun jul aug sep sept oct nov dec no nos gov sen rep lt gen col ' +
    'capt sgt inc co corp ltd jr sr v vs cal calif ill wash mass miss fla ky colo ore vt ariz conn pa va tenn ' +
    'tex mich minn wis ala ark del ga ind kan la md mo mont neb nev okla wyo sec sect art para p pp etc cir ' +
    'ct supp f dist dept atty assn ave blvd rd fed reg am pm ph approx est op hon gen stat ann al cf id'
  ).split(' '),
);
// State abbreviations end a sentence when a typical sentence opener follows ("... Burlington, Vt. The city ...").
const STATE_ABBREVIATIONS = new Set(
  'cal calif ill wash mass miss fla ky colo ore vt ariz conn pa va tenn tex mich minn wis ala ark del ga ind kan la md mo mont neb nev okla wyo'.split(
    ' ',
  ),
);
const OPENERS = new Set(
  (
    'the a an in on at it its he she they this that these those but and or officials after before when while ' +
    'as if we our his her their there last earlier later meanwhile under both several some many most none ' +
    'according critics supporters sessions'
  ).split(' '),
);
const LIST_ITEM = /^[ \t]*(?:[-*•·–—]|\d{1,3}[.)]|\([a-z0-9]{1,3}\))[ \t]+/;
const SENTENCE_END = /[.!?]["”’)\]]*(?=\s)/g;

/** Sentences of `text` in order; blank lines separate paragraphs, list items and short lines stand alone. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  // Lines first: a blank line closes a paragraph; a list item, a short line or a line ending in ":" stands alone;
  // other lines are wrapped prose and join the next line.
  const blocks: { start: number; end: number; paragraph: number; isListItem: boolean }[] = [];
  let blockStart = -1;
  let pos = 0;
  let sawBlank = false;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(pos, end);
    const trimmed = line.trim();
    if (trimmed.length === 0) {
      if (blockStart >= 0) blocks.push({ start: blockStart, end: pos, paragraph, isListItem: false });
      blockStart = -1;
      if (!sawBlank) paragraph++;
      sawBlank = true;
    } else {
      sawBlank = false;
      const isItem = LIST_ITEM.test(line);
      if (isItem && blockStart >= 0) {
        blocks.push({ start: blockStart, end: pos, paragraph, isListItem: false });
        blockStart = -1;
      }
      if (blockStart < 0) blockStart = pos;
      const standsAlone = isItem || trimmed.length < 60 || /:$/.test(trimmed) || /[.!?"”]$/.test(trimmed);
      if (standsAlone) {
        blocks.push({ start: blockStart, end, paragraph, isListItem: isItem });
        blockStart = -1;
      }
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  if (blockStart >= 0) blocks.push({ start: blockStart, end: text.length, paragraph, isListItem: false });

  for (const b of blocks) {
    let s = b.start;
    const chunk = text.slice(b.start, b.end);
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(chunk); m; m = SENTENCE_END.exec(chunk)) {
      const at = b.start + m.index;
      const end = at + m[0].length;
      if (text.charAt(at) === '.' && !isSentencePeriod(text, at, end)) continue;
      if (end - s > 1) out.push(trim(text, s, end, b.paragraph, b.isListItem));
      s = end;
    }
    if (b.end > s) {
      const t = trim(text, s, b.end, b.paragraph, b.isListItem);
      if (t.end > t.start) out.push(t);
    }
  }
  return out.filter((x) => x.end > x.start);
}

function trim(text: string, start: number, end: number, paragraph: number, isListItem: boolean): Sentence {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  return { start: s, end: e, paragraph, isListItem };
}

/** Whether the period at `at` ends a sentence. */
function isSentencePeriod(text: string, at: number, end: number): boolean {
  // "1." opening a numbered list item is its marker, not a sentence.
  const head = text.slice(Math.max(0, at - 6), at);
  if (/(?:^|\n)[ \t]*\d{1,3}$/.test(head) && (at <= 6 || head.includes('\n'))) return false;
  let k = at;
  while (k > 0 && at - k < 20 && /[A-Za-z.]/.test(text.charAt(k - 1))) k--;
  const word = text.slice(k, at);
  const bare = word.replace(/\./g, '').toLowerCase();
  const nextWord = /^\s*["“]?([A-Za-z]+)/.exec(text.slice(end, end + 30))?.[1] ?? '';
  const nextIsLower = /^[a-z]/.test(nextWord);
  if (nextIsLower) return false;
  // Dotted initials ("U.S.", "N.Y.", "D.C.") end a sentence only before an opener.
  if (word.includes('.') || STATE_ABBREVIATIONS.has(bare)) return OPENERS.has(nextWord.toLowerCase());
  if (ABBREVIATIONS.has(bare)) return false;
  // A single capital is an initial ("John F. Kennedy").
  if (/^[A-Z]$/.test(word)) return false;
  return true;
}
