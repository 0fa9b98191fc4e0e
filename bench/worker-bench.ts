// worker-scaling: a batch of PDF documents processed by 2 worker processes versus 1, on PostgreSQL with pg-boss,
// measured in the same run (speed-up = time with 1 / time with 2).
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import pg from 'pg';
import { openApp, documentService } from '../src/main.ts';
import { createPgBossQueue } from '../src/db/jobs/pg-boss-queue.ts';
import type { BenchResult } from './bench-result.ts';

const root = new URL('..', import.meta.url).pathname;
const URL_ =
  process.env.ACCORDANCE_BENCH_DATABASE_URL ??
  process.env.ACCORDANCE_TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

const PARAGRAPHS = [
  'Sec. 2-173-020. No agent or agency shall request information about or otherwise investigate the citizenship or immigration status of any person unless required by state statute, federal regulation, or court decision.',
  'Sec. 2-173-042. No agency shall permit ICE agents access to a person being detained by the agency, or use of agency facilities for investigative interviews, unless presented with a criminal warrant.',
  'Sec. 2-173-043. The Sheriff shall not honor a civil immigration detainer or hold request, and shall not respond to a notification request seeking release dates, except for persons convicted of a serious felony.',
  'Sec. 2-173-050. Nothing in this chapter prohibits any agency from sending to, or receiving from, federal immigration authorities information regarding citizenship or immigration status, consistent with 8 U.S.C. 1373.',
  'Sec. 3-10-010. Parking permits for municipal vehicles are issued by the Department of Transportation and renewed annually.',
];

export function makePolicyPdf(pages: number, seed: number): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({
      size: 'LETTER',
      margin: 54,
      info: { CreationDate: new Date('2018-01-01T00:00:00Z') },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    for (let p = 0; p < pages; p++) {
      if (p > 0) doc.addPage();
      doc.fontSize(10).text(`Policy manual ${seed}, page ${p + 1}`);
      for (let i = 0; i < 9; i++)
        doc.text(PARAGRAPHS[(p + i + seed) % PARAGRAPHS.length] ?? '').moveDown(0.4);
    }
    doc.end();
  });
}

async function timeBatch(workers: number, files: { fileName: string; bytes: Uint8Array }[]): Promise<number> {
  const schema = `acc_bench_w${workers}_${process.pid}`;
  const admin = new pg.Client({ connectionString: URL_ });
  await admin.connect();
  await admin.query(`drop schema if exists ${schema} cascade; drop schema if exists ${schema}_jobs cascade`);
  const app = await openApp({ kind: 'postgres', url: URL_, schema });
  const queue = await createPgBossQueue(URL_, `${schema}_jobs`);
  const docs = documentService(app, queue);
  const env = { ...process.env, DATABASE_URL: URL_, DATABASE_SCHEMA: schema };
  const procs: ChildProcess[] = Array.from({ length: workers }, () =>
    spawn(process.execPath, [`${root}bin/accordance.js`, 'worker'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  // Wait until every worker says it is taking jobs, so start-up is not timed.
  await Promise.all(
    procs.map(
      (p) =>
        new Promise<void>((r) => p.stdout?.on('data', (d: Buffer) => d.toString().includes('taking') && r())),
    ),
  );
  const operator = {
    kind: 'user' as const,
    id: 'bench',
    email: 'bench',
    role: 'admin' as const,
    jurisdiction: null,
  };
  const t0 = performance.now();
  await docs.ingest(operator, files);
  for (;;) {
    const r = await admin.query(`select count(*)::int as n from ${schema}.documents where status = 'queued'`);
    if (r.rows[0].n === 0) break;
    await new Promise((res) => setTimeout(res, 100));
  }
  const ms = performance.now() - t0;
  const done = await admin.query(`select count(*)::int as n from ${schema}.documents where status = 'done'`);
  if (done.rows[0].n !== files.length)
    throw new Error(`only ${done.rows[0].n} of ${files.length} documents processed`);
  for (const p of procs) p.kill('SIGTERM');
  await Promise.all(procs.map((p) => new Promise((r) => p.once('exit', r))));
  await queue.stop();
  await app.close();
  await admin.query(`drop schema if exists ${schema} cascade; drop schema if exists ${schema}_jobs cascade`);
  await admin.end();
  return ms;
}

export async function workerBench(quick: boolean): Promise<BenchResult[]> {
  const n = quick ? 12 : 32;
  const pages = quick ? 20 : 40;
  const files = await Promise.all(
    Array.from({ length: n }, async (_, i) => ({
      fileName: `manual-${i}.pdf`,
      bytes: await makePolicyPdf(pages, i),
    })),
  );
  const one = await timeBatch(1, files);
  const two = await timeBatch(2, files);
  return [
    {
      name: 'worker-scaling',
      value: one / two,
      unit: 'x',
      baseline: 1,
      ratio: one / two,
      note: `${n} PDFs × ${pages} pages: 1 worker ${(one / 1000).toFixed(1)} s, 2 workers ${(two / 1000).toFixed(1)} s`,
    },
  ];
}
