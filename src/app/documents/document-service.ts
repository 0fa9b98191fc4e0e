// Ingesting documents (BRIEF C5, C7, C11): files are stored once by content hash, then processed as jobs —
// text with page locators, provision review, case facts — with every step recorded.
import type { Clock } from '../ports/clock.ts';
import type { Crypto } from '../ports/writes.ts';
import type { DocumentJob, JobQueue } from '../ports/jobs.ts';
import { DOCUMENT_JOB } from '../ports/jobs.ts';
import type { DocumentReader } from '../review/review-service.ts';
import { reviewText } from '../../domain/review/review-text.ts';
import { DomainError, isDomainError } from '../../domain/shared/domain-error.ts';
import { authorize, actorName, type Actor } from '../../domain/access/authorize.ts';

export type DocumentRecord = {
  readonly sha256: string;
  readonly fileName: string;
  readonly status: 'queued' | 'done' | 'failed';
  readonly format: string | null;
  readonly text: string | null;
  readonly pages: unknown;
  readonly review: unknown;
  readonly facts: unknown;
  readonly error: string | null;
  readonly ingestedBy: string;
  readonly ingestedAt: string;
  readonly processedAt: string | null;
};

export type DocumentStore = {
  /** Stores the bytes and a queued document in one transaction (audited); false when already on record. */
  add(input: {
    sha256: string;
    fileName: string;
    bytes: Uint8Array;
    by: string;
    at: string;
  }): Promise<boolean>;
  get(sha256: string): Promise<DocumentRecord | undefined>;
  bytes(sha256: string): Promise<Uint8Array | undefined>;
  /** Records the outcome of processing (audited). */
  finish(
    sha256: string,
    outcome: {
      status: 'done' | 'failed';
      format?: string;
      text?: string;
      pages?: unknown;
      review?: unknown;
      facts?: unknown;
      error?: string;
      at: string;
    },
  ): Promise<void>;
  list(limit: number): Promise<DocumentRecord[]>;
};

/** Reads case facts (jurisdictions, events, amounts, claims) from a document's text; see src/domain/case-file. */
export type FactReader = (doc: { name: string; text: string }) => unknown;

export function createDocumentService(deps: {
  store: DocumentStore;
  queue: JobQueue;
  read: DocumentReader;
  facts?: FactReader;
  crypto: Crypto;
  clock: Clock;
}) {
  const { store, queue, crypto, clock } = deps;
  return {
    /** Stores each file and queues its processing; returns which were new. Idempotent by content. */
    async ingest(by: Actor, files: readonly { fileName: string; bytes: Uint8Array }[]) {
      authorize(by, 'write:campaign');
      const results: { fileName: string; sha256: string; isNew: boolean }[] = [];
      const jobs: DocumentJob[] = [];
      for (const f of files) {
        if (f.bytes.byteLength === 0) throw new DomainError('bad-input', `${f.fileName} is empty`);
        const sha256 = crypto.sha256(f.bytes);
        const isNew = await store.add({
          sha256,
          fileName: f.fileName,
          bytes: f.bytes,
          by: actorName(by),
          at: clock.now().toISOString(),
        });
        results.push({ fileName: f.fileName, sha256, isNew });
        if (isNew) jobs.push({ sha256, fileName: f.fileName });
      }
      await queue.enqueue(DOCUMENT_JOB, jobs);
      return results;
    },

    /** The job: safe to run twice (a finished document is left alone) and after a crash (queued ones are redone). */
    async process(job: DocumentJob): Promise<void> {
      const doc = await store.get(job.sha256);
      if (!doc || doc.status === 'done') return;
      const bytes = await store.bytes(job.sha256);
      if (!bytes) throw new Error(`document ${job.sha256} has no stored bytes`);
      try {
        const read = await deps.read(bytes, doc.fileName);
        const review = reviewText(read.text);
        const facts = deps.facts ? deps.facts({ name: doc.fileName, text: read.text }) : null;
        await store.finish(job.sha256, {
          status: 'done',
          format: read.format,
          text: read.text,
          pages: read.pages ?? [],
          review: { summary: review.summary, provisions: review.provisions.length },
          facts,
          at: clock.now().toISOString(),
        });
      } catch (e) {
        if (!isDomainError(e)) throw e;
        await store.finish(job.sha256, { status: 'failed', error: e.message, at: clock.now().toISOString() });
      }
    },

    /** Queues again the documents a crash left unprocessed. */
    async requeuePending(): Promise<number> {
      const pending = (await store.list(100_000)).filter((d) => d.status === 'queued');
      await queue.enqueue(
        DOCUMENT_JOB,
        pending.map((d) => ({ sha256: d.sha256, fileName: d.fileName })),
      );
      return pending.length;
    },

    get: (sha256: string) => store.get(sha256),
    list: (limit = 100) => store.list(limit),
  };
}
export type DocumentService = ReturnType<typeof createDocumentService>;
