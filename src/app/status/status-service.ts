// The status use case: validates the question, finds the jurisdiction, and asks the domain for the answer.
// Answers are pure functions of (store revision, question), so they are memoised per revision (shared/revision-memo.ts).
import type { Clock } from '../ports/clock.ts';
import type { Stores } from '../ports/stores.ts';
import type { IsoDate, OcdId } from '../../domain/shared/brand.ts';
import { parseIsoDate } from '../../domain/shared/iso-date.ts';
import { DomainError } from '../../domain/shared/domain-error.ts';
import { parseOcdId, type Jurisdiction } from '../../domain/jurisdictions/jurisdiction.ts';
import { computeStatus, type StatusRecords, type StatusReport } from '../../domain/status/compute-status.ts';
import { createRevisionMemo } from '../shared/revision-memo.ts';

export type StatusQueryInput = {
  readonly asOf?: string | undefined;
  readonly knownAt?: string | undefined;
  readonly jurisdiction?: string | undefined;
};

export type StatusService = {
  status(input: StatusQueryInput): Promise<StatusReport>;
  /** The same answer, serialised once and reused, with a tag that changes whenever the answer may change. */
  statusJson(input: StatusQueryInput): Promise<{ body: string; etag: string }>;
  records(): Promise<StatusRecords>;
};

export type StatusDeps = {
  readonly stores: Stores;
  readonly clock: Clock;
  /** Any US jurisdiction, for questions about one that is not in the campaign record. */
  readonly directory?: (id: OcdId) => Jurisdiction | undefined;
};

const MEMO_SIZE = 512;

type Answer = { report: StatusReport; etag: string; json?: string };

export function createStatusService(deps: StatusDeps): StatusService {
  const revision = () => deps.stores.records.revision();
  const loaded = createRevisionMemo<StatusRecords>(revision, 1);
  const records = () => loaded.get('records', () => deps.stores.records.loadStatusRecords());
  const answers = createRevisionMemo<Answer>(revision, MEMO_SIZE);

  const answer = async (input: StatusQueryInput): Promise<Answer> => {
    // Bad input is refused before anything is read or remembered.
    const asOf: IsoDate = input.asOf ? parseIsoDate(input.asOf, 'as-of date') : deps.clock.today();
    const knownAt = input.knownAt ? parseIsoDate(input.knownAt, 'known-at date') : undefined;
    const id = input.jurisdiction ? parseOcdId(input.jurisdiction) : undefined;
    const key = `${asOf}|${knownAt ?? ''}|${id ?? ''}`;
    return answers.get(key, async () => {
      const at = await revision();
      let all = await records();
      let jurisdiction: OcdId | undefined;
      if (id) {
        const j = (await deps.stores.jurisdictions.find(id)) ?? deps.directory?.(id);
        if (!j) throw new DomainError('unknown-jurisdiction', `no US jurisdiction with id "${id}"`, { id });
        // A jurisdiction outside the campaign record is still answered: its conditions, no requests.
        if (!all.jurisdictions.some((x) => x.id === j.id))
          all = { ...all, jurisdictions: [...all.jurisdictions, j] };
        jurisdiction = j.id;
      }
      return {
        report: computeStatus(all, {
          asOf,
          ...(knownAt ? { knownAt } : {}),
          ...(jurisdiction ? { jurisdiction } : {}),
        }),
        etag: `"${at}-${key.replace(/[^\w-]/g, '_')}"`,
      };
    });
  };

  return {
    records,
    async status(input) {
      return (await answer(input)).report;
    },
    async statusJson(input) {
      const entry = await answer(input);
      entry.json ??= JSON.stringify(entry.report);
      return { body: entry.json, etag: entry.etag };
    },
  };
}
