// Evaluates the provision tagger on the team's labelled corpus (data/corpus/review): per-tag precision, recall and F1.
//
// Usage: node scripts/eval-review.ts [--errors] [--json]
// The main split was used while writing the rules. The held-out split was written after the rules were frozen and
// scored once (figures in docs/review.md); its errors then led to a second round of changes, so it is no longer
// blind. held-out-2 was written after that second round, held-out-3 before the third, held-out-4 before the fourth;
// each was scored once blind and then used for the next round (docs/review.md §6). The gaps between the blind first runs and main show how much the
// rules fit the text they were written against rather than the drafting styles.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnnotatedDocument } from '../src/domain/review/parse-annotated-document.ts';
import { MODIFIERS, TOPICS } from '../src/domain/review/provision.ts';
import type { Modifier, Topic } from '../src/domain/review/provision.ts';
import { reviewText } from '../src/domain/review/review-text.ts';
import { addCounts, countTags, emptyCounts, scoreCounts } from '../src/domain/review/count-tags.ts';
import type { ReviewScore, TagCounts } from '../src/domain/review/count-tags.ts';

const CORPUS = join(import.meta.dirname, '..', 'data', 'corpus', 'review');
const SPLITS = ['main', 'held-out', 'held-out-2', 'held-out-3', 'held-out-4'] as const;
const TARGETS: readonly Topic[] = ['detainer', 'facility-access', 'release-notification', 'status-inquiry'];

interface SplitResult {
  readonly split: string;
  readonly documents: number;
  readonly score: ReviewScore;
  readonly errorLines: string[];
}

function evaluateSplit(split: string): SplitResult {
  const dir = join(CORPUS, split);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const counts = Object.fromEntries([...TOPICS, ...MODIFIERS].map((t) => [t, emptyCounts()])) as Record<
    Topic | Modifier,
    TagCounts
  >;
  let units = 0;
  let exact = 0;
  let merged = 0;
  const errorLines: string[] = [];
  for (const file of files) {
    const doc = parseAnnotatedDocument(readFileSync(join(dir, file), 'utf8'), `${split}/${file}`);
    const review = reviewText(doc.text);
    const result = countTags(doc.units, review.provisions);
    for (const tag of [...TOPICS, ...MODIFIERS]) addCounts(counts[tag], result.counts[tag]);
    units += doc.units.length;
    exact += result.exactUnits;
    merged += result.mergedProvisions;
    for (const e of result.errors) {
      const unit = doc.units[e.unit]!;
      const snippet = doc.text.slice(unit.start, unit.end).replace(/\s+/g, ' ').slice(0, 150);
      errorLines.push(
        `  ${split}/${file} #${e.unit + 1}: missing [${e.missing.join(' ')}] extra [${e.extra.join(' ')}]\n      ${snippet}`,
      );
    }
  }
  return { split, documents: files.length, score: scoreCounts(counts, units, exact, merged, []), errorLines };
}

const pct = (x: number): string => x.toFixed(3);

function printSplit(r: SplitResult): void {
  const s = r.score;
  console.log(
    `\n== ${r.split}: ${r.documents} documents, ${s.units} labelled units, ${s.exactUnits} exactly right, ${s.mergedProvisions} provisions spanning two units`,
  );
  console.log('tag                       gold  pred    TP    FP    FN  precision  recall      F1');
  const row = (
    name: string,
    c: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number },
    mark = '',
  ): void => {
    console.log(
      `${(name + mark).padEnd(24)} ${String(c.tp + c.fn).padStart(5)} ${String(c.tp + c.fp).padStart(5)} ${String(c.tp).padStart(5)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)}  ${pct(c.precision).padStart(9)} ${pct(c.recall).padStart(7)} ${pct(c.f1).padStart(7)}`,
    );
  };
  for (const t of TOPICS) row(t, s.perTag[t], TARGETS.includes(t) ? ' *' : '');
  row('topics (micro)', s.topics);
  for (const m of MODIFIERS) row(`+${m}`, s.perTag[m]);
  row('modifiers (micro)', s.modifiers);
  row('total (micro)', s.total);
}

const args = new Set(process.argv.slice(2));
const results = SPLITS.map(evaluateSplit);
if (args.has('--json')) {
  console.log(
    JSON.stringify(
      results.map((r) => ({ split: r.split, documents: r.documents, ...r.score })),
      null,
      2,
    ),
  );
} else {
  console.log(
    'Provision tagger evaluation (data/corpus/review). * = target tag (F1 >= 0.9 on the main split).',
  );
  for (const r of results) printSplit(r);
  const main = results[0]!.score;
  const below = TARGETS.filter((t) => main.perTag[t].f1 < 0.9);
  console.log(
    below.length === 0
      ? '\nAll target tags reach F1 >= 0.9 on the main split.'
      : `\nBelow target on the main split: ${below.join(', ')}`,
  );
  if (args.has('--errors')) {
    for (const r of results) {
      console.log(`\nErrors in ${r.split}:`);
      for (const line of r.errorLines) console.log(line);
    }
  }
}
