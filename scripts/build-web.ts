// Builds the web app into web/dist when its sources are newer than the last build (run before `npm start`).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const root = new URL('../web/', import.meta.url).pathname;
const dist = join(root, 'dist', 'index.html');
const force = process.argv.includes('--force');

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'dist' || name === 'node_modules') continue;
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

// The web app also imports shared types and formatters from src/, so those count as its sources too.
const sourcesTime = Math.max(
  newest(root),
  newest(new URL('../src/domain/status/', import.meta.url).pathname),
);
if (!force && existsSync(dist) && statSync(dist).mtimeMs >= sourcesTime) {
  process.stdout.write('web: up to date\n');
} else {
  const started = Date.now();
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  process.stdout.write(`web: built in ${Date.now() - started} ms\n`);
}
