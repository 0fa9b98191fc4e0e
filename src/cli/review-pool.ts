// Reviews files for `accordance review` on several cores: a pool of worker threads, each reading, reviewing and rendering
// one file at a time, and a scheduler that hands the results back in file order with a bounded number held.
import { Worker } from 'node:worker_threads';
import type { RenderedReview, RenderSpec } from './review-render.ts';

export interface ReviewRunner {
  /**
   * Reads (or takes `bytes`), reviews and renders one file; rejects only on a fault (unreadable input is a failure,
   * not a rejection).
   */
  run(file: string, bytes?: Uint8Array): Promise<RenderedReview>;
  /** Files worked on at once. */
  readonly parallel: number;
  close(): Promise<void>;
}

/** What a review worker sends back for one task. */
export type WorkerReply =
  | { readonly id: number; readonly rendered: RenderedReview }
  | { readonly id: number; readonly fault: string };

/** One task for a review worker: a file to read, or its bytes when they came another way (an upload). */
export type WorkerTask = {
  readonly id: number;
  readonly file: string;
  readonly bytes: Uint8Array | undefined;
};

/** The first message a review worker receives (as workerData). */
export type WorkerSetup = RenderSpec;

export type PoolOptions = {
  /**
   * For a server: a fault or a dead worker fails only its own task, and a dead worker is replaced. Without it (the
   * CLI) the first fault stops the pool, so a batch run reports it once instead of going on.
   */
  readonly resilient?: boolean;
};

/**
 * `jobs` worker threads running `entry` (src/review-worker.ts). Tasks queue until a worker is free. An idle worker
 * does not keep the process alive.
 */
export function createWorkerReviewRunner(
  entry: URL,
  jobs: number,
  spec: RenderSpec,
  options: PoolOptions = {},
): ReviewRunner {
  type Task = {
    id: number;
    file: string;
    bytes: Uint8Array | undefined;
    resolve: (r: RenderedReview) => void;
    reject: (e: Error) => void;
  };
  const queue: Task[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Task>();
  const workers = new Set<Worker>();
  let nextId = 0;
  let broken: Error | null = null;
  let closing = false;

  const dispatch = (): void => {
    while (queue.length > 0 && idle.length > 0) {
      const worker = idle.pop()!;
      const task = queue.shift()!;
      busy.set(worker, task);
      worker.ref();
      worker.postMessage({ id: task.id, file: task.file, bytes: task.bytes } satisfies WorkerTask);
    }
  };
  const release = (worker: Worker): void => {
    busy.delete(worker);
    worker.unref();
    idle.push(worker);
    dispatch();
  };
  const failAll = (e: Error): void => {
    broken ??= e;
    for (const task of queue.splice(0)) task.reject(broken);
    for (const task of busy.values()) task.reject(broken);
    busy.clear();
  };
  /** A worker is gone (crashed, out of memory, exited): its task fails; in a server a new worker takes its place. */
  const lost = (worker: Worker, e: Error): void => {
    if (!workers.delete(worker)) return;
    const at = idle.indexOf(worker);
    if (at !== -1) idle.splice(at, 1);
    if (closing) {
      busy.get(worker)?.reject(new Error('the review workers were closed'));
      busy.delete(worker);
      return;
    }
    if (!options.resilient) {
      failAll(e);
      return;
    }
    busy.get(worker)?.reject(e);
    busy.delete(worker);
    // One that had answered before is replaced; one that never answered (a load error, or its first file was too much)
    // is not, or a broken worker would be restarted in a loop: the tasks waiting fail now, and the next task starts one.
    if (answered.has(worker)) spawn();
    else for (const task of queue.splice(0)) task.reject(e);
    dispatch();
  };
  const answered = new WeakSet<Worker>();
  const spawn = (): void => {
    const worker = new Worker(entry, { workerData: spec satisfies WorkerSetup });
    worker.unref();
    workers.add(worker);
    idle.push(worker);
    worker.on('message', (reply: WorkerReply) => {
      answered.add(worker);
      const task = busy.get(worker);
      if (!task || task.id !== reply.id) return;
      if (!('fault' in reply)) {
        task.resolve(reply.rendered);
        release(worker);
      } else if (options.resilient) {
        task.reject(new Error(reply.fault));
        release(worker);
      } else {
        // The faulting task is settled here: failAll reaches only the tasks still queued or busy.
        busy.delete(worker);
        const fault = new Error(reply.fault);
        task.reject(fault);
        failAll(fault);
      }
    });
    worker.on('error', (e) => lost(worker, e));
    worker.on('exit', (code) => lost(worker, new Error(`a review worker stopped (exit ${code})`)));
  };
  for (let i = 0; i < jobs; i++) spawn();

  return {
    parallel: jobs,
    run(file, bytes) {
      return new Promise<RenderedReview>((resolve, reject) => {
        if (broken ?? closing) {
          reject(broken ?? new Error('the review workers are closed'));
          return;
        }
        if (options.resilient) while (workers.size < jobs) spawn();
        queue.push({ id: nextId++, file, bytes, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closing = true;
      for (const task of queue.splice(0)) task.reject(new Error('the review workers were closed'));
      await Promise.all([...workers].map((w) => w.terminate()));
    },
  };
}

/**
 * Runs `run` over `items`, `parallel` at a time, and calls `deliver` with each result in the order of `items`. At most
 * twice `parallel` results are started ahead of the one being delivered, so memory stays bounded on long lists;
 * `deliver` may return a promise (a write waiting for the output to drain), and nothing more is started until it settles.
 */
export async function forEachInOrder<T, R>(
  items: readonly T[],
  parallel: number,
  run: (item: T) => Promise<R>,
  deliver: (result: R, item: T, index: number) => void | Promise<void>,
): Promise<void> {
  const window = Math.max(1, 2 * parallel);
  const started: Array<Promise<R> | undefined> = [];
  let launched = 0;
  for (let i = 0; i < items.length; i++) {
    while (launched < items.length && launched < i + window) {
      const p = run(items[launched]!);
      // Awaited in order below; until then a rejection must not count as unhandled.
      p.catch(() => undefined);
      started[launched++] = p;
    }
    const result = await started[i]!;
    started[i] = undefined;
    await deliver(result, items[i]!, i);
  }
}
