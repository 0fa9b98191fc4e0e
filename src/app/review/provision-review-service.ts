// A reviewer confirms or overrides the automated findings provision by provision (BRIEF C6): the automated verdict
// is recomputed from the stored submission, and a review is superseded, never edited.
import type { Clock } from '../ports/clock.ts';
import type { Crypto, ProvisionReviewRecord, SubmissionStore, Writer } from '../ports/writes.ts';
import type { Provision, Verdict } from '../../domain/review/provision.ts';
import { createRevisionMemo } from '../shared/revision-memo.ts';
import { DomainError } from '../../domain/shared/domain-error.ts';
import { authorize, actorName, type Actor } from '../../domain/access/authorize.ts';

const VERDICTS = ['conflict', 'possible-conflict', 'no-conflict'] as const;

/** A reviewed file's automated verdicts: by provision id, then by `requirement|interpretation`. */
export type Verdicts = ReadonlyMap<string, ReadonlyMap<string, Verdict>>;

/**
 * The verdicts as plain data: what a review worker thread sends back instead of the whole review (a large file's
 * review runs to hundreds of megabytes of JSON; its verdicts to a few).
 */
export type VerdictEntries = ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, Verdict]>]>;

export const verdictEntries = (provisions: readonly Provision[]): VerdictEntries =>
  provisions.map(
    (p) =>
      [p.id, p.findings.map((f) => [`${f.requirement}|${f.interpretation}`, f.verdict] as const)] as const,
  );

export const verdictsFromEntries = (entries: VerdictEntries): Verdicts =>
  new Map(entries.map(([id, findings]) => [id, new Map(findings)]));

/**
 * Reviews stored files for their automated verdicts. The server does this on a worker thread (src/main.ts), so a
 * large submission does not hold up other requests.
 */
export interface AutomatedVerdicts {
  /** Throws DomainError when the file cannot be read. */
  of(fileName: string, bytes: Uint8Array): Promise<Verdicts>;
  /** Stops what `of` runs on. */
  close(): Promise<void>;
}

export function createProvisionReviewService(deps: {
  writer: Writer;
  submissions: SubmissionStore;
  verdicts: AutomatedVerdicts;
  crypto: Crypto;
  clock: Clock;
}) {
  // A reviewer confirms finding after finding on one submission: its verdicts are worked out once per file (content
  // and name), not once per confirmation. Stored files never change, so nothing can go stale; a few files are kept.
  const memo = createRevisionMemo<Verdicts>(async () => 0, 8);
  return {
    async record(
      by: Actor,
      input: {
        submission: string;
        provision: string;
        requirement: string;
        interpretation: string;
        action: string;
        verdict?: string;
        reason: string;
        supersedes?: string;
      },
    ): Promise<ProvisionReviewRecord> {
      authorize(by, 'write:determination');
      const sub = await deps.submissions.get(input.submission);
      if (!sub) throw new DomainError('unknown-record', `no submission "${input.submission}"`);
      if (input.interpretation !== 'agency' && input.interpretation !== 'judicial') {
        throw new DomainError('bad-input', 'interpretation must be agency or judicial');
      }
      if (input.action !== 'confirm' && input.action !== 'override')
        throw new DomainError('bad-input', 'action must be confirm or override');
      const reason = (input.reason ?? '').trim();
      if (!reason) throw new DomainError('bad-input', 'a reason is required');
      // The name counts too: when the bytes do not tell the format, its extension does.
      const byProvision = await memo.get(`${sub.sha256}|${sub.fileName}`, async () => {
        const bytes = await deps.submissions.blob(sub.sha256);
        if (!bytes) throw new DomainError('unknown-record', `submission ${sub.id} has no stored file`);
        return deps.verdicts.of(sub.fileName, bytes);
      });
      const provision = byProvision.get(input.provision);
      if (!provision)
        throw new DomainError('unknown-record', `no provision "${input.provision}" in ${sub.fileName}`);
      const automated = provision.get(`${input.requirement}|${input.interpretation}`);
      if (!automated)
        throw new DomainError(
          'unknown-record',
          `no ${input.interpretation} finding on ${input.requirement} for ${input.provision}`,
        );
      let verdict: ProvisionReviewRecord['verdict'] = automated;
      if (input.action === 'override') {
        if (!VERDICTS.includes(input.verdict as never))
          throw new DomainError('bad-input', `an override names its verdict: ${VERDICTS.join(', ')}`);
        if (input.verdict === automated)
          throw new DomainError(
            'bad-input',
            `the automated verdict is already ${automated}: confirm it instead`,
          );
        verdict = input.verdict as ProvisionReviewRecord['verdict'];
      }
      const record: ProvisionReviewRecord = {
        id: `prv-${deps.crypto.randomToken(6)}`,
        submission: sub.id,
        provision: input.provision,
        requirement: input.requirement,
        interpretation: input.interpretation,
        automated,
        action: input.action,
        verdict,
        reason: reason.slice(0, 2000),
        reviewer: actorName(by),
        at: deps.clock.now().toISOString(),
        supersedes: input.supersedes ?? null,
      };
      await deps.writer.write(async (tx) => {
        if (!(await tx.insertProvisionReview(record)))
          throw new DomainError('conflict', `review ${input.supersedes} was already superseded`);
        await tx.audit(
          actorName(by),
          `provision.${input.action}`,
          `${sub.id}/${input.provision}`,
          { automated },
          record,
        );
      });
      return record;
    },
    close: () => deps.verdicts.close(),
  };
}
export type ProvisionReviewService = ReturnType<typeof createProvisionReviewService>;
