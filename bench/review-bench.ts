// review-throughput: MB/s of plain-text provision review on one core, against ripgrep scanning the same files for
// the review's keywords in the same run; ingest-pdf-vs-pdftotext: PDF text intake against poppler's pdftotext.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { reviewText } from '../src/domain/review/review-text.ts';
import { parseAnnotatedDocument } from '../src/domain/review/parse-annotated-document.ts';
import { extractDocument } from '../src/extract/extract-document.ts';
import { makePolicyPdf } from './worker-bench.ts';
import type { BenchResult } from './bench-result.ts';

const CORPUS = new URL('../data/corpus/review/main/', import.meta.url);
const KEYWORDS = 'immigration|detainer|ICE|release|status|warrant|1373|custody|inquire|federal';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/**
 * The team's corpus, repeated into files of about 1 MB each, as a policy library would look. Only the documents'
 * own text is used: the gold labels (`@@` lines, `#!` metadata) are not something anyone would submit for review.
 */
function corpusFiles(dir: string, megabytes: number): string[] {
  const texts = readdirSync(CORPUS)
    .sort()
    .map((f) => parseAnnotatedDocument(readFileSync(new URL(f, CORPUS), 'utf8'), f).text);
  const unit = texts.join('\n\n');
  const perFile = Math.ceil((1024 * 1024) / unit.length);
  const files: string[] = [];
  for (let i = 0; i < megabytes; i++) {
    const p = join(dir, `library-${i}.txt`);
    writeFileSync(p, Array.from({ length: perFile }, () => unit).join('\n\n'));
    files.push(p);
  }
  return files;
}

export async function reviewBench(quick: boolean): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'accordance-bench-'));
  try {
    const files = corpusFiles(dir, quick ? 8 : 32);
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
    reviewText(texts[0]?.slice(0, 200_000) ?? ''); // warm-up
    const t0 = performance.now();
    let provisions = 0;
    for (const t of texts) provisions += reviewText(t).provisions.length;
    const reviewS = (performance.now() - t0) / 1000;
    const mbps = bytes / 1024 / 1024 / reviewS;
    const results: BenchResult[] = [];
    if (has('rg')) {
      const r0 = performance.now();
      execFileSync('rg', ['-j1', '-c', '-i', KEYWORDS, ...files], { maxBuffer: 1 << 26 });
      const rgS = (performance.now() - r0) / 1000;
      const rgMbps = bytes / 1024 / 1024 / rgS;
      results.push({
        name: 'review-throughput',
        value: mbps,
        unit: 'MB/s',
        baseline: rgMbps,
        ratio: mbps / rgMbps,
        note: `${(bytes / 1048576).toFixed(0)} MB, ${provisions} provisions; baseline: ripgrep -j1 keyword scan`,
      });
    } else {
      results.push({
        name: 'review-throughput',
        value: mbps,
        unit: 'MB/s',
        baseline: null,
        ratio: null,
        note: 'ripgrep not installed: no baseline',
      });
    }

    const pdf = await makePolicyPdf(quick ? 50 : 200, 7);
    const pdfPath = join(dir, 'manual.pdf');
    writeFileSync(pdfPath, pdf);
    await extractDocument(pdf, 'manual.pdf'); // warm-up
    const rounds = quick ? 2 : 5;
    const p0 = performance.now();
    for (let i = 0; i < rounds; i++) await extractDocument(pdf, 'manual.pdf');
    const ours = (performance.now() - p0) / rounds;
    if (has('pdftotext')) {
      const q0 = performance.now();
      for (let i = 0; i < rounds; i++) execFileSync('pdftotext', [pdfPath, '-']);
      const poppler = (performance.now() - q0) / rounds;
      results.push({
        name: 'ingest-pdf-vs-pdftotext',
        value: ours / poppler,
        unit: 'x',
        baseline: 1,
        ratio: ours / poppler,
        note: `${quick ? 50 : 200}-page PDF: ours ${ours.toFixed(0)} ms, pdftotext ${poppler.toFixed(0)} ms`,
      });
    } else {
      results.push({
        name: 'ingest-pdf-vs-pdftotext',
        value: ours,
        unit: 'ms',
        baseline: null,
        ratio: null,
        note: 'pdftotext not installed: no baseline',
      });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
