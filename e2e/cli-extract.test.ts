// `accordance extract` (BRIEF §5) and facts reaching the jurisdiction page through `ingest`.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '../src/main.ts';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'accordance-extract-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const run = (env: NodeJS.ProcessEnv, ...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/accordance.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const CORPUS = join(root, 'data/corpus/case-file/07-press-release-2018-01-24.txt');

test('extract --json has exactly the BRIEF §5 keys; the January 2018 press release names 23 recipients due 2018-02-23', () => {
  const r = run({}, 'extract', CORPUS, '--json');
  assert.equal(r.code, 0, r.stderr);
  const cf = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(cf).sort(), [
    'amounts',
    'claims',
    'conflicts',
    'documents',
    'events',
    'jurisdictions',
    'programs',
    'statutes',
  ]);
  const request = cf.events.find((e: { type: string }) => e.type === 'document-request');
  assert.ok(request, 'a document-request event');
  assert.equal(request.jurisdictions.length, 23);
  assert.ok(
    cf.events.some((e: { type: string; date: string }) => e.type === 'deadline' && e.date === '2018-02-23'),
  );
  for (const e of cf.events)
    for (const s of e.sources) assert.ok(typeof s.start === 'number' && s.end > s.start);
});

test('hostile input to extract exits 2 with one line', () => {
  const junk = join(dir, 'junk.bin');
  writeFileSync(junk, Buffer.alloc(3000, 7));
  const r = run({}, 'extract', junk);
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
});

test('ingested articles appear on the jurisdiction page, claims kept as claims', async () => {
  const data = join(dir, 'store');
  const ing = run(
    { ACCORDANCE_DATA: data },
    'ingest',
    CORPUS,
    join(root, 'data/corpus/case-file/01-wire-2017-04-21-nine-letters.txt'),
  );
  assert.equal(ing.code, 0, ing.stderr);
  const app = await openApp({ kind: 'pglite', dataDir: data });
  try {
    const page = await app.views.jurisdiction('ocd-division/country:us/state:co/place:denver', {
      asOf: '2018-03-01',
    });
    assert.ok(
      page.record.some(
        (r) => r.kind === 'event' && r.type === 'document-request' && r.document.startsWith('07-'),
      ),
      JSON.stringify(page.record).slice(0, 500),
    );
    for (const r of page.record) for (const s of r.spans) assert.ok(s.end > s.start);
  } finally {
    await app.close();
  }
});
