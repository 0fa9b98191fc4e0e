// Crash safety: `accordance ingest` killed with SIGKILL at random moments, again and again. Afterwards nothing it
// acknowledged is lost, nothing is stored twice, the audit chain is intact, and a last run finishes the job.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'accordance-kill-'));
after(() => rmSync(work, { recursive: true, force: true }));
const KILLS_PG = Number(process.env.ACCORDANCE_KILLS ?? 120);
const KILLS_EMBEDDED = Number(process.env.ACCORDANCE_KILLS_EMBEDDED ?? 10);
const pgUrl = process.env.ACCORDANCE_TEST_DATABASE_URL;

function makeFiles(n: number): string {
  const dir = join(work, `docs-${n}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(dir);
  for (let i = 0; i < n; i++) {
    writeFileSync(
      join(dir, `policy-${String(i).padStart(3, '0')}.txt`),
      `Policy ${i}.\nSec. 1. Officers shall not inquire about immigration status.\nSec. 2. The jail shall not honor ICE detainers (${i}).\n`,
    );
  }
  return dir;
}

// Seeded, so a failure can be replayed.
let seed = 20180124;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/**
 * Runs `accordance ARGS` and kills it `delayMs` after its first acknowledgement (or after 10 s if none comes), so
 * kills land while work is under way however slow start-up is. Returns what matched `ack` in its output, the exit
 * code (null when killed) and, for a run that finished, how long it ran after its first output.
 */
function spawnAndKill(
  env: NodeJS.ProcessEnv,
  args: string[],
  delayMs: number | null,
  ack: RegExp,
): Promise<{ acked: string[]; code: number | null; tailMs: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin/accordance.js'), ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let firstOutputAt: number | null = null;
    let timer: NodeJS.Timeout | undefined =
      delayMs === null ? undefined : setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.stdout.on('data', (d: Buffer) => {
      const first = out === '';
      out += d.toString();
      if (first) firstOutputAt = performance.now();
      if (first && delayMs !== null) {
        clearTimeout(timer);
        timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({
        acked: [...out.matchAll(ack)].map((m) => m[1] as string),
        code,
        tailMs: code !== null && firstOutputAt !== null ? performance.now() - firstOutputAt : null,
      });
    });
  });
}

/**
 * Kill delays are drawn below the time an uninterrupted run keeps working after its first output (runs get shorter
 * as more files are already stored), so most kills land mid-run; every finished run refreshes that bound.
 */
function delayBound(maxDelay: number) {
  let bound = maxDelay;
  return {
    next: () => Math.floor(random() * bound),
    saw: (r: { tailMs: number | null }) => {
      if (r.tailMs !== null) bound = Math.max(10, Math.min(maxDelay, r.tailMs * 0.9));
    },
  };
}

/** Runs ingest and kills it; returns the acknowledged hashes. */
const runAndKill = (env: NodeJS.ProcessEnv, dir: string, delayMs: number | null) =>
  spawnAndKill(env, ['ingest', dir, '--recursive', '--verbose'], delayMs, /^stored ([0-9a-f]{64}) /gm);

async function killLoop(
  label: string,
  env: NodeJS.ProcessEnv,
  kills: number,
  files: number,
  maxDelay: number,
  count: (sql: string) => Promise<number>,
) {
  const dir = makeFiles(files);
  const acknowledged = new Set<string>();
  let killed = 0;
  const delays = delayBound(maxDelay);
  for (let i = 0; i < kills; i++) {
    const r = await runAndKill(env, dir, delays.next());
    delays.saw(r);
    for (const a of r.acked) acknowledged.add(a);
    if (r.code === null) killed++;
    // Every acknowledged file is in the store after the crash.
    for (const sha of r.acked)
      assert.equal(
        await count(`select count(*)::int as n from documents where sha256 = '${sha}'`),
        1,
        `${label}: acknowledged ${sha} lost`,
      );
  }
  const last = await runAndKill(env, dir, null);
  assert.equal(last.code, 0, `${label}: the final run did not finish`);
  assert.equal(
    await count('select count(*)::int as n from documents'),
    files,
    `${label}: documents stored twice or lost`,
  );
  assert.equal(
    await count("select count(*)::int as n from documents where status <> 'done'"),
    0,
    `${label}: unprocessed documents left`,
  );
  assert.equal(await count('select count(*)::int as n from blobs'), files);
  const audit = spawnSync(process.execPath, [join(root, 'bin/accordance.js'), 'audit', 'verify', '--json'], {
    env,
    encoding: 'utf8',
  });
  assert.equal(JSON.parse(audit.stdout).ok, true, `${label}: audit chain broken: ${audit.stdout}`);
  process.stdout.write(
    `# crash safety (${label}): ${kills} runs, ${killed} killed mid-run, ${acknowledged.size} acknowledged before a kill, all kept\n`,
  );
  return killed;
}

