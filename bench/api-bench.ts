// api-status-p99: p99 latency of GET /api/status for every jurisdiction at 50 connections, against a static
// file served by the same server in the same run (autocannon, loopback only, bounded in time).
import autocannon from 'autocannon';
import { openApp, serverFor } from '../src/main.ts';
import { fixedClock } from '../src/app/ports/clock.ts';
import { isoDate } from '../src/domain/shared/iso-date.ts';
import type { BenchResult } from './bench-result.ts';

const run = (url: string, seconds: number): Promise<autocannon.Result> =>
  new Promise((resolve, reject) => {
    autocannon(
      { url, connections: 50, duration: seconds, pipelining: 1, headers: { 'accept-encoding': 'gzip' } },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
  });

export async function apiBench(quick: boolean): Promise<BenchResult[]> {
  const app = await openApp({ kind: 'pglite' }, fixedClock(isoDate('2018-02-24')));
  const server = serverFor(app, {}, 'bench');
  const base = await server.listen({ port: 0, host: '127.0.0.1' });
  try {
    const seconds = quick ? 3 : 10;
    const statusUrl = `${base}/api/status?asOf=2018-02-24`;
    await run(statusUrl, 2); // warm-up: JIT, caches
    const status = await run(statusUrl, seconds);
    // A small static file: the baseline measures the server and the loopback, not bandwidth.
    const file = await run(`${base}/`, seconds);
    const errors = status.errors + status.non2xx + file.errors + file.non2xx;
    const note = `gzip-accepting client, 50 connections, ${seconds}s each; ${Math.round(status.requests.average)} req/s vs ${Math.round(file.requests.average)} req/s; errors ${errors}`;
    return [
      {
        name: 'api-status-p99',
        value: status.latency.p99,
        unit: 'ms',
        baseline: file.latency.p99,
        ratio: status.latency.p99 / Math.max(1, file.latency.p99),
        note,
      },
      {
        name: 'api-status-throughput',
        value: status.requests.average,
        unit: 'req/s',
        baseline: file.requests.average,
        ratio: status.requests.average / file.requests.average,
        note: 'baseline: static file from the same server',
      },
    ];
  } finally {
    await server.close();
    await app.close();
  }
}
