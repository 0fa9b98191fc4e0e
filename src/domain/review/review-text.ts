// Reviews a policy text end to end: segment, tag, resolve exceptions across provisions, judge, summarise (BRIEF C6, §5).
import type { AppliedModifier, Modifier, Provision, Review, TagEvidence } from './provision.ts';
import { judgeProvision } from './judge-provision.ts';
import { segmentProvisions } from './segment-provisions.ts';
import type { Segment } from './segment-provisions.ts';
import { summarizeReview } from './summarize-review.ts';
import { tagProvisions } from './tag-provisions.ts';
import type { CrossReference, ProvisionTags } from './tag-provisions.ts';

const isModifierEvidence = (e: TagEvidence): e is TagEvidence & { tag: Modifier } =>
  e.tag === 'savings-clause' || e.tag === 'warrant-exception' || e.tag === 'serious-crime-carve-out';

const normaliseUncached = (s: string): string => s.replace(/[()]/g, '').replace(/\.$/, '').toLowerCase();

/**
 * Normalised section numbers and path markers. Cross-references compare every path marker of every segment in the
 * referenced section, and the same few markers ("a", "(1)", "2.") recur all through a document: one cache per review
 * (made in `applyModifiers`) turns two regex replacements per comparison into a map lookup.
 */
type Normaliser = (s: string) => string;
const makeNormaliser = (): Normaliser => {
  const cache = new Map<string, string>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = normaliseUncached(s);
      cache.set(s, v);
    }
    return v;
  };
};

/** Segments by normalised section number, so cross-references resolve without scanning the document. */
type SectionIndex = Map<string, number[]>;

function indexSections(segments: readonly Segment[], normalise: Normaliser): SectionIndex {
  const index: SectionIndex = new Map();
  segments.forEach((s, i) => {
    if (!s.sectionNumber) return;
    const key = normalise(s.sectionNumber);
    const list = index.get(key) ?? [];
    list.push(i);
    index.set(key, list);
  });
  return index;
}

/** Segments a cross-reference points to: "subsection (b)" in the same section, "subdivision (a) of Section 7270.5", "Section 4". */
function resolveReference(
  ref: CrossReference,
  from: Segment,
  segments: readonly Segment[],
  index: SectionIndex,
  normalise: Normaliser,
): number[] {
  const section = ref.section
    ? normalise(ref.section)
    : from.sectionNumber
      ? normalise(from.sectionNumber)
      : null;
  if (section === null) return [];
  const path = ref.path.map(normalise);
  const out: number[] = [];
  for (const i of index.get(section) ?? []) {
    const s = segments[i]!;
    if (path.length > s.path.length) continue;
    let ok = true;
    for (let k = 0; k < path.length && ok; k++) if (normalise(s.path[k]!) !== path[k]) ok = false;
    if (ok) out.push(i);
    if (out.length >= 50) break;
  }
  return out;
}

function describe(seg: Segment, index: number): string {
  return seg.label ? `${seg.label} (p${index + 1})` : `p${index + 1}`;
}

/**
 * Modifiers that govern a provision from elsewhere: exception-only provisions apply to their scope ("this section",
 * "this chapter", a cross-reference) or to the lead-in whose exception list they belong to; a provision's own
 * "except as provided in subsection (b)" pulls in the modifiers of (b).
 */
