// Worker-thread entry: runs one format parser so the main thread can stop it at the time budget or heap limit.
import { parentPort, workerData } from 'node:worker_threads';
import { isDomainError } from '../domain/shared/domain-error.ts';
import { parseFormat } from './parse-format.ts';
import type { DocumentFormat, ExtractLimits } from './extract-options.ts';

interface Job {
  readonly format: DocumentFormat;
  readonly bytes: Uint8Array;
  readonly limits: ExtractLimits;
}

const job = workerData as Job;
parseFormat(job.format, job.bytes, job.limits).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (e: unknown) => {
    if (isDomainError(e))
      parentPort?.postMessage({ ok: false, code: e.code, message: e.message, details: e.details });
    else
      parentPort?.postMessage({
        ok: false,
        code: 'bad-input',
        message: String((e as Error)?.message ?? e).split('\n')[0],
        details: {},
      });
  },
);
