// CLI golden tests: `npx accordance status` as a user runs it, on a fresh embedded store.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'accordance-cli-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/accordance.js'), ...args], {
    cwd: root,
    env: { ...process.env, ACCORDANCE_DATA: dataDir, TZ: 'UTC' },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const P = 'ocd-division/country:us/';

test('status --json as of 2018-02-24: the 23 document requests, none open', () => {
  const r = run('status', '--as-of', '2018-02-24', '--json');
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.asOf, '2018-02-24');
  const jan = report.jurisdictions.flatMap(
    (j: { id: string; requests: { sent: string; due: string; state: string }[] }) =>
      j.requests.filter((q) => q.sent === '2018-01-24').map((q) => ({ id: j.id, ...q })),
  );
  assert.equal(jan.length, 23);
  assert.ok(jan.every((q: { due: string; state: string }) => q.due === '2018-02-23' && q.state !== 'open'));
  for (const j of report.jurisdictions) {
    assert.ok(['id', 'name', 'kind', 'requests', 'conditions', 'determination'].every((k) => k in j));
    for (const c of j.conditions) {
      assert.equal(typeof c.enforceable, 'boolean');
      assert.ok(Array.isArray(c.because));
    }
  }
});

test('status --jurisdiction for Denver prints a readable table naming the injunction', () => {
  const r = run('status', '--as-of', '2018-01-24', '--jurisdiction', `${P}state:co/place:denver`);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /City and County of Denver, CO/);
  assert.match(
    r.stdout,
    /jag-fy2017-access: enjoined nationwide by City of Chicago v\. Sessions, N\.D\. Ill\., 2017-09-15/,
  );
});

test('bad dates, malformed and unknown ids and unknown flags exit 2 with one line on stderr', () => {
  for (const args of [
    ['status', '--as-of', '2018-02-30'],
    ['status', '--known-at', '24/02/2018'],
    ['status', '--jurisdiction', 'Chicago'],
    ['status', '--jurisdiction', `${P}state:tx/place:atlantis`],
    ['status', '--frobnicate'],
    ['no-such-command'],
  ]) {
    const r = run(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^accordance: /);
    assert.equal(r.stdout, '');
  }
});

test('resolve prints ranked candidates; jurisdictions --count meets the registry floor', () => {
  const r = run('resolve', '--json', 'Louisville Metro, Kentucky');
  assert.equal(r.code, 0, r.stderr);
  const c = JSON.parse(r.stdout);
  assert.equal(c[0].id, `${P}state:ky/county:jefferson`);
  assert.ok(['id', 'name', 'kind', 'score'].every((k) => k in c[0]));
  const n = JSON.parse(run('jurisdictions', '--count', '--json').stdout);
  assert.ok(n.state >= 50 && n.county >= 3100 && n.place >= 10000, JSON.stringify(n));
  const s = run('jurisdictions', '--search', 'Watsonville');
  assert.match(s.stdout, /state:ca\/place:watsonville/);
  assert.equal(run('resolve').code, 2);
  assert.equal(run('jurisdictions', '--id', 'nonsense').code, 2);
});

test('deadline --json: 30 calendar days from 2018-01-24 is 2018-02-23; 15 business days from 2017-11-15 skip Thanksgiving', () => {
  const a = JSON.parse(
    run('deadline', '--from', '2018-01-24', '--rule', '30 calendar days', '--json').stdout,
  );
  assert.equal(a.due, '2018-02-23');
  const b = JSON.parse(
    run('deadline', '--from', '2017-11-15', '--rule', '15 business days', '--json').stdout,
  );
  assert.equal(b.due, '2017-12-07');
  assert.ok(b.trace.some((t: { note: string }) => t.note.includes('Thanksgiving')));
  assert.equal(run('deadline', '--from', '2017-11-15', '--rule', 'two weeks').code, 2);
});

test('escalate --dry-run --json: Philadelphia withhold refused on 2017-12-01; Denver subpoena refused 02-20, allowed 02-26', () => {
  const esc = (j: string, step: string, asOf: string) =>
    JSON.parse(
      run('escalate', '--jurisdiction', `${P}${j}`, '--step', step, '--as-of', asOf, '--dry-run', '--json')
        .stdout,
    );
  const phl = esc('state:pa/place:philadelphia', 'withhold', '2017-12-01');
  assert.equal(phl.allowed, false);
  assert.ok(phl.blockedBy.some((b: { ruling: string }) => b.ruling.startsWith('philadelphia-v-sessions')));
  assert.equal(esc('state:co/place:denver', 'subpoena', '2018-02-20').allowed, false);
  const ok = esc('state:co/place:denver', 'subpoena', '2018-02-26');
  assert.equal(ok.allowed, true);
  assert.deepEqual(ok.blockedBy, []);
  assert.equal(
    run(
      'escalate',
      '--jurisdiction',
      `${P}state:co/place:denver`,
      '--step',
      'nuke',
      '--as-of',
      '2018-02-26',
      '--dry-run',
    ).code,
    2,
  );
});

test('audit verify --json reports an intact chain starting with the dataset load', () => {
  const r = run('audit', 'verify', '--json');
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.ok, true);
  assert.ok(report.entries >= 1);
});

test('export FILE.gz then import FILE.gz into a new data directory round-trips the store', () => {
  const file = join(dataDir, 'backup.jsonl.gz');
  const ex = run('export', file);
  assert.equal(ex.code, 0, ex.stderr);
  const other = mkdtempSync(join(tmpdir(), 'accordance-restore-'));
  try {
    const r = spawnSync(process.execPath, [join(root, 'bin/accordance.js'), 'import', file], {
      cwd: root,
      env: { ...process.env, ACCORDANCE_DATA: other, TZ: 'UTC' },
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /audit log intact/);
    const again = spawnSync(process.execPath, [join(root, 'bin/accordance.js'), 'import', file], {
      cwd: root,
      env: { ...process.env, ACCORDANCE_DATA: other, TZ: 'UTC' },
      encoding: 'utf8',
    });
    assert.equal(again.status, 2, 'a second import into a non-empty store is refused');
    assert.match(again.stderr, /not empty/);
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});
