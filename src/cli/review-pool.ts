// Reviews files for `accordance review` on several cores: a pool of worker threads, each reading, reviewing and rendering
// one file at a time, and a scheduler that hands the results back in file order with a bounded number held.
import { Worker } from 'node:worker_threads';
import type { RenderedReview, RenderSpec } from './review-render.ts';

export interface ReviewRunner {
  /** Reads, reviews and renders one file; rejects only on a fault (unreadable input is a failure, not a rejection). */
  run(file: string): Promise<RenderedReview>;
  /** Files worked on at once. */
  readonly parallel: number;
  close(): Promise<void>;
}

/** What a review worker sends back for one task. */
export type WorkerReply =
  | { readonly id: number; readonly rendered: RenderedReview }
  | { readonly id: number; readonly fault: string };

/** The first message a review worker receives (as workerData). */
export type WorkerSetup = RenderSpec;

/**
 * `jobs` worker threads running `entry` (src/review-worker.ts). Tasks queue until a worker is free; a worker that dies
 * fails its task and the pool refuses further work, so a fault is reported once instead of hanging.
 */
export function createWorkerReviewRunner(entry: URL, jobs: number, spec: RenderSpec): ReviewRunner {
  type Task = { id: number; file: string; resolve: (r: RenderedReview) => void; reject: (e: Error) => void };
  const queue: Task[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Task>();
  let nextId = 0;
  let broken: Error | null = null;
  let closing = false;
  const workers: Worker[] = [];

  const dispatch = (): void => {
    while (queue.length > 0 && idle.length > 0) {
      const worker = idle.pop()!;
      const task = queue.shift()!;
      busy.set(worker, task);
      worker.postMessage({ id: task.id, file: task.file });
    }
  };
  const fail = (e: Error): void => {
    broken ??= e;
    for (const task of queue.splice(0)) task.reject(broken);
    for (const task of busy.values()) task.reject(broken);
    busy.clear();
  };

  for (let i = 0; i < jobs; i++) {
    const worker = new Worker(entry, { workerData: spec satisfies WorkerSetup });
    workers.push(worker);
    idle.push(worker);
    worker.on('message', (reply: WorkerReply) => {
      const task = busy.get(worker);
      if (!task || task.id !== reply.id) return;
      busy.delete(worker);
      if ('fault' in reply) fail(new Error(reply.fault));
      else {
        task.resolve(reply.rendered);
        idle.push(worker);
        dispatch();
      }
    });
    worker.on('error', (e) => fail(e));
    worker.on('exit', (code) => {
      if (busy.has(worker) || (code !== 0 && !closing))
        fail(new Error(`a review worker stopped (exit ${code})`));
    });
  }

  return {
    parallel: jobs,
    run(file) {
      return new Promise<RenderedReview>((resolve, reject) => {
        if (broken) {
          reject(broken);
          return;
        }
        queue.push({ id: nextId++, file, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
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
