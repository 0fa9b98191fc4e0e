// Document intake (BRIEF C5): detect the format, hash the bytes, extract text with page locators, within hard limits.
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../domain/shared/domain-error.ts';
import type { DomainErrorCode } from '../domain/shared/domain-error.ts';
import { assertReadableText } from './assert-readable-text.ts';
import { detectFormat } from './detect-format.ts';
import { resolveExtractOptions } from './extract-options.ts';
import type {
  DocumentFormat,
  ExtractedDocument,
  ExtractLimits,
  ExtractOptions,
  ParsedText,
} from './extract-options.ts';
import { parseFormat } from './parse-format.ts';
import { extractPdfWithPoppler } from './extract-pdf-poppler.ts';

const WORKER_URL = new URL('./extraction-worker.ts', import.meta.url);

interface WorkerReply {
  readonly ok: boolean;
  readonly result?: ParsedText;
  readonly code?: DomainErrorCode;
  readonly message?: string;
  readonly details?: Record<string, unknown>;
}

/**
 * Runs the parser in a worker thread with a heap limit, and terminates it when the time budget runs out: a hostile
 * file can make a parser loop or allocate without bound, and only a separate thread can be stopped from outside.
 */
function parseIsolated(
  format: DocumentFormat,
  bytes: Uint8Array,
  limits: ExtractLimits,
): Promise<ParsedText> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: { format, bytes, limits },
      resourceLimits: {
        maxOldGenerationSizeMb: limits.maxMemoryMb,
        maxYoungGenerationSizeMb: 64,
        stackSizeMb: 8,
      },
      stdout: true,
      stderr: true,
    });
    // Parsers log to the console (pdf.js, mammoth); that output is not the caller's.
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const finish = (f: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      finish(() =>
        reject(
          new DomainError(
            'too-large',
            `${format}: extraction took longer than the ${Math.round(limits.timeBudgetMs / 1000)} s budget`,
            { timeBudgetMs: limits.timeBudgetMs },
          ),
        ),
      );
    }, limits.timeBudgetMs);
    worker.on('message', (reply: WorkerReply) => {
      if (reply.ok && reply.result) finish(() => resolve(reply.result!));
      else
        finish(() =>
          reject(
            new DomainError(
              reply.code ?? 'bad-input',
              reply.message ?? `${format}: could not be read`,
              reply.details ?? {},
            ),
          ),
        );
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        finish(() =>
          reject(
            new DomainError(
              'too-large',
              `${format}: extraction needed more than ${limits.maxMemoryMb} MB of memory`,
            ),
          ),
        );
      } else {
        finish(() =>
          reject(
            new DomainError(
              'bad-input',
              `${format}: could not be read (${String(e.message).split('\n')[0]})`,
            ),
          ),
        );
      }
    });
    worker.on('exit', (code) => {
      finish(() =>
        reject(new DomainError('bad-input', `${format}: the parser stopped unexpectedly (exit ${code})`)),
      );
    });
  });
}

/**
 * Extracts the text of one document. Magic bytes decide the format, the extension only when the bytes say nothing.
 * Every failure is a `DomainError` ('bad-input' for unreadable or hostile content, 'too-large' for limits) with a
 * one-line message; nothing is fetched from the network.
 */
export async function extractDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ExtractOptions = {},
): Promise<ExtractedDocument> {
  const limits = resolveExtractOptions(options);
  if (bytes.byteLength > limits.maxBytes) {
    throw new DomainError(
      'too-large',
      `${fileName}: ${bytes.byteLength} bytes is over the ${limits.maxBytes}-byte limit`,
      {
        bytes: bytes.byteLength,
      },
    );
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const format = detectFormat(bytes, fileName);
  // Plain text is decoded in process: it is linear and bounded by maxBytes, and a worker would cost more than it.
  // PDFs go to poppler first when it is installed (about 8x faster than pdf.js here); see extract-pdf-poppler.ts.
  const fast = format === 'pdf' ? await extractPdfWithPoppler(bytes, fileName, limits) : null;
  const parsed =
    fast ??
    (format === 'text' || !limits.isolate
      ? await parseFormat(format, bytes, limits)
      : await parseIsolated(format, bytes, limits));
  const text = assertReadableText(parsed.text, limits, fileName);
  const warnings = [...parsed.warnings];
  if (text.trim() === '') warnings.push('no text was found in the document');
  return {
    format,
    sha256,
    text,
    ...(parsed.pages ? { pages: parsed.pages } : {}),
    ...(parsed.encoding ? { encoding: parsed.encoding } : {}),
    warnings,
  };
}
