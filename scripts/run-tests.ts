// `npm test`: finds the test files, checks which services are reachable, runs node's test runner, and prints
// a closing `N passed, N failed, N skipped` line. Under CI=true a missing service is a failure, never a skip.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;
const isCi = process.env.CI === 'true' || process.env.CI === '1';
const filter = process.argv.slice(2);

function findTests(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) findTests(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(relative(root, p));
  }
  return out;
}

async function postgresReachable(url: string): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return undefined;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const env: Record<string, string> = { ...(process.env as Record<string, string>), TZ: 'UTC' };
const notes: string[] = [];
const failures: string[] = [];

const pgUrl = process.env.ACCORDANCE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const pgError = await postgresReachable(pgUrl);
if (pgError) {
  const why = `PostgreSQL not reachable at ${pgUrl.replace(/\/\/[^@]*@/, '//')} (${pgError})`;
  if (isCi) failures.push(`${why}: CI=true requires it`);
  notes.push(`SKIPPED store contract on PostgreSQL: ${why}`);
  env.ACCORDANCE_SKIP_POSTGRES = why;
  delete env.ACCORDANCE_TEST_DATABASE_URL;
} else {
  env.ACCORDANCE_TEST_DATABASE_URL = pgUrl;
}

const chromium = process.env.ACCORDANCE_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const why = `Chromium not found at ${chromium}`;
  if (isCi) failures.push(`${why}: CI=true requires it`);
  notes.push(`SKIPPED browser journeys: ${why}`);
  env.ACCORDANCE_SKIP_BROWSER = why;
} else {
  env.ACCORDANCE_CHROMIUM = chromium;
}

if (failures.length > 0) {
  for (const f of failures) process.stderr.write(`run-tests: ${f}\n`);
  process.stdout.write('0 passed, 1 failed\n');
  process.exit(1);
}

// The browser journeys need the built web app (web/dist is not committed).
if (!env.ACCORDANCE_SKIP_BROWSER) {
  const built = spawn(process.execPath, ['scripts/build-web.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const ok: number = await new Promise((res) => built.on('exit', (c) => res(c ?? 1)));
  if (ok !== 0) {
    process.stdout.write('0 passed, 1 failed\n');
    process.exit(1);
  }
}

const files = findTests(root)
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();
const tapDir = mkdtempSync(join(tmpdir(), 'accordance-tap-'));
const tapFile = join(tapDir, 'results.tap');
const args = [
  '--test',
  '--test-concurrency=2',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${tapFile}`,
  ...files,
];
const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
const code: number = await new Promise((res) => child.on('exit', (c) => res(c ?? 1)));

const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
const count = (k: string) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
rmSync(tapDir, { recursive: true, force: true });
for (const n of notes) process.stdout.write(`${n}\n`);
const passed = count('pass');
const failed = count('fail') + count('cancelled');
const skipped = count('skipped');
process.stdout.write(`${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(code !== 0 || failed > 0 ? 1 : 0);