test(
  `ingest on PostgreSQL survives ${KILLS_PG} kills`,
  { skip: pgUrl ? false : (process.env.ACCORDANCE_SKIP_POSTGRES ?? 'no PostgreSQL') },
  async () => {
    const schema = `accordance_kill_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    try {
      await admin.query(
        `drop schema if exists ${schema} cascade; drop schema if exists ${schema}_jobs cascade`,
      );
      const env = { ...process.env, DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema, TZ: 'UTC' };
      const count = async (sql: string) =>
        (await admin.query(sql.replace(/from (documents|blobs)/, `from ${schema}.$1`))).rows[0].n as number;
      const killed = await killLoop('PostgreSQL', env, KILLS_PG, 40, 400, count);
      assert.ok(killed >= KILLS_PG * 0.4, `only ${killed} runs were killed mid-way`);
    } finally {
      await admin.query(
        `drop schema if exists ${schema} cascade; drop schema if exists ${schema}_jobs cascade`,
      );
      await admin.end();
    }
  },
);

test(`ingest on the embedded store survives ${KILLS_EMBEDDED} kills`, async () => {
  const dataDir = join(work, 'embedded');
  const env: NodeJS.ProcessEnv = { ...process.env, ACCORDANCE_DATA: dataDir, TZ: 'UTC' };
  delete env.DATABASE_URL;
  // Counting needs the store, which only one process may open at a time: ask the CLI's own status of documents.
  const { openPgliteDatabase } = await import('../src/db/sql/pglite-database.ts');
  const count = async (sql: string) => {
    const db = await openPgliteDatabase(dataDir);
    try {
      return (await db.query<{ n: number }>(sql))[0]?.n ?? 0;
    } finally {
      await db.close();
    }
  };
  // The first run creates the store (about 5 s); later runs open it in about 1.5 s and then ingest.
  await runAndKill(env, makeFiles(1), null);
  await killLoop('embedded', env, KILLS_EMBEDDED, 20, 1500, count);
});

test(
  "generating a wave's letters on PostgreSQL survives 30 kills: each letter recorded once, all 23 made",
  { skip: pgUrl ? false : (process.env.ACCORDANCE_SKIP_POSTGRES ?? 'no PostgreSQL') },
  async () => {
    const schema = `accordance_letters_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    const env = { ...process.env, DATABASE_URL: pgUrl, DATABASE_SCHEMA: schema, TZ: 'UTC' };
    const letters = (delayMs: number | null) =>
      spawnAndKill(
        env,
        ['letters', '--wave', '2018-01-24-document-requests', '--verbose'],
        delayMs,
        /^letter [0-9a-f]{64} (\S+)$/gm,
      );
    try {
      await admin.query(`drop schema if exists ${schema} cascade`);
      let killed = 0;
      const acknowledged = new Set<string>();
      const delays = delayBound(600);
      for (let i = 0; i < 30; i++) {
        const r = await letters(delays.next());
        delays.saw(r);
        if (r.code === null) killed++;
        for (const j of r.acked) acknowledged.add(j);
        for (const j of r.acked) {
          const n = (
            await admin.query(`select count(*)::int as n from ${schema}.letters where jurisdiction = $1`, [j])
          ).rows[0].n;
          assert.equal(n, 1, `acknowledged letter to ${j} lost`);
        }
      }
      assert.equal((await letters(null)).code, 0);
      assert.equal((await admin.query(`select count(*)::int as n from ${schema}.letters`)).rows[0].n, 23);
      const audit = spawnSync(
        process.execPath,
        [join(root, 'bin/accordance.js'), 'audit', 'verify', '--json'],
        { env, encoding: 'utf8' },
      );
      assert.equal(JSON.parse(audit.stdout).ok, true);
      process.stdout.write(
        `# crash safety (letters): 30 runs, ${killed} killed mid-run, ${acknowledged.size} letters acknowledged before a kill, all kept\n`,
      );
    } finally {
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  },
);