function applyModifiers(segments: readonly Segment[], tags: readonly ProvisionTags[]): AppliedModifier[][] {
  // Most provisions get nothing applied: they share one empty list until something is pushed.
  const applied: AppliedModifier[][] = new Array<AppliedModifier[]>(segments.length).fill(NOTHING_APPLIED);
  const normalise = makeNormaliser();
  const index = indexSections(segments, normalise);
  const entriesOf = (source: number, via: AppliedModifier['via']): AppliedModifier[] => {
    const out: AppliedModifier[] = [];
    for (const e of tags[source]!.evidence) {
      if (!isModifierEvidence(e) || e.inherited) continue;
      out.push({
        modifier: e.tag,
        from: describe(segments[source]!, source),
        via,
        spans: e.spans,
        ...(e.strength ? { strength: e.strength } : {}),
      });
    }
    return out;
  };
  // At most this many sources per modifier and strength: enough to show the reviewer where the exception is,
  // and it keeps a long document's output linear in its length.
  const PER_KIND = 2;
  const add = (target: number, entries: readonly AppliedModifier[], source: number): void => {
    if (target === source || tags[target]!.topics.length === 0) return;
    let list = applied[target]!;
    if (list === NOTHING_APPLIED) {
      list = [];
      applied[target] = list;
    }
    for (const entry of entries) {
      // Skipped when this source already gave the modifier, or PER_KIND sources gave it with this strength. The
      // modifier names are compared first: they are interned constants, the `from` strings are built per source.
      let same = 0;
      for (let k = 0; k < list.length && same < PER_KIND; k++) {
        const a = list[k]!;
        if (a.modifier !== entry.modifier) continue;
        if (a.from === entry.from) same = PER_KIND;
        else if (a.strength === entry.strength) same++;
      }
      if (same < PER_KIND) list.push(entry);
    }
  };
  // A referenced provision's entries are the same for every provision that refers to it (and a reference resolves to
  // up to 50 provisions): built once each. Entries are shared between targets' lists, as scope entries are.
  const crossReferenceCache = new Map<number, AppliedModifier[]>();
  const crossReferenceEntries = (source: number): AppliedModifier[] => {
    let entries = crossReferenceCache.get(source);
    if (entries === undefined) {
      entries = entriesOf(source, 'cross-reference');
      crossReferenceCache.set(source, entries);
    }
    return entries;
  };
  const tagged: number[] = [];
  tags.forEach((t, i) => {
    if (t.topics.length > 0) tagged.push(i);
  });
  // Exception-only provisions with a document or section scope are collected first (a bounded number per kind),
  // then applied once to every tagged provision in that scope.
  const documentScope: Array<[number, AppliedModifier[]]> = [];
  const sectionScope = new Map<number, Array<[number, AppliedModifier[]]>>();
  const keepFew = (bucket: Array<[number, AppliedModifier[]]>, source: number): void => {
    const entries = entriesOf(source, 'scope');
    // Kept when some entry's kind (modifier and strength) has fewer than PER_KIND entries in the bucket so far
    // (a kind not in the bucket has none). Counted in place: the bucket stays small, and this runs per source.
    const underused = entries.some((e) => {
      let n = 0;
      for (const [, es] of bucket)
        for (const b of es) if (b.modifier === e.modifier && b.strength === e.strength) n++;
      return n < PER_KIND;
    });
    if (underused) bucket.push([source, entries]);
  };
  tags.forEach((t, i) => {
    if (!t.isExceptionOnly) return;
    const seg = segments[i]!;
    // An item in a lead-in's exception list ("unless: ... 2. required by law") qualifies that lead-in.
    let p = seg.parent;
    while (p >= 0 && segments[p]!.isLeadIn) {
      if (tags[p]!.topics.length > 0) {
        add(p, entriesOf(i, 'exception-list'), i);
        return;
      }
      p = segments[p]!.parent;
    }
    if (t.scope === 'document') keepFew(documentScope, i);
    else if (t.scope === 'section') {
      const bucket = sectionScope.get(seg.section) ?? [];
      sectionScope.set(seg.section, bucket);
      keepFew(bucket, i);
    } else if (t.scope === 'refs') {
      const entries = entriesOf(i, 'scope');
      for (const ref of t.exceptionRefs)
        for (const j of resolveReference(ref, seg, segments, index, normalise)) add(j, entries, i);
    }
  });
  for (const j of tagged) {
    for (const [source, entries] of documentScope) add(j, entries, source);
    for (const [source, entries] of sectionScope.get(segments[j]!.section) ?? []) add(j, entries, source);
    for (const ref of tags[j]!.exceptionRefs) {
      for (const k of resolveReference(ref, segments[j]!, segments, index, normalise))
        add(j, crossReferenceEntries(k), k);
    }
  }
  return applied;
}

const NOTHING_APPLIED: AppliedModifier[] = [];

/** Reviews `text`: every provision with offsets, tags and evidence, and for tagged ones a finding per requirement and reading. */
export function reviewText(text: string): Review {
  const segments = segmentProvisions(text);
  // Segments share heading arrays, so each heading line is joined once.
  const headingCache = new Map<readonly string[], string | null>();
  const headingText = (headings: readonly string[]): string | null => {
    let h = headingCache.get(headings);
    if (h === undefined) {
      h = headings.length > 0 ? headings.join(' › ') : null;
      headingCache.set(headings, h);
    }
    return h;
  };
  const tags = tagProvisions(text, segments);
  const applied = applyModifiers(segments, tags);
  const provisions: Provision[] = segments.map((seg, i) => {
    const t = tags[i]!;
    const findings = judgeProvision({
      topics: t.topics,
      tagEvidence: t.evidence,
      appliedModifiers: applied[i]!,
      facts: t.facts,
    });
    return {
      id: `p${i + 1}`,
      label: seg.label,
      heading: headingText(seg.headings),
      start: seg.start,
      end: seg.end,
      text: text.slice(seg.start, seg.end),
      topics: t.topics,
      modifiers: t.modifiers,
      tagEvidence: t.evidence,
      appliedModifiers: applied[i]!,
      findings,
    };
  });
  return { provisions, summary: summarizeReview(provisions) };
}
