// Finds attributed statements (quotes and paraphrases, with speaker and role): claims, never facts (BRIEF §2.7).
import { SpanIndex } from './span-index.ts';
import type { Sentence } from './split-sentences.ts';

export type FoundClaim = {
  readonly speaker: string;
  readonly role?: string;
  readonly kind: 'quote' | 'paraphrase';
  /** The quoted words or the paraphrased content, [start, end) of the clean text. */
  readonly start: number;
  readonly end: number;
  readonly speakerStart: number;
  readonly speakerEnd: number;
  /** Where the speech verb is, to read "said Wednesday". */
  readonly verbEnd: number;
  /** The sentence the claim is in. */
  readonly sentence: number;
};

export type QuoteRange = { readonly start: number; readonly end: number };

const VERBS =
  'said|says|say|told|tells|added|adds|stated|wrote|writes|argued|argues|argue|claimed|claims|claim|contended|contends|contend|asserted|asserts|assert|insisted|insists|insist|maintained|maintains|maintain|warned|warns|noted|notes|explained|explains|acknowledged|acknowledges|alleged|alleges|allege|countered|counters|declared|declares|predicted|predicts|suggested|suggests|estimated|estimates|found|finds|concluded|concludes|believes|believe|contend';
const VERB = new RegExp(`\\b(?:${VERBS})\\b`, 'g');
// Verbs that attribute a quotation but not a paraphrase ("called the finding “a political stunt”").
const QUOTE_VERB = /\b(?:called|calls|described|describes|dubbed|labeled|labelled|termed)\b/g;
const ACCORDING = /\b[Aa]ccording[ \t]+to[ \t]+/g;
// What may stand between the verb and the content: a time, a medium, "that".
const AFTER_VERB =
  /^(?:[ \t]+(?:on[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|last[ \t]+week|this[ \t]+week))?(?:[ \t]+(?:in|on|during)[ \t]+(?:a|an|the)[ \t]+(?:statement|interview|letter|news[ \t]+conference|press[ \t]+conference|speech|email|e-mail|filing|brief|report|memo|post|tweet)(?:[ \t]+\w+){0,3}?)?(?:[ \t]+on[ \t]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?,?(?:[ \t]+that)?[ \t]+/;
// Title words that end an official's title before the name ("Chicago Mayor Rahm Emanuel").
const TITLE_WORDS = new Set(
  (
    'mayor governor gov sheriff chief attorney general judge president sen senator rep representative ' +
    'secretary director commissioner counsel spokesman spokeswoman spokesperson executive supervisor ' +
    'superintendent administrator officer inspector prosecutor councilman councilwoman alderman chairman ' +
    'chairwoman chair leader whip speaker deputy acting assistant associate'
  ).split(' '),
);
const PRONOUNS = /^(?:he|she|they|it|we|i)$/i;
const MAX_PER_SENTENCE = 50;
// Verbs that report a finding only when "that" follows ("a study found that ..."), not "a jurisdiction found to be".
const WEAK_VERBS =
  /^(?:found|finds|concluded|concludes|estimated|estimates|suggested|suggests|noted|notes|believes|believe|predicted|predicts|stated)$/i;
// A speaker is a noun phrase: one holding a finite verb is a clause ("New Orleans was one of nine jurisdictions").
const FINITE = /\b(?:was|were|is|are|been|being|be|had|did|does|do)\b/i;
// "according to federal records" cites a source; it is not someone's claim.
const NOT_A_SPEAKER = /\b(?:records|data|documents|filings|figures|statistics|award[ \t]+data)\.?$/i;
const TRAILING =
  /(?:[ \t,]+(?:on[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|last[ \t]+week|this[ \t]+week|also|has|have|had|long|repeatedly|previously|once|again|publicly|privately|now|later|earlier|further|then|first|would|will|had[ \t]+long))+$/;

/** Quotation ranges (the text between “ and ”, or a pair of straight quotes) in `text`. */
export function findQuotes(text: string): QuoteRange[] {
  const out: QuoteRange[] = [];
  let open = -1;
  let openChar = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // “ ” and " only; a paragraph break closes an unclosed quote (news style repeats “ on each paragraph).
    if (c === 0x201c || (c === 0x22 && open < 0)) {
      if (open >= 0 && openChar === '“') out.push({ start: open, end: i });
      open = i + 1;
      openChar = text.charAt(i);
    } else if ((c === 0x201d && open >= 0) || (c === 0x22 && open >= 0 && openChar === '"')) {
      out.push({ start: open, end: i });
      open = -1;
    } else if (c === 0x0a && open >= 0 && text.charCodeAt(i + 1) === 0x0a) {
      out.push({ start: open, end: i });
      open = -1;
    }
  }
  return out.filter((q) => q.end - q.start >= 3);
}

/** Splits "Justice Department spokesman Devin O'Malley" into role and name; a common noun stays the speaker. */
export function splitSpeaker(phrase: string): { speaker: string; role?: string; offset: number } {
  const p = phrase.trim();
  const lead = phrase.indexOf(p);
  // "Devin O'Malley, a Justice Department spokesman" / "Smith, the city's lawyer"
  const appositive =
    /^([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3}),[ \t]+((?:a|an|the)[ \t]+[^,]{2,80}?),?$/.exec(p);
  if (appositive) return { speaker: appositive[1] as string, role: appositive[2] as string, offset: lead };
  // "A Cook County spokeswoman, Maria Lind"
  const reversed =
    /^((?:a|an|the)[ \t]+[^,]{2,80}?),[ \t]+([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3})$/i.exec(p);
  if (reversed) {
    const name = reversed[2] as string;
    return { speaker: name, role: reversed[1] as string, offset: lead + p.lastIndexOf(name) };
  }
  const words = p.split(/[ \t]+/);
  // Trailing capitalised words are the name; title words before them, with what precedes, are the role.
  let k = words.length;
  while (
    k > 0 &&
    /^[A-Z][\w.'’-]*$/.test(words[k - 1] as string) &&
    !TITLE_WORDS.has((words[k - 1] as string).toLowerCase().replace(/\.$/, ''))
  )
    k--;
  if (k < words.length && k > 0 && words.length - k >= 1) {
    const role = words.slice(0, k).join(' ');
    const name = words.slice(k).join(' ');
    if (words.slice(0, k).some((w) => TITLE_WORDS.has(w.toLowerCase().replace(/\.$/, '')))) {
      return { speaker: name, role, offset: lead + p.lastIndexOf(name) };
    }
  }
  return { speaker: p, offset: lead };
}

/** The speaker phrase right before `at`: back to the clause start, at most ten words (plus one appositive). */
function speakerBefore(
  text: string,
  clauseStart: number,
  at: number,
): { start: number; end: number } | undefined {
  // Ten words and an appositive fit in 200 characters; reading no further keeps long sentences linear.
  const from = Math.max(clauseStart, at - 200);
  let s = at;
  // A comma right before the verb closes an appositive ("O'Malley, a spokesman, said"); it is not a boundary.
  while (s > from && /[\s,]/.test(text.charAt(s - 1))) s--;
  let appositives = 0;
  while (s > from) {
    const c = text.charAt(s - 1);
    if (
      c === ';' ||
      c === '"' ||
      c === '“' ||
      c === '”' ||
      c === '(' ||
      c === ')' ||
      c === ':' ||
      c === '—' ||
      c === '–'
    )
      break;
    if (c === ',') {
      const after = text.slice(s, at).trim().replace(/,$/, '');
      const before = text.slice(from, s - 1);
      // "Name, a role, said" and "A role, Name, said" are one speaker; any other comma ends the phrase.
      const nameThenRole = /^(?:a|an|the)[ \t]/i.test(after) && /[A-Z][\w.'’-]*$/.test(before);
      const roleThenName =
        /^[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}$/.test(after) &&
        /(?:^|[.;:—]\s*)(?:A|An|The)[ \t][^,]{2,80}$/.test(before);
      if (appositives > 0 || !(nameThenRole || roleThenName)) break;
      appositives++;
    }
    s--;
  }
  let start = s;
  let end = at;
  while (start < end && /[\s,]/.test(text.charAt(start))) start++;
  while (end > start && /[\s,]/.test(text.charAt(end - 1))) end--;
  // Leading connectives and times are not part of the speaker ("But", "On Wednesday,", "or if").
  const lead =
    /^(?:(?:But|And|Yet|Still|However|Meanwhile|Instead|Also|In[ \t]+response|On[ \t]+\w+|Last[ \t]+\w+|In[ \t]+\w+|if|or|and|but|when|because|that|as|while|although|whether|so)[ \t,]+)+/i.exec(
      text.slice(start, end),
    );
  if (lead) start += lead[0].length;
  // Times and auxiliaries after the speaker are not part of it ("the department on Thursday", "DHS has").
  const tail = TRAILING.exec(text.slice(start, end));
  if (tail) end -= tail[0].length;
  if (end <= start) return undefined;
  const phrase = text.slice(start, end);
  const words = phrase.split(/[ \t]+/);
  if (words.length > (appositives > 0 ? 16 : 10)) return undefined;
  // "... jurisdictions it says": a relative clause, not a speaker.
  if (words.length > 1 && PRONOUNS.test(words[words.length - 1] as string)) return undefined;
  if (NOT_A_SPEAKER.test(phrase) || FINITE.test(phrase)) return undefined;
  return { start, end };
}

/**
 * Claims in the sentences of `text`: each quotation with the speaker named after or before it, each
 * "X said (that) ...", "X argues ...", "according to X, ...". "He said" is read as the last named speaker.
 */
export function findClaims(
  text: string,
  sentences: readonly Sentence[],
  quotes: readonly QuoteRange[],
): FoundClaim[] {
  const out: FoundClaim[] = [];
  const quoteIndex = new SpanIndex(quotes);
  let lastSpeaker: { speaker: string; role?: string } | undefined;
  const named = (phrase: {
    start: number;
    end: number;
  }): { speaker: string; role?: string; start: number; end: number } => {
    const raw = text.slice(phrase.start, phrase.end);
    const split = splitSpeaker(raw);
    if (PRONOUNS.test(split.speaker) && lastSpeaker) {
      return { ...lastSpeaker, start: phrase.start, end: phrase.end };
    }
    const start = phrase.start + split.offset;
    const result = {
      speaker: split.speaker,
      ...(split.role ? { role: split.role } : {}),
      start,
      end: start + split.speaker.length,
    };
    if (!PRONOUNS.test(split.speaker))
      lastSpeaker = { speaker: result.speaker, ...(result.role ? { role: result.role } : {}) };
    return result;
  };

  sentences.forEach((sent, index) => {
    const s = text.slice(sent.start, sent.end);
    // Guards for hostile text: a real sentence holds a handful of quotes and verbs.
    const inSentence = quoteIndex.within(sent.start - 1, sent.end + 1).slice(0, MAX_PER_SENTENCE);
    // Verbs outside quotations.
    const verbs: { start: number; end: number }[] = [];
    VERB.lastIndex = 0;
    for (let m = VERB.exec(s); m; m = VERB.exec(s)) {
      const at = sent.start + m.index;
      if (!quoteIndex.holds(at)) verbs.push({ start: at, end: at + m[0].length });
      if (verbs.length >= MAX_PER_SENTENCE) break;
    }
    if (inSentence.length > 0) {
      QUOTE_VERB.lastIndex = 0;
      for (let m = QUOTE_VERB.exec(s); m; m = QUOTE_VERB.exec(s)) {
        const at = sent.start + m.index;
        if (!quoteIndex.holds(at)) verbs.push({ start: at, end: at + m[0].length });
      }
      verbs.sort((a, b) => a.start - b.start);
    }
    if (inSentence.length > 0 && verbs.length > 0) {
      for (const q of inSentence) {
        const verb = verbs.find((v) => v.start >= q.end) ?? verbs.filter((v) => v.end <= q.start).at(-1);
        if (!verb) continue;
        let phrase: { start: number; end: number } | undefined;
        if (verb.start >= q.end) {
          // “...,” said X.  /  “...,” X said.
          const between = text.slice(q.end + 1, verb.start);
          if (/^[,.!?”"\s]*$/.test(between)) {
            const after = /^[ \t]+([^.,;“”"]{2,100}?)(?=[.,;]|$)/.exec(
              text.slice(verb.end, Math.min(sent.end, verb.end + 300)),
            );
            if (after) {
              const nameEnd = verb.end + after[0].length;
              // ", a retired police chief in Oregon." after the name is the speaker's role.
              const appositive = /^,[ \t]+((?:a|an|the)[ \t]+[^.;“”"]{2,100}?)[ \t]*(?:[.;]|$)/.exec(
                text.slice(nameEnd, Math.min(sent.end, nameEnd + 300)),
              );
              phrase = {
                start: verb.end + after.index + (after[0].length - (after[1] as string).length),
                end: appositive
                  ? nameEnd +
                    appositive[0].length -
                    (appositive[0].match(/[ \t]*(?:[.;])?$/)?.[0].length ?? 0)
                  : nameEnd,
              };
            }
          } else {
            phrase = speakerBefore(text, q.end + 1, verb.start);
          }
        } else {
          phrase = speakerBefore(text, sent.start, verb.start);
        }
        if (!phrase) continue;
        const who = named(phrase);
        out.push({
          speaker: who.speaker,
          ...(who.role ? { role: who.role } : {}),
          kind: 'quote',
          start: q.start,
          end: q.end,
          speakerStart: who.start,
          speakerEnd: who.end,
          verbEnd: verb.end,
          sentence: index,
        });
      }
      return;
    }
    if (inSentence.length > 0) return;
    // According to X, content.
    ACCORDING.lastIndex = 0;
    const acc = ACCORDING.exec(s);
    if (acc) {
      const from = sent.start + acc.index + acc[0].length;
      const comma = text.slice(from, Math.min(sent.end, from + 200)).indexOf(',');
      let speakerEnd = comma >= 0 ? from + comma : Math.min(sent.end, from + 200);
      while (speakerEnd > from && /[\s.,;:]/.test(text.charAt(speakerEnd - 1))) speakerEnd--;
      if (NOT_A_SPEAKER.test(text.slice(from, speakerEnd))) return;
      const who = named({ start: from, end: speakerEnd });
      const contentStart = acc.index === 0 ? speakerEnd + 1 : sent.start;
      const contentEnd = acc.index === 0 ? sent.end : sent.start + acc.index;
      out.push({
        speaker: who.speaker,
        ...(who.role ? { role: who.role } : {}),
        kind: 'paraphrase',
        start: contentStart,
        end: contentEnd,
        speakerStart: who.start,
        speakerEnd: who.end,
        verbEnd: from,
        sentence: index,
      });
      return;
    }
    // X said (that) content.
    for (const verb of verbs) {
      const rest = text.slice(verb.end, Math.min(sent.end, verb.end + 400));
      if (WEAK_VERBS.test(text.slice(verb.start, verb.end)) && !/^[ \t]+that\b/.test(rest)) continue;
      const phrase = speakerBefore(text, sent.start, verb.start);
      if (!phrase) continue;
      const speakerText = text.slice(phrase.start, phrase.end);
      // A speaker is a short noun phrase, not a clause ("the letters said" is a document speaking, kept).
      if (/\b(?:which|who|that)\b/.test(speakerText)) continue;
      // "told reporters", "told the council": the one told is not the content.
      const object = /^told|^tells/.test(text.slice(verb.start, verb.end))
        ? (/^[ \t]+(?:reporters|him|her|them|the[ \t]+\w+|a[ \t]+\w+)/.exec(rest)?.[0].length ?? 0)
        : 0;
      const lead = AFTER_VERB.exec(rest.slice(object));
      const contentStart = verb.end + object + (lead ? lead[0].length : 0);
      if (sent.end - contentStart < 8) continue;
      const who = named(phrase);
      out.push({
        speaker: who.speaker,
        ...(who.role ? { role: who.role } : {}),
        kind: 'paraphrase',
        start: contentStart,
        end: sent.end,
        speakerStart: who.start,
        speakerEnd: who.end,
        verbEnd: verb.end,
        sentence: index,
      });
      break;
    }
  });
  return out;
}
