// The order-keeping scheduler of `accordance review --jobs N`: results in file order, bounded work ahead, faults surface.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createWorkerReviewRunner, forEachInOrder } from './review-pool.ts';

test('results are delivered in input order even when later items finish first', async () => {
  const items = Array.from({ length: 20 }, (_, i) => i);
  const delivered: number[] = [];
  await forEachInOrder(
    items,
    3,
    async (i) => {
      await sleep((20 - i) % 5);
      return i * 10;
    },
    (r, item, index) => {
      assert.equal(r, item * 10);
      assert.equal(index, item);
      delivered.push(item);
    },
  );
  assert.deepEqual(delivered, items);
});

test('no more than twice the parallelism is started ahead of the item being delivered', async () => {
  let running = 0;
  let most = 0;
  let delivered = 0;
  let furthestAhead = 0;
  await forEachInOrder(
    Array.from({ length: 40 }, (_, i) => i),
    2,
    async (i) => {
      running++;
      most = Math.max(most, running);
      furthestAhead = Math.max(furthestAhead, i - delivered);
      await sleep(i % 3);
      running--;
      return i;
    },
    () => {
      delivered++;
    },
  );
  assert.ok(most <= 4, `${most} at once`);
  assert.ok(furthestAhead <= 4, `${furthestAhead} ahead`);
});

test('a fault rejects the whole run, and a later fault is not left unhandled', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  try {
    const delivered: number[] = [];
    await assert.rejects(
      forEachInOrder(
        [0, 1, 2, 3],
        2,
        async (i) => {
          if (i >= 2) throw new Error(`fault ${i}`);
          await sleep(5);
          return i;
        },
        (r) => {
          delivered.push(r);
        },
      ),
      /fault 2/,
    );
    assert.deepEqual(delivered, [0, 1]);
    await sleep(20);
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});

test('a slow delivery (output waiting to drain) holds back further work', async () => {
  let started = 0;
  let delivered = 0;
  let mostAhead = 0;
  await forEachInOrder(
    Array.from({ length: 30 }, (_, i) => i),
    2,
    async (i) => {
      started++;
      return i;
    },
    async () => {
      mostAhead = Math.max(mostAhead, started - delivered);
      await sleep(2);
      delivered++;
    },
  );
  assert.equal(delivered, 30);
  assert.ok(mostAhead <= 4, `${mostAhead} started ahead of a pending write`);
});

/** A worker entry with this source, in a directory of its own (`dir` for files it may write). */
const workerFile = (source: (dir: string) => string): { entry: URL; dir: string; done: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), 'accordance-pool-'));
  const file = join(dir, 'worker.mjs');
  writeFileSync(file, source(dir));
  return { entry: pathToFileURL(file), dir, done: () => rmSync(dir, { recursive: true, force: true }) };
};

/** A stand-in review worker: "crash" kills the thread, "fault" reports a fault, anything else is reviewed. */
const fakeWorker = () =>
  workerFile(
    () => `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, file, bytes }) => {
  if (file === 'crash') process.exit(3);
  if (file === 'fault') parentPort.postMessage({ id, fault: 'something broke' });
  else parentPort.postMessage({ id, rendered: { ok: true, chunks: [file + ':' + (bytes ? bytes.length : 'read')] } });
});`,
  );
const SPEC = { output: 'compact', color: false } as const;

test('a resilient pool (the server) fails only the task whose worker died or faulted, and goes on', async () => {
  const { entry, done } = fakeWorker();
  const pool = createWorkerReviewRunner(entry, 1, SPEC, { resilient: true });
  try {
    assert.deepEqual(await pool.run('a.txt', new Uint8Array(3)), { ok: true, chunks: ['a.txt:3'] });
    await assert.rejects(pool.run('crash'), /stopped \(exit 3\)/);
    assert.deepEqual(await pool.run('b.txt'), { ok: true, chunks: ['b.txt:read'] }, 'a new worker took over');
    await assert.rejects(pool.run('fault'), /something broke/);
    assert.deepEqual(await pool.run('c.txt'), { ok: true, chunks: ['c.txt:read'] });
  } finally {
    await pool.close();
    done();
  }
});

test('a batch pool (the CLI) stops at the first fault: queued and later tasks fail with it', async () => {
  const { entry, done } = fakeWorker();
  const pool = createWorkerReviewRunner(entry, 1, SPEC);
  try {
    const [first, queued] = await Promise.allSettled([pool.run('fault'), pool.run('a.txt')]);
    for (const r of [first, queued]) {
      assert.equal(r?.status, 'rejected');
      assert.match(String((r as PromiseRejectedResult).reason), /something broke/);
    }
    await assert.rejects(pool.run('b.txt'), /something broke/);
  } finally {
    await pool.close();
    done();
  }
});

test('a resilient pool does not restart a worker that cannot start: its tasks fail, and each new task tries once', async () => {
  const { entry, dir, done } = workerFile(
    (d) => `import { appendFileSync } from 'node:fs';
appendFileSync(${JSON.stringify(join(d, 'starts'))}, 'x');
throw new Error('cannot load');`,
  );
  const starts = join(dir, 'starts');
  writeFileSync(starts, '');
  const pool = createWorkerReviewRunner(entry, 1, SPEC, { resilient: true });
  try {
    await assert.rejects(pool.run('a.txt'), /cannot load/);
    await assert.rejects(pool.run('b.txt'), /cannot load/);
    // Long enough for a restart loop to show itself in the count.
    await sleep(300);
    const count = readFileSync(starts, 'utf8').length;
    assert.ok(count >= 1 && count <= 3, `${count} starts`);
  } finally {
    await pool.close();
    done();
  }
});
