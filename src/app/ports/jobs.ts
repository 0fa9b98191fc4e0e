// The job queue port: document work runs as jobs, in-process on the embedded store, on pg-boss with a server.
export type JobHandler<T> = (payload: T) => Promise<void>;

export type JobQueue = {
  readonly kind: 'in-process' | 'pg-boss';
  enqueue<T extends object>(name: string, payloads: readonly T[]): Promise<void>;
  /** Takes jobs of `name` until stopped; `concurrency` jobs at a time in this process. */
  work<T extends object>(
    name: string,
    handler: JobHandler<T>,
    options?: { concurrency?: number },
  ): Promise<void>;
  /** Resolves when no job of `name` is waiting or running. */
  drain(name: string): Promise<void>;
  stop(): Promise<void>;
};

export const DOCUMENT_JOB = 'document-process';
export type DocumentJob = { readonly sha256: string; readonly fileName: string };
