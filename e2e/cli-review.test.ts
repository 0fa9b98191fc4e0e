// `accordance review` golden tests: the BRIEF §5 contract, hostile files refused with exit 2 and one line.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'accordance-review-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/accordance.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const POLICY = `Sec. 1. Officers shall not inquire about a person's immigration status.
Sec. 2. The Sheriff shall not honor an ICE detainer request unless it is accompanied by a judicial warrant.
Sec. 3. Nothing in this order prohibits sending or receiving information as required by 8 U.S.C. § 1373.
Sec. 4. Parking permits are issued by the Department of Transportation.`;
writeFileSync(join(dir, 'policy.txt'), POLICY);

test('review --json follows the contract: provisions with offsets, topics, modifiers and findings', () => {
  const r = run('review', join(dir, 'policy.txt'), '--json');
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout).documents[0];
  assert.match(doc.sha256, /^[0-9a-f]{64}$/);
  for (const p of doc.provisions) {
    assert.equal(POLICY.slice(p.start, p.end), p.text);
    assert.ok(Array.isArray(p.topics) && Array.isArray(p.modifiers) && Array.isArray(p.findings));
    for (const f of p.findings) {
      assert.ok(['agency', 'judicial'].includes(f.interpretation));
      assert.ok(['conflict', 'possible-conflict', 'no-conflict'].includes(f.verdict));
      assert.ok(f.reasons.length > 0 && Array.isArray(f.evidence));
    }
  }
  const topics = doc.provisions.map((p: { topics: string[] }) => p.topics.join(','));
  assert.ok(topics.some((t: string) => t.includes('status-inquiry')));
  assert.ok(topics.some((t: string) => t.includes('detainer')));
  assert.equal(doc.provisions.find((p: { text: string }) => p.text.includes('Parking')).topics.length, 0);
});

test('the readable report marks the evidence', () => {
  const r = run('review', join(dir, 'policy.txt'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\[\[[^\]]+\]\]/);
});

test('hostile and unreadable files exit 2 with one line per file and no stack trace', () => {
  const junk = join(dir, 'junk.bin');
  writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  const pdf = join(dir, 'broken.pdf');
  writeFileSync(
    pdf,
    '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF',
  );
  const html = join(dir, 'deep.html');
  writeFileSync(html, `<html><body>${'<div>'.repeat(100_000)}x</body></html>`);
  for (const f of [junk, pdf, html, join(dir, 'missing.txt')]) {
    const r = run('review', f);
    assert.equal(r.code, 2, `${f}: ${r.stderr}`);
    assert.equal(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('accordance:')).length,
      1,
      r.stderr,
    );
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('a directory needs --recursive; with it, good files are reviewed and bad ones reported', () => {
  const sub = join(dir, 'batch');
  mkdirSync(sub);
  writeFileSync(join(sub, 'a.txt'), POLICY);
  writeFileSync(join(sub, 'b.bin'), Buffer.alloc(2048, 0));
  assert.equal(run('review', sub).code, 2);
  const r = run('review', sub, '--recursive', '--json');
  assert.equal(r.code, 2);
  const out = JSON.parse(r.stdout);
  assert.equal(out.documents.length, 1);
  assert.equal(out.errors.length, 1);
  assert.match(r.stderr, /review: 1 reviewed, 1 refused/);
});

test('--jobs 2 reviews on worker threads and writes the same output, in file order, as one thread', () => {
  const sub = join(dir, 'jobs');
  mkdirSync(sub);
  writeFileSync(join(sub, 'a.txt'), POLICY);
  writeFileSync(join(sub, 'b.bin'), Buffer.alloc(2048, 0));
  writeFileSync(join(sub, 'c.txt'), POLICY.replace('ICE', 'DHS'));
  writeFileSync(join(sub, 'd.txt'), 'Sec. 9. Permits for block parties are issued by the Clerk.');
  for (const format of [['--json'], []]) {
    const one = run('review', sub, '-r', '--jobs', '1', ...format);
    const two = run('review', sub, '-r', '--jobs', '2', ...format);
    assert.equal(one.code, 2, one.stderr);
    assert.equal(two.code, 2, two.stderr);
    assert.match(two.stderr, /review: 3 reviewed, 1 refused \(2 workers\)/);
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.stderr.split('\n').filter((l) => l.startsWith('accordance:')).length, 1);
  }
  const files = JSON.parse(run('review', sub, '-r', '--jobs', '2', '--json').stdout).documents.map(
    (d: { file: string }) => d.file.slice(-5),
  );
  assert.deepEqual(files, ['a.txt', 'c.txt', 'd.txt']);
});

test('--jobs takes a whole number from 1 to 64', () => {
  for (const bad of ['0', '65', 'two', '-1', '1.5']) {
    const r = run('review', join(dir, 'policy.txt'), `--jobs=${bad}`);
    assert.equal(r.code, 2, bad);
    assert.match(r.stderr, /--jobs takes a whole number from 1 to 64/);
  }
});

test('a reader that stops early (| head) ends the command quietly, with exit 0', async () => {
  const child = spawn(
    process.execPath,
    [join(root, 'bin/accordance.js'), 'review', join(root, 'data/corpus/review/main'), '-r', '--json'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  // Read the first piece of the output, then close the pipe as `head -c` would.
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(stderr, /EPIPE|\n\s+at /);
});
