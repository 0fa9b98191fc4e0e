// The job queue on PostgreSQL with pg-boss: any number of worker processes, on any machine, share the jobs.
import PgBoss from 'pg-boss';
import type { JobQueue } from '../../app/ports/jobs.ts';

export async function createPgBossQueue(
  connectionString: string,
  schema = 'accordance_jobs',
): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString, schema, max: 4 });
  boss.on('error', (e) => process.stderr.write(`jobs: ${(e as Error).message}\n`));
  await boss.start();
  const created = new Set<string>();
  const ensure = async (name: string) => {
    if (created.has(name)) return;
    await boss.createQueue(name).catch(() => undefined);
    created.add(name);
  };
  return {
    kind: 'pg-boss',
    async enqueue(name, payloads) {
      if (payloads.length === 0) return;
      await ensure(name);
      // Jobs that fail (a crash mid-document) are retried; the handler is idempotent.
      for (let i = 0; i < payloads.length; i += 500) {
        await boss.insert(
          payloads
            .slice(i, i + 500)
            .map((data) => ({ name, data, retryLimit: 3, retryDelay: 1, expireInSeconds: 300 })),
        );
      }
    },
    async work(name, handler, options) {
      await ensure(name);
      const concurrency = options?.concurrency ?? 1;
      // pg-boss polls; one fetch loop per unit of concurrency, one job at a time each, keeps the CPU busy.
      for (let i = 0; i < concurrency; i++) {
        await boss.work(name, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async (jobs) => {
          for (const job of jobs) await handler(job.data as never);
        });
      }
    },
    async drain(name) {
      await ensure(name);
      for (;;) {
        const left = await boss.getQueueSize(name, { before: 'completed' });
        if (left === 0) return;
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
