// The audit chain detects an altered entry, a deleted entry and a cut-off tail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { canonicalJson, entryHash, GENESIS_HASH, verifyAuditChain, type AuditEntry } from './audit-chain.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const c = {
      seq,
      at: `2026-01-0${seq}T00:00:00.000Z`,
      actor: 'analyst',
      action: 'wave.create',
      entity: `w${seq}`,
      before: null,
      after: { n: seq },
    };
    const hash = entryHash(sha, prev, c);
    out.push({ ...c, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

test('an untouched chain verifies', () => {
  const c = chain(5);
  assert.deepEqual(verifyAuditChain(c, sha, { seq: 5, hash: c[4]!.hash }), {
    ok: true,
    entries: 5,
    problems: [],
  });
});

test('changing one field of one entry is detected at that entry', () => {
  const c = chain(5);
  c[2] = { ...c[2]!, after: { n: 999 } };
  const r = verifyAuditChain(c, sha);
  assert.equal(r.ok, false);
  assert.deepEqual(
    r.problems.map((p) => p.seq),
    [3],
  );
});

test('deleting an entry is detected', () => {
  const c = chain(5);
  c.splice(1, 1);
  const r = verifyAuditChain(c, sha);
  assert.equal(r.ok, false);
  assert.ok(r.problems.some((p) => p.seq === 3 && /missing/.test(p.problem)));
});

test('cutting off the tail is detected against the recorded head', () => {
  const c = chain(5);
  const head = { seq: 5, hash: c[4]!.hash };
  assert.equal(verifyAuditChain(c.slice(0, 4), sha, head).ok, false);
});

test('canonical JSON ignores key order', () => {
  assert.equal(
    canonicalJson({ b: 1, a: [2, { d: 1, c: 2 }] }),
    canonicalJson({ a: [2, { c: 2, d: 1 }], b: 1 }),
  );
});
