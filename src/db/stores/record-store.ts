// Reads every record the status engine needs, in one consistent snapshot.
import type { RecordStore } from '../../app/ports/stores.ts';
import type { SqlDatabase } from '../sql/sql-database.ts';
import type { IsoDate, OcdId, SourceId, WaveId } from '../../domain/shared/brand.ts';
import type { Requirement } from '../../domain/law/requirement.ts';
import type { Ruling } from '../../domain/law/ruling.ts';
import type { Grant } from '../../domain/law/grant.ts';
import type {
  DeadlineAdjustment,
  Determination,
  Request,
  Response,
  Wave,
} from '../../domain/campaign/campaign.ts';
import type { Source } from '../../domain/sources/source.ts';
import type { DeadlineRule } from '../../domain/deadlines/deadline-rule.ts';
import type { TraceStep } from '../../domain/deadlines/compute-deadline.ts';
import { createJurisdictionStore } from './jurisdiction-store.ts';
import { readRevision, type RevisionCache } from './revision.ts';

type RequestRow = {
  wave: string;
  jurisdiction: string;
  sent: string;
  trigger: string;
  due: string;
  rule: DeadlineRule;
  rule_text: string;
  rule_version: string;
  trace: TraceStep[];
};
type ResponseRow = {
  id: string;
  wave: string;
  jurisdiction: string;
  received: string;
  precision: 'day' | 'by';
  summary: string;
  known_from: string;
  sources: string[];
};
type DeterminationRow = {
  id: string;
  jurisdiction: string;
  date: string;
  precision: Determination['precision'];
  kind: Determination['kind'];
  text: string;
  wave: string | null;
  known_from: string;
  sources: string[];
  supersedes: string | null;
};
type AdjustmentRow = {
  id: string;
  wave: string;
  jurisdiction: string;
  kind: DeadlineAdjustment['kind'];
  granted: string;
  new_due: string | null;
  reason: string;
  granted_by: string;
};
type SourceRow = {
  id: string;
  kind: Source['kind'];
  title: string;
  publisher: string;
  date: string | null;
  citation: string | null;
  url: string | null;
  note: string | null;
};

const d = (s: string) => s as IsoDate;

export const createRecordStore = (db: SqlDatabase, cache?: RevisionCache): RecordStore => ({
  revision: () => (cache ? cache.read(db) : readRevision(db)),
  loadStatusRecords: () =>
    // One transaction gives one snapshot, so a concurrent write cannot be half-seen.
    db.transaction(async (tx) => {
      const docs = async <T>(table: string, order: string) =>
        (await tx.query<{ record: T }>(`select record from ${table} order by ${order}`)).map((r) => r.record);
      const requirements = await docs<Requirement>('requirements', 'valid_from, id');
      const rulings = await docs<Ruling>('rulings', 'date, id');
      const grants = await docs<Grant>('grants', 'id');
      const waves = await docs<Wave>('waves', 'sent, id');
      const requests = (
        await tx.query<RequestRow>('select * from requests order by sent, wave, jurisdiction')
      ).map((r): Request => ({
        wave: r.wave as WaveId,
        jurisdiction: r.jurisdiction as OcdId,
        sent: d(r.sent),
        deadline: {
          due: d(r.due),
          trigger: d(r.trigger),
          rule: r.rule,
          ruleText: r.rule_text,
          ruleVersion: r.rule_version,
          trace: r.trace,
        },
      }));
      const responses = (await tx.query<ResponseRow>('select * from responses order by received, id')).map(
        (r): Response => ({
          id: r.id,
          wave: r.wave as WaveId,
          jurisdiction: r.jurisdiction as OcdId,
          received: d(r.received),
          precision: r.precision,
          summary: r.summary,
          knownFrom: d(r.known_from),
          sources: r.sources as SourceId[],
        }),
      );
      const determinations = (
        await tx.query<DeterminationRow>('select * from determinations order by date, id')
      ).map((r): Determination => ({
        id: r.id,
        jurisdiction: r.jurisdiction as OcdId,
        date: d(r.date),
        precision: r.precision,
        kind: r.kind,
        text: r.text,
        ...(r.wave ? { wave: r.wave as WaveId } : {}),
        knownFrom: d(r.known_from),
        sources: r.sources as SourceId[],
        ...(r.supersedes ? { supersedes: r.supersedes } : {}),
      }));
      const adjustments = (
        await tx.query<AdjustmentRow>('select * from deadline_adjustments order by granted, id')
      ).map((r): DeadlineAdjustment => ({
        id: r.id,
        wave: r.wave as WaveId,
        jurisdiction: r.jurisdiction as OcdId,
        kind: r.kind,
        granted: d(r.granted),
        ...(r.new_due ? { newDue: d(r.new_due) } : {}),
        reason: r.reason,
        grantedBy: r.granted_by,
      }));
      const jurisdictions = await createJurisdictionStore(tx).list();
      return {
        requirements,
        rulings,
        grants,
        waves,
        requests,
        responses,
        determinations,
        adjustments,
        jurisdictions,
      };
    }),
  async sources() {
    return (await db.query<SourceRow>('select * from sources order by id')).map((r): Source => ({
      id: r.id as SourceId,
      kind: r.kind,
      title: r.title,
      publisher: r.publisher,
      date: r.date as IsoDate | null,
      ...(r.citation ? { citation: r.citation } : {}),
      ...(r.url ? { url: r.url } : {}),
      ...(r.note ? { note: r.note } : {}),
    }));
  },
});
