// The campaign board: each wave with its recipients and their request states as of a date.
import type { IsoDate, OcdId, SourceId } from '../shared/brand.ts';
import type { TraceStep } from '../deadlines/compute-deadline.ts';
import type { RequestState } from './request-state.ts';
import type { WaveKind } from './campaign.ts';
import { computeStatus, type StatusRecords } from '../status/compute-status.ts';
import type { MapCategory } from '../status/map-category.ts';

export type BoardRecipient = {
  readonly id: OcdId;
  readonly name: string;
  readonly state: RequestState;
  readonly category: MapCategory;
  readonly response: { readonly received: IsoDate; readonly precision: 'day' | 'by' } | null;
};

export type BoardWave = {
  readonly id: string;
  readonly name: string;
  readonly kind: WaveKind;
  readonly sent: IsoDate;
  readonly due: IsoDate;
  readonly rule: string;
  readonly trace: readonly TraceStep[];
  readonly demand: string;
  readonly legalBasis: string | null;
  readonly consequences: readonly string[];
  readonly sources: readonly SourceId[];
  readonly counts: Readonly<Record<RequestState, number>>;
  readonly recipients: readonly BoardRecipient[];
};

export function campaignBoard(records: StatusRecords, asOf: IsoDate, knownAt?: IsoDate): BoardWave[] {
  const report = computeStatus(records, { asOf, ...(knownAt ? { knownAt } : {}) });
  return records.waves
    .filter((w) => w.sent <= asOf && (knownAt === undefined || w.knownFrom <= knownAt))
    .sort((a, b) => (a.sent < b.sent ? -1 : 1))
    .map((w) => {
      const counts: Record<RequestState, number> = { open: 0, responded: 0, overdue: 0, closed: 0 };
      const recipients: BoardRecipient[] = [];
      let due = w.sent;
      let rule = '';
      let trace: readonly TraceStep[] = [];
      for (const j of report.jurisdictions) {
        const r = j.requests.find((x) => x.wave === w.id);
        if (!r) continue;
        ({ due, rule, trace } = r);
        counts[r.state] += 1;
        recipients.push({
          id: j.id,
          name: j.name,
          state: r.state,
          category: j.category,
          response: r.response ? { received: r.response.received, precision: r.response.precision } : null,
        });
      }
      return {
        id: w.id,
        name: w.name,
        kind: w.kind,
        sent: w.sent,
        due,
        rule,
        trace,
        demand: w.demand,
        legalBasis: w.legalBasis ?? null,
        consequences: w.consequences,
        sources: w.sources,
        counts,
        recipients,
      };
    });
}
