// Takes news furniture (bylines, captions, video blocks, embedded posts, glued links) out of a text, keeping offsets.
import type { RemovedSpan, Span } from './case-facts.ts';

export type CleanedText = {
  /** The text the extractor reads. */
  readonly text: string;
  /** What was left out, in original offsets. */
  readonly removed: readonly RemovedSpan[];
  /** The span of the original text that the clean range [start, end) came from, trimmed of white space. */
  readonly toSpan: (start: number, end: number) => Span;
  /** The original offset of a clean offset (an inserted space maps to the character after it). */
  readonly toOriginal: (offset: number) => number;
};

type Cut = { start: number; end: number; reason: string };

// Each line-level pattern is anchored and uses bounded or single-class repetition: no nested quantifiers over the
// same characters, so a hostile line cannot make them backtrack.
const BYLINE =
  /^[ \t]*(?:By|BY)[ \t]+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3}[ \t]*(?:$|[,|&—–]|and\b|-[ \t])/;
const TIMESTAMP =
  /^[ \t]*(?:Published|Updated|Posted|Last updated|Originally published|First published)\b[^\n]{0,100}$/i;
const CAPTION =
  /(?:\((?:AP|Getty|Reuters|AFP)? ?Photos?\b|\bAP Photo\/|\bPhoto(?:graph)?s?:|\bPhoto by\b|\bPhoto credit\b|\bImage:|\bCredit:|\(Getty Images\)|\bGetty Images\b|\bfile photo\b|^[ \t]*(?:FILE|PHOTO|CAPTION|IMAGE)[ \t]*[-–—:]|^[ \t]*\[(?:Photo|Image|Caption)\b)/i;
const BLOCK_MARKER =
  /^[ \t]*(?:Recommended videos?|RECOMMENDED VIDEOS?|Watch|WATCH|Video|VIDEO|Recommended for you|Most popular|MOST POPULAR|Trending|TRENDING|Top stories|TOP STORIES|View this post on Instagram|Sponsored|SPONSORED)\b[^\n]{0,80}$/;
const LINK_MARKER =
  /(?:Related|RELATED|Read more|READ MORE|Read More|See also|SEE ALSO|Also read|ALSO READ|More coverage|MORE|ALSO|Related coverage|Related stories|Related Stories)[ \t]*:/g;
const FURNITURE =
  /^[ \t]*(?:Advertisement|ADVERTISEMENT|Story continues below|Continue reading|Subscribe\b|SUBSCRIBE\b|Sign up\b|Share this\b|Share on\b|Click here\b|Follow (?:us|\w+) on\b|Copyright\b|©|All rights reserved|Get the latest\b|Contact (?:the )?(?:reporter|writer)\b|Email the\b|Send tips\b|Support local journalism\b|Comments?\b[^\n]{0,20}$|Tweet\b[^\n]{0,20}$)[^\n]{0,200}$/;
const TWEET_SIGNATURE =
  /^[ \t]*[—–-]{1,2}[ \t]*[^\n()]{0,80}\(@\w{1,30}\)[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*$/;
const SOCIAL_LINK =
  /pic\.twitter\.com\/|https?:\/\/t\.co\/|^[ \t]*A post shared by\b|^[ \t]*Posted by [^\n]{0,80} on [A-Z]/;
const INSTAGRAM_END = /^[ \t]*A post shared by\b/;

type Line = { start: number; end: number; next: number; text: string };

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ start, end, next: nl < 0 ? text.length : nl + 1, text: text.slice(start, end) });
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

const isBlank = (l: Line | undefined): boolean => !l || l.text.trim().length === 0;

/** Whole-line and inline cuts of news furniture, in original offsets. */
function findCuts(text: string): Cut[] {
  const lines = linesOf(text);
  const cuts: Cut[] = [];
  const cutLine = (i: number, reason: string): void => {
    const l = lines[i] as Line;
    cuts.push({ start: l.start, end: l.next, reason });
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const t = line.text;
    if (t.length === 0) continue;
    if (t.length < 160 && BYLINE.test(t)) {
      cutLine(i, 'byline');
    } else if (TIMESTAMP.test(t)) {
      cutLine(i, 'timestamp');
    } else if (t.length < 600 && CAPTION.test(t)) {
      cutLine(i, 'photo caption');
    } else if (BLOCK_MARKER.test(t)) {
      // The marker and the teaser lines under it, up to the next blank line (at most four lines).
      cutLine(i, 'recommended or embedded block');
      const endOfEmbed = /Instagram/.test(t);
      let k = i + 1;
      for (; k < lines.length && k <= i + (endOfEmbed ? 12 : 4) && !isBlank(lines[k]); k++) {
        cutLine(k, 'recommended or embedded block');
        if (endOfEmbed && INSTAGRAM_END.test((lines[k] as Line).text)) break;
      }
      i = k;
    } else if (TWEET_SIGNATURE.test(t)) {
      // An embedded post ends with "— Name (@handle) Month d, yyyy"; its text is the lines above, up to a blank line.
      cutLine(i, 'embedded social post');
      for (let k = i - 1; k >= 0 && k >= i - 6 && !isBlank(lines[k]); k--) cutLine(k, 'embedded social post');
    } else if (SOCIAL_LINK.test(t)) {
      cutLine(i, 'embedded social post');
    } else if (FURNITURE.test(t)) {
      cutLine(i, 'page furniture');
    } else {
      LINK_MARKER.lastIndex = 0;
      const m = LINK_MARKER.exec(t);
      // A link block at the start of the line, or glued after a sentence ("said.RELATED: ..."); it runs to the
      // end of the line.
      if (
        m &&
        (m.index === 0 || /^\s*$/.test(t.slice(0, m.index)) || /[.!?"”]\s?$/.test(t.slice(0, m.index)))
      ) {
        const from = m.index === 0 || /^\s*$/.test(t.slice(0, m.index)) ? line.start : line.start + m.index;
        cuts.push({
          start: from,
          end: from === line.start ? line.next : line.end,
          reason: 'related link',
        });
      }
    }
  }
  return mergeCuts(cuts);
}

function mergeCuts(cuts: Cut[]): Cut[] {
  cuts.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Cut[] = [];
  for (const c of cuts) {
    const last = out[out.length - 1];
    if (last && c.start <= last.end) {
      if (c.end > last.end) last.end = c.end;
    } else out.push({ ...c });
  }
  return out;
}

// Link text glued into a sentence when a page was flattened: "letters toChicago", "said.The", "Chicago,Cook County".
// Each pattern matches one or two characters and looks ahead a fixed distance: linear on any input.
const GLUED_WORD = /[a-z](?=[A-Z][a-z])/g;
const GLUED_SENTENCE = /[a-z]{2}[.!?]["”’]?(?=[A-Z][a-z])/g;
const GLUED_COMMA = /[a-z][,;](?=[A-Za-z])/g;

/** Offsets where a space is missing between two words. */
function findInsertions(text: string, cuts: readonly Cut[]): number[] {
  const at = new Set<number>();
  GLUED_WORD.lastIndex = 0;
  for (let m = GLUED_WORD.exec(text); m; m = GLUED_WORD.exec(text)) {
    const boundary = m.index + 1;
    // The lower-case run before the boundary, read back at most 30 characters.
    let k = m.index;
    while (k > 0 && boundary - k < 30 && /[a-z]/.test(text.charAt(k - 1))) k--;
    const run = boundary - k;
    const before = k > 0 ? text.charAt(k - 1) : ' ';
    const wordStart = !/[A-Za-z'’]/.test(before);
    // "toChicago" (a lower-case word glued to a name) or "ChicagoSessions" (a long tail); not "McAllen", "DeKalb".
    if ((wordStart && run >= 2) || (!wordStart && /[A-Z]/.test(before) && run >= 4)) at.add(boundary);
  }
  GLUED_SENTENCE.lastIndex = 0;
  for (let m = GLUED_SENTENCE.exec(text); m; m = GLUED_SENTENCE.exec(text)) at.add(m.index + m[0].length);
  GLUED_COMMA.lastIndex = 0;
  for (let m = GLUED_COMMA.exec(text); m; m = GLUED_COMMA.exec(text)) at.add(m.index + 2);
  // A space inside a cut would be dropped with it; a URL or e-mail address is not glued prose.
  const inCut = new Uint8Array(text.length + 1);
  for (const c of cuts) inCut.fill(1, c.start + 1, c.end);
  return [...at].filter((p) => !inCut[p] && !insideUrl(text, p)).sort((a, b) => a - b);
}

function insideUrl(text: string, p: number): boolean {
  const from = Math.max(0, p - 60);
  const before = text.slice(from, p);
  const lastSpace = Math.max(before.lastIndexOf(' '), before.lastIndexOf('\n'));
  const word = before.slice(lastSpace + 1);
  return /https?:|www\.|@|\.com|\.org|\.gov/.test(word);
}

/** Builds the clean view and its offset map. */
export function cleanNewsText(text: string): CleanedText {
  const cuts = findCuts(text);
  const inserts = findInsertions(text, cuts);
  const chunks: string[] = [];
  const orig = new Int32Array(text.length + inserts.length + 1);
  const inserted = new Uint8Array(text.length + inserts.length + 1);
  let n = 0;
  let ci = 0;
  let ii = 0;
  let pos = 0;
  const copy = (from: number, to: number): void => {
    if (to <= from) return;
    chunks.push(text.slice(from, to));
    for (let k = from; k < to; k++) orig[n++] = k;
  };
  while (pos < text.length) {
    const cut = cuts[ci];
    const ins = inserts[ii];
    const nextStop = Math.min(cut ? cut.start : text.length, ins ?? text.length);
    if (nextStop > pos) {
      copy(pos, nextStop);
      pos = nextStop;
      continue;
    }
    if (cut && cut.start === pos) {
      pos = cut.end;
      ci++;
      while (ii < inserts.length && (inserts[ii] as number) < pos) ii++;
      continue;
    }
    if (ins === pos) {
      chunks.push(' ');
      orig[n] = pos;
      inserted[n] = 1;
      n++;
      ii++;
      continue;
    }
    // Not reachable with merged cuts and sorted insertions; copying one character guarantees progress anyway.
    copy(pos, pos + 1);
    pos++;
  }
  orig[n] = text.length;
  const clean = chunks.join('');
  const toOriginal = (offset: number): number => orig[Math.max(0, Math.min(offset, n))] as number;
  const toSpan = (start: number, end: number): Span => {
    let s = Math.max(0, start);
    let e = Math.min(end, clean.length);
    while (s < e && /\s/.test(clean.charAt(s))) s++;
    while (e > s && /\s/.test(clean.charAt(e - 1))) e--;
    if (e <= s) {
      const at = toOriginal(s);
      return { start: at, end: at, text: '' };
    }
    const os = orig[s] as number;
    const last = e - 1;
    const oe = inserted[last] ? (orig[last] as number) : (orig[last] as number) + 1;
    return { start: os, end: oe, text: text.slice(os, oe) };
  };
  return {
    text: clean,
    removed: cuts.map((c) => ({
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      reason: c.reason,
    })),
    toSpan,
    toOriginal,
  };
}
