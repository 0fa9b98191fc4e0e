// Verifies the hash-chained audit log end to end.
import type { AuditReader, Crypto } from '../ports/writes.ts';
import { verifyAuditChain, type AuditProblem } from '../../domain/audit/audit-chain.ts';

export type AuditReport = {
  readonly ok: boolean;
  readonly entries: number;
  readonly problems: readonly AuditProblem[];
};

export const createAuditService = (deps: { audit: AuditReader; crypto: Crypto }) => ({
  async verify(): Promise<AuditReport> {
    const [entries, head] = [await deps.audit.entries(), await deps.audit.head()];
    return verifyAuditChain(entries, (t) => deps.crypto.sha256(t), head ?? undefined);
  },
});
export type AuditService = ReturnType<typeof createAuditService>;
