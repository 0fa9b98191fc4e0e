// `accordance review FILE|DIR... [--recursive] [--json] [--jobs N]` (BRIEF §5): provisions, topics, modifiers, findings.
import { parseArgs } from 'node:util';
import { readdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { UsageError, type CliContext } from './cli-context.ts';
import type { ReviewFailure, ReviewService } from '../app/review/review-service.ts';
import { DomainError } from '../domain/shared/domain-error.ts';
import { progressBar } from './progress-bar.ts';
import { forEachInOrder, type ReviewRunner } from './review-pool.ts';
import { renderDocument, reviewJsonWriter, type RenderSpec } from './review-render.ts';

export const REVIEW_USAGE = 'usage: accordance review FILE|DIR... [--recursive] [--json] [--jobs N]';

/** Files named on the command line, and with --recursive the files under directories (hidden ones skipped). */
export async function collectFiles(paths: readonly string[], recursive: boolean): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string) => {
    const s = await stat(p).catch(() => {
      throw new DomainError('bad-input', `${p}: no such file or directory`);
    });
    if (s.isDirectory()) {
      if (!recursive) throw new DomainError('bad-input', `${p} is a directory; add --recursive`);
      for (const name of (await readdir(p)).sort()) if (!name.startsWith('.')) await walk(join(p, name));
    } else if (s.isFile()) out.push(p);
  };
  for (const p of paths) await walk(p);
  return out;
}

/** Reviews in this thread, one file at a time (one file, `--jobs 1`, or no worker pool available). */
const inProcessRunner = (service: ReviewService, spec: RenderSpec): ReviewRunner => ({
  parallel: 1,
  async run(file) {
    const outcome = await service.tryReviewOne(file, async () => new Uint8Array(await readFile(file)));
    return outcome.ok ? { ok: true, chunks: renderDocument(outcome.document, spec) } : outcome;
  },
  close: async () => undefined,
});

/** Below this much input, starting worker threads (about 0.8 s) costs more than they save. */
const WORKERS_FROM_BYTES = 8 * 1024 * 1024;

/**
 * `--jobs`: a whole number from 1 to 64, never more than there are files. By default one worker per core less one (the
 * main thread writes the output), and none for a batch under WORKERS_FROM_BYTES; on two cores that means one thread.
 */
async function jobsOf(value: string | undefined, files: readonly string[]): Promise<number> {
  if (value !== undefined) {
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 64)
      throw new UsageError(`--jobs takes a whole number from 1 to 64, not "${value}"; ${REVIEW_USAGE}`);
    return Math.min(Number(value), files.length);
  }
  const jobs = Math.min(availableParallelism() - 1, files.length);
  if (jobs < 2) return 1;
  let bytes = 0;
  // A file gone since it was listed counts as empty here; reviewing it reports it as refused.
  for (const f of files) bytes += (await stat(f).catch(() => null))?.size ?? 0;
  return bytes >= WORKERS_FROM_BYTES ? jobs : 1;
}

export async function reviewCommand(args: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        json: { type: 'boolean', default: false },
        recursive: { type: 'boolean', short: 'r', default: false },
        jobs: { type: 'string', short: 'j' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}; ${REVIEW_USAGE}`);
  }
  if (parsed.positionals.length === 0) throw new UsageError(`name at least one file; ${REVIEW_USAGE}`);
  const files = await collectFiles(parsed.positionals, parsed.values.recursive);
  if (files.length === 0) throw new DomainError('bad-input', 'no files to review');
  const jobs = await jobsOf(parsed.values.jobs, files);
  const spec: RenderSpec = {
    output: parsed.values.json ? 'json' : 'text',
    color: !parsed.values.json && process.stdout.isTTY === true,
  };
  // Output is written as each document is done (in file order), so a large batch is never held whole in memory.
  const runner =
    jobs > 1 && ctx.reviewWorkers ? ctx.reviewWorkers(jobs, spec) : inProcessRunner(ctx.review(), spec);
  const bar = files.length > 1 ? progressBar('review', files.length) : undefined;
  const json = spec.output === 'json' ? reviewJsonWriter(ctx.write) : null;
  const errors: ReviewFailure[] = [];
  let reviewed = 0;
  let lastWritten = '';
  const writeText = async (chunk: string): Promise<void> => {
    if (chunk.length === 0) return;
    lastWritten = chunk;
    await ctx.write(chunk);
  };
  try {
    await json?.begin();
    await forEachInOrder(
      files,
      runner.parallel,
      (file) => runner.run(file),
      async (result, file, i) => {
        if (!result.ok) errors.push(result.failure);
        else if (json) {
          reviewed++;
          await json.document(result.chunks);
        } else {
          if (reviewed++ > 0) await writeText('\n\n');
          for (const c of result.chunks) await writeText(c);
        }
        bar?.update(i + 1, file);
      },
    );
  } finally {
    await runner.close();
  }
  bar?.done(
    `${reviewed} reviewed, ${errors.length} refused${runner.parallel > 1 ? ` (${runner.parallel} workers)` : ''}`,
  );
  if (json) await json.end(errors);
  else if (!lastWritten.endsWith('\n')) await ctx.write('\n');
  if (errors.length > 0) {
    // One line per refused file; the exit code says the input was bad.
    for (const e of errors) ctx.err(`accordance: ${e.file}: ${e.error.replace(/\s+/g, ' ')}`);
    return 2;
  }
  return 0;
}
