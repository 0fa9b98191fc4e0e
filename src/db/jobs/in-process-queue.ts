// The embedded store's job queue: jobs run in this process, a few at a time, as soon as they are queued.
import type { JobHandler, JobQueue } from '../../app/ports/jobs.ts';

export function createInProcessQueue(): JobQueue {
  const handlers = new Map<string, { handler: JobHandler<object>; concurrency: number }>();
  const waiting = new Map<string, object[]>();
  const running = new Map<string, Set<Promise<void>>>();
  const errors: unknown[] = [];

  const pump = (name: string) => {
    const h = handlers.get(name);
    const queue = waiting.get(name) ?? [];
    const active = running.get(name) ?? new Set();
    running.set(name, active);
    while (h && queue.length > 0 && active.size < h.concurrency) {
      const payload = queue.shift() as object;
      const p: Promise<void> = h
        .handler(payload)
        .catch((e: unknown) => {
          errors.push(e);
        })
        .finally(() => {
          active.delete(p);
          pump(name);
        });
      active.add(p);
    }
  };

  return {
    kind: 'in-process',
    async enqueue(name, payloads) {
      waiting.set(name, [...(waiting.get(name) ?? []), ...payloads]);
      pump(name);
    },
    async work(name, handler, options) {
      handlers.set(name, { handler: handler as JobHandler<object>, concurrency: options?.concurrency ?? 2 });
      pump(name);
    },
    async drain(name) {
      for (;;) {
        const active = [...(running.get(name) ?? [])];
        if (active.length === 0 && (waiting.get(name)?.length ?? 0) === 0) break;
        if (active.length === 0 && !handlers.has(name)) throw new Error(`no worker for ${name}`);
        await Promise.all(active);
      }
      const e = errors.shift();
      if (e) throw e;
    },
    async stop() {
      handlers.clear();
    },
  };
}
