// `accordance ingest FILE|DIR... [--recursive] [--json] [--no-work]`: store documents and process them as jobs.
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UsageError, type CliContext } from './cli-context.ts';
import type { DocumentService } from '../app/documents/document-service.ts';
import type { JobQueue } from '../app/ports/jobs.ts';
import { DOCUMENT_JOB } from '../app/ports/jobs.ts';
import { collectFiles } from './review-command.ts';
import { progressBar } from './progress-bar.ts';
import { DomainError } from '../domain/shared/domain-error.ts';

export const INGEST_USAGE =
  'usage: accordance ingest FILE|DIR... [--recursive] [--json] [--no-work] [--verbose]';

export type DocumentsPort = {
  documents: DocumentService;
  queue: JobQueue;
  operator: import('../domain/access/authorize.ts').Actor;
};

export async function ingestCommand(
  args: string[],
  ctx: CliContext & { documents(): Promise<DocumentsPort> },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        recursive: { type: 'boolean', short: 'r', default: false },
        json: { type: 'boolean', default: false },
        'no-work': { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}; ${INGEST_USAGE}`);
  }
  if (parsed.positionals.length === 0) throw new UsageError(`name at least one file; ${INGEST_USAGE}`);
  const files = await collectFiles(parsed.positionals, parsed.values.recursive);
  if (files.length === 0) throw new DomainError('bad-input', 'no files to ingest');
  const { documents, queue, operator } = await ctx.documents();
  if (!parsed.values['no-work']) {
    await queue.work(DOCUMENT_JOB, (job) => documents.process(job as never), { concurrency: 2 });
    // Documents a killed run left queued are queued again: in-process jobs died with it, and a pg-boss job held
    // by a dead process waits for its expiry. Processing is idempotent, so a second job for one is harmless.
    await documents.requeuePending();
  }

  const store = progressBar('store', files.length);
  const stored: { file: string; sha256: string; isNew: boolean }[] = [];
  for (const [i, file] of files.entries()) {
    const bytes = new Uint8Array(await readFile(file));
    const [r] = await documents.ingest(operator, [{ fileName: basename(file), bytes }]);
    if (r) {
      stored.push({ file, sha256: r.sha256, isNew: r.isNew });
      // Printed only after the transaction committed: a line here is an acknowledgement.
      if (parsed.values.verbose) ctx.out(`stored ${r.sha256} ${file}`);
    }
    store.update(i + 1, file);
  }
  const fresh = stored.filter((s) => s.isNew).length;
  store.done(`${fresh} new, ${stored.length - fresh} already on record`);
  if (parsed.values['no-work']) {
    ctx.out(parsed.values.json ? JSON.stringify({ stored }, null, 2) : `${fresh} queued for the workers`);
    return 0;
  }
  if (queue.kind === 'in-process') await queue.drain(DOCUMENT_JOB);
  // Wait for these documents, not for the whole queue (other ingests and stuck jobs are not ours to wait for).
  for (;;) {
    const states = await Promise.all(stored.map(async (x) => (await documents.get(x.sha256))?.status));
    if (!states.includes('queued')) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const outcome = await Promise.all(
    stored.map(async (s) => ({ ...s, document: await documents.get(s.sha256) })),
  );
  const failed = outcome.filter((o) => o.document?.status === 'failed');
  if (parsed.values.json) {
    ctx.out(
      JSON.stringify(
        {
          documents: outcome.map((o) => ({
            file: o.file,
            sha256: o.sha256,
            isNew: o.isNew,
            status: o.document?.status,
            format: o.document?.format,
            error: o.document?.error,
          })),
        },
        null,
        2,
      ),
    );
  } else {
    ctx.out(`${outcome.length - failed.length} processed, ${failed.length} refused`);
  }
  for (const f of failed) ctx.err(`accordance: ${f.file}: ${f.document?.error ?? 'failed'}`);
  return failed.length > 0 ? 2 : 0;
}

export async function workerCommand(
  args: string[],
  ctx: CliContext & { documents(): Promise<DocumentsPort> },
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { concurrency: { type: 'string', default: '1' } },
    strict: true,
  });
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new UsageError('--concurrency must be 1–64');
  const { documents, queue } = await ctx.documents();
  if (queue.kind !== 'pg-boss')
    throw new UsageError(
      'workers need a PostgreSQL server (set DATABASE_URL); the embedded store runs jobs in-process',
    );
  let done = 0;
  await queue.work(
    DOCUMENT_JOB,
    async (job) => {
      await documents.process(job as never);
      done++;
    },
    { concurrency },
  );
  ctx.out(`worker ${process.pid} taking ${DOCUMENT_JOB} jobs (concurrency ${concurrency})`);
  await new Promise<void>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  await queue.stop();
  ctx.out(`worker ${process.pid} stopped after ${done} jobs`);
  return 0;
}
