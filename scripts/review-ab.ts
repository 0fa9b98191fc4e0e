// `node scripts/review-ab.ts [REV] [--rounds N]`: the reviewer of the working tree against that of a commit (HEAD by
// default), in one process, alternating, by main-thread CPU time. On a shared machine wall-clock runs of
// `npm run bench` swing by tens of percent between minutes; paired rounds in one process see the same conditions.
//
// Input: the team's review corpus without its gold labels, repeated to about 1 MB (as in bench/review-bench.ts).
// Prints the median per round of each side, their ratio, and the spread of the per-round ratios; a change whose
// ratio stays inside that spread has not been shown to matter. Check the output separately with review-snapshot.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseAnnotatedDocument } from '../src/domain/review/parse-annotated-document.ts';
import { reviewText as workingReview } from '../src/domain/review/review-text.ts';

const { values, positionals } = parseArgs({
  options: { rounds: { type: 'string', default: '12' } },
  allowPositionals: true,
});
const rev = positionals[0] ?? 'HEAD';
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 2) throw new Error('--rounds takes a whole number of at least 2');

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'accordance-review-ab-'));
try {
  // The domain layer imports only itself (docs/ARCHITECTURE.md), so the commit's src/domain runs on its own.
  const archive = execFileSync('git', ['-C', root, 'archive', rev, 'src/domain']);
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  const base = (await import(pathToFileURL(join(dir, 'src/domain/review/review-text.ts')).href)) as {
    reviewText: typeof workingReview;
  };

  const corpus = new URL('../data/corpus/review/main/', import.meta.url);
  const unit = readdirSync(corpus)
    .sort()
    .map((f) => parseAnnotatedDocument(readFileSync(new URL(f, corpus), 'utf8'), f).text)
    .join('\n\n');
  const text = Array.from({ length: Math.ceil((1024 * 1024) / unit.length) }, () => unit).join('\n\n');
  const mb = text.length / (1024 * 1024);

  const cpuMs = (review: typeof workingReview): number => {
    const before = process.threadCpuUsage();
    review(text);
    const used = process.threadCpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  for (let i = 0; i < 3; i++) {
    cpuMs(base.reviewText);
    cpuMs(workingReview);
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate which side goes first, so neither always runs on a warmer cache.
    if (i % 2 === 0) {
      ours.push(cpuMs(workingReview));
      theirs.push(cpuMs(base.reviewText));
    } else {
      theirs.push(cpuMs(base.reviewText));
      ours.push(cpuMs(workingReview));
    }
  }
  const median = (xs: readonly number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 === 1 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const ratios = ours.map((o, i) => o / theirs[i]!).sort((a, b) => a - b);
  const fmt = (ms: number) => `${(ms / mb).toFixed(1)} ms/MB (${((mb / ms) * 1000).toFixed(2)} MB/s)`;
  process.stdout.write(
    `${rev}: ${fmt(median(theirs))}\nworking tree: ${fmt(median(ours))}\n` +
      `ratio working/${rev}: ${(median(ours) / median(theirs)).toFixed(3)} ` +
      `(per round ${ratios[0]!.toFixed(3)}–${ratios[ratios.length - 1]!.toFixed(3)}, ${rounds} rounds of ${mb.toFixed(2)} MB)\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
