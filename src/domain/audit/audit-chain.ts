// The tamper-evident audit log: each entry's hash covers its content and the previous entry's hash (BRIEF C10).
export type AuditContent = {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly before: unknown;
  readonly after: unknown;
};

export type AuditEntry = AuditContent & { readonly prevHash: string; readonly hash: string };

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so the same content always hashes the same way in any engine. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

export const entryHash = (sha256: (text: string) => string, prevHash: string, c: AuditContent): string =>
  sha256(
    `${prevHash}\n${canonicalJson({ seq: c.seq, at: c.at, actor: c.actor, action: c.action, entity: c.entity, before: c.before, after: c.after })}`,
  );

export type AuditProblem = { readonly seq: number; readonly problem: string };

/**
 * Verifies a chain read in `seq` order: a changed entry breaks its own hash, a deleted one leaves a gap in `seq`
 * and a broken link, and a removed tail shows when the recorded head no longer matches.
 */
export function verifyAuditChain(
  entries: readonly AuditEntry[],
  sha256: (text: string) => string,
  head?: { readonly seq: number; readonly hash: string },
): { ok: boolean; entries: number; problems: AuditProblem[] } {
  const problems: AuditProblem[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of entries) {
    if (e.seq !== expectedSeq)
      problems.push({
        seq: e.seq,
        problem: `expected entry ${expectedSeq}: entries ${expectedSeq}–${e.seq - 1} are missing`,
      });
    if (e.prevHash !== prevHash)
      problems.push({ seq: e.seq, problem: 'link to the previous entry is broken' });
    if (entryHash(sha256, e.prevHash, e) !== e.hash)
      problems.push({ seq: e.seq, problem: 'content does not match its hash (altered)' });
    prevHash = e.hash;
    expectedSeq = e.seq + 1;
  }
  if (head) {
    const last = entries[entries.length - 1];
    if (!last || last.seq < head.seq)
      problems.push({
        seq: head.seq,
        problem: `the log ends before entry ${head.seq} recorded as its head (entries removed)`,
      });
    else if (last.seq === head.seq && last.hash !== head.hash)
      problems.push({ seq: head.seq, problem: 'the head entry differs from the recorded head' });
  }
  return { ok: problems.length === 0, entries: entries.length, problems };
}
