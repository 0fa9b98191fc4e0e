// Scores predicted provision tags against gold units: per-tag precision, recall and F1 by character overlap.
import { MODIFIERS, TOPICS } from './provision.ts';
import type { Modifier, Topic } from './provision.ts';
import type { GoldUnit } from './parse-annotated-document.ts';

export interface PredictedTags {
  readonly start: number;
  readonly end: number;
  readonly topics: readonly Topic[];
  readonly modifiers: readonly Modifier[];
}

export interface TagCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface TagScore extends TagCounts {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface ReviewScore {
  readonly units: number;
  readonly perTag: Readonly<Record<Topic | Modifier, TagScore>>;
  readonly topics: TagScore;
  readonly modifiers: TagScore;
  readonly total: TagScore;
  /** Units whose predicted tags equal the gold tags exactly. */
  readonly exactUnits: number;
  /** Predicted provisions overlapping more than one gold unit (the segmenter merged units). */
  readonly mergedProvisions: number;
  readonly errors: readonly {
    readonly unit: number;
    readonly missing: readonly string[];
    readonly extra: readonly string[];
  }[];
}

export const emptyCounts = (): TagCounts => ({ tp: 0, fp: 0, fn: 0 });

export function toScore(c: TagCounts): TagScore {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

/** Adds `b` into `a` (for corpus totals). */
export function addCounts(a: TagCounts, b: TagCounts): void {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
}

/**
 * Each predicted provision goes to the gold unit it overlaps most; a unit's prediction is the union of the tags of its
 * provisions. A tagger that splits a unit is not penalised for the split, one that merges units is (both units get the union).
 */
export function countTags(
  units: readonly GoldUnit[],
  predicted: readonly PredictedTags[],
): {
  counts: Record<Topic | Modifier, TagCounts>;
  exactUnits: number;
  mergedProvisions: number;
  errors: { unit: number; missing: string[]; extra: string[] }[];
} {
  const unitTags = units.map(() => new Set<string>());
  let mergedProvisions = 0;
  let u = 0;
  for (const p of predicted) {
    let best = -1;
    let bestOverlap = 0;
    let touching = 0;
    while (u < units.length && units[u]!.end <= p.start) u++;
    for (let k = Math.max(0, u - 1); k < units.length && units[k]!.start < p.end; k++) {
      const overlap = Math.min(p.end, units[k]!.end) - Math.max(p.start, units[k]!.start);
      if (overlap > 0) touching++;
      if (overlap > bestOverlap) {
        bestOverlap = overlap;
        best = k;
      }
    }
    if (touching > 1) mergedProvisions++;
    if (best >= 0) {
      for (const t of p.topics) unitTags[best]!.add(t);
      for (const m of p.modifiers) unitTags[best]!.add(m);
    }
  }
  const counts = Object.fromEntries([...TOPICS, ...MODIFIERS].map((t) => [t, emptyCounts()])) as Record<
    Topic | Modifier,
    TagCounts
  >;
  let exactUnits = 0;
  const errors: { unit: number; missing: string[]; extra: string[] }[] = [];
  units.forEach((unit, i) => {
    const gold = new Set<string>([...unit.topics, ...unit.modifiers]);
    const got = unitTags[i]!;
    const missing: string[] = [];
    const extra: string[] = [];
    for (const tag of [...TOPICS, ...MODIFIERS]) {
      const g = gold.has(tag);
      const p = got.has(tag);
      if (g && p) counts[tag].tp++;
      else if (p) {
        counts[tag].fp++;
        extra.push(tag);
      } else if (g) {
        counts[tag].fn++;
        missing.push(tag);
      }
    }
    if (missing.length === 0 && extra.length === 0) exactUnits++;
    else errors.push({ unit: i, missing, extra });
  });
  return { counts, exactUnits, mergedProvisions, errors };
}

export function scoreCounts(
  counts: Record<Topic | Modifier, TagCounts>,
  units: number,
  exactUnits: number,
  mergedProvisions: number,
  errors: ReviewScore['errors'],
): ReviewScore {
  const topics = emptyCounts();
  const modifiers = emptyCounts();
  for (const t of TOPICS) addCounts(topics, counts[t]);
  for (const m of MODIFIERS) addCounts(modifiers, counts[m]);
  const total = emptyCounts();
  addCounts(total, topics);
  addCounts(total, modifiers);
  const perTag = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, toScore(v)])) as Record<
    Topic | Modifier,
    TagScore
  >;
  return {
    units,
    perTag,
    topics: toScore(topics),
    modifiers: toScore(modifiers),
    total: toScore(total),
    exactUnits,
    mergedProvisions,
    errors,
  };
}
