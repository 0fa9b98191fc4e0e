// Status of every jurisdiction as of a date (BRIEF §5 `status` contract): requests, conditions, determination.
import type { IsoDate, OcdId, RequirementId, RulingId, SourceId } from '../shared/brand.ts';
import { DomainError } from '../shared/domain-error.ts';
import { type Jurisdiction, sameJurisdiction } from '../jurisdictions/jurisdiction.ts';
import type {
  DeadlineAdjustment,
  Determination,
  Request,
  Response,
  Wave,
  WaveKind,
} from '../campaign/campaign.ts';
import { effectiveDeadline, type DueChange } from '../campaign/effective-deadline.ts';
import { requestState, type RequestState } from '../campaign/request-state.ts';
import {
  decideEnforceability,
  prepareLaw,
  type LawRecords,
  type PreparedLaw,
  type Reason,
} from '../law/decide-enforceability.ts';
import { GRANT_CONDITION_IDS } from '../law/requirement.ts';
import type { TraceStep } from '../deadlines/compute-deadline.ts';
import type { Ruling } from '../law/ruling.ts';
import { mapCategory, type MapCategory } from './map-category.ts';

export type StatusRecords = LawRecords & {
  readonly jurisdictions: readonly Jurisdiction[];
  readonly waves: readonly Wave[];
  readonly requests: readonly Request[];
  readonly responses: readonly Response[];
  readonly determinations: readonly Determination[];
  /** Extensions and pauses; absent means none. */
  readonly adjustments?: readonly DeadlineAdjustment[];
};

export type StatusQuery = {
  readonly asOf: IsoDate;
  readonly knownAt?: IsoDate;
  /** Canonical id of one jurisdiction: then it is always listed, even without requests. */
  readonly jurisdiction?: OcdId;
};

export type RequestStatus = {
  readonly wave: string;
  readonly waveName: string;
  readonly waveKind: WaveKind;
  readonly sent: IsoDate;
  /** The due date in force on asOf (after extensions); while paused, the due date when the pause began. */
  readonly due: IsoDate;
  readonly isPaused: boolean;
  /** Every due date this request has had up to asOf, the computed one first. */
  readonly dueHistory: readonly DueChange[];
  readonly state: RequestState;
  readonly rule: string;
  readonly ruleVersion: string;
  readonly trace: readonly TraceStep[];
  readonly response: {
    readonly received: IsoDate;
    readonly precision: 'day' | 'by';
    readonly summary: string;
    readonly sources: readonly SourceId[];
  } | null;
  readonly closedBy: { readonly determination: string; readonly date: IsoDate } | null;
};

export type ConditionStatus = {
  readonly requirement: RequirementId;
  readonly title: string;
  /** Whether the condition exists for this jurisdiction on the date (in force and attached to its award). */
  readonly inForce: boolean;
  readonly enforceable: boolean;
  /** The reason chain in words, e.g. "enjoined nationwide by City of Chicago v. Sessions, N.D. Ill., 2017-09-15 (...)". */
  readonly because: readonly string[];
  readonly blockedBy: readonly RulingId[];
  readonly reasons: readonly Reason[];
};

export type DeterminationStatus = {
  readonly id: string;
  readonly kind: Determination['kind'];
  readonly date: IsoDate;
  readonly precision: Determination['precision'];
  readonly text: string;
  readonly sources: readonly SourceId[];
};

export type JurisdictionStatus = {
  readonly id: OcdId;
  readonly name: string;
  readonly kind: Jurisdiction['kind'];
  readonly alsoIds: readonly OcdId[];
  readonly requests: readonly RequestStatus[];
  readonly conditions: readonly ConditionStatus[];
  readonly determination: DeterminationStatus | null;
  /** The map colour: the most pressing thing about this jurisdiction on the date (map-category.ts). */
  readonly category: MapCategory;
  /** Cases with a ruling on record by the date to which this jurisdiction is a party (latest ruling of each). */
  readonly litigation: readonly {
    readonly ruling: RulingId;
    readonly caseName: string;
    readonly date: IsoDate;
  }[];
};

export type StatusReport = {
  readonly asOf: IsoDate;
  readonly knownAt: IsoDate | null;
  readonly jurisdictions: readonly JurisdictionStatus[];
};

const knownBy = (knownFrom: IsoDate, knownAt: IsoDate | undefined) =>
  knownAt === undefined || knownFrom <= knownAt;

/** The latest determination on or before asOf. */
export function currentDetermination(
  j: Jurisdiction,
  determinations: readonly Determination[],
  asOf: IsoDate,
  knownAt?: IsoDate,
): Determination | null {
  let best: Determination | null = null;
  const visible = determinations.filter(
    (d) => sameJurisdiction(j, d.jurisdiction) && d.date <= asOf && knownBy(d.knownFrom, knownAt),
  );
  // A determination replaced by a later one (visible on the same terms) no longer speaks for the agency.
  const superseded = new Set(visible.map((d) => d.supersedes).filter((x): x is string => !!x));
  for (const d of visible) {
    if (superseded.has(d.id)) continue;
    // Same-day ties go to the later id, so the answer never depends on storage order.
    if (!best || d.date > best.date || (d.date === best.date && d.id > best.id)) best = d;
  }
  return best;
}

export function conditionStatuses(
  records: LawRecords,
  j: Jurisdiction,
  asOf: IsoDate,
  knownAt: IsoDate | undefined,
  nameOf: (id: OcdId) => string | undefined,
  prepared: PreparedLaw = prepareLaw(records, asOf, knownAt),
): ConditionStatus[] {
  return GRANT_CONDITION_IDS.filter((id) => records.requirements.some((r) => r.id === id)).map((id) => {
    const requirement = id as RequirementId;
    const decision = decideEnforceability({
      law: records,
      jurisdiction: j,
      requirement,
      asOf,
      knownAt,
      nameOf,
      prepared,
    });
    const title = records.requirements.find((r) => r.id === id)?.title ?? id;
    return {
      requirement,
      title,
      inForce: decision.kind !== 'not-in-force',
      enforceable: decision.kind === 'enforceable',
      because: decision.reasons.map((r) => r.text),
      blockedBy: decision.kind === 'blocked' ? decision.by : [],
      reasons: decision.reasons,
    };
  });
}

export function computeStatus(records: StatusRecords, query: StatusQuery): StatusReport {
  const { asOf, knownAt } = query;
  const byId = new Map<string, Jurisdiction>();
  for (const j of records.jurisdictions) for (const id of [j.id, ...j.alsoIds]) byId.set(id, j);
  const nameOf = (id: OcdId) => byId.get(id)?.name;
  const waves = new Map(records.waves.map((w) => [w.id, w]));

  const visibleRequests = records.requests.filter((r) => {
    const w = waves.get(r.wave);
    return w !== undefined && r.sent <= asOf && knownBy(w.knownFrom, knownAt);
  });
  // Indexes built once per question, so a campaign to every jurisdiction in the country stays linear.
  const group = <T>(items: readonly T[], key: (t: T) => string) => {
    const m = new Map<string, T[]>();
    for (const t of items) {
      const k = key(t);
      const list = m.get(k);
      if (list) list.push(t);
      else m.set(k, [t]);
    }
    return m;
  };
  const canonicalOf = (id: OcdId) => byId.get(id)?.id ?? id;
  const requestsOf = group(visibleRequests, (r) => canonicalOf(r.jurisdiction));
  const responsesOf = group(records.responses, (r) => `${r.wave}|${r.jurisdiction}`);
  const determinationsOf = group(records.determinations, (d) => canonicalOf(d.jurisdiction));
  const knownAdjustments = (records.adjustments ?? []).filter(
    (a) => knownAt === undefined || a.granted <= knownAt,
  );
  const adjustmentsOf = group(knownAdjustments, (a) => `${a.wave}|${a.jurisdiction}`);
  const prepared = prepareLaw(records, asOf, knownAt);

  let targets: Jurisdiction[];
  if (query.jurisdiction) {
    const j = byId.get(query.jurisdiction);
    if (!j) throw new DomainError('unknown-jurisdiction', `unknown jurisdiction "${query.jurisdiction}"`);
    targets = [j];
  } else {
    const seen = new Set<Jurisdiction>();
    for (const r of visibleRequests) {
      const j = byId.get(r.jurisdiction);
      if (j) seen.add(j);
    }
    targets = [...seen].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }

  const jurisdictions = targets.map((j): JurisdictionStatus => {
    const requests = [...(requestsOf.get(j.id) ?? [])]
      .sort((a, b) => (a.sent < b.sent ? -1 : a.sent > b.sent ? 1 : 0))
      .map((r): RequestStatus => {
        const w = waves.get(r.wave) as Wave;
        const eff = effectiveDeadline(r, adjustmentsOf.get(`${r.wave}|${r.jurisdiction}`) ?? [], asOf);
        const view = requestState(
          r,
          responsesOf.get(`${r.wave}|${r.jurisdiction}`) ?? [],
          determinationsOf.get(j.id) ?? [],
          asOf,
          knownAt,
          eff.due,
        );
        const lastDue = [...eff.history].reverse().find((h) => h.due !== null)?.due ?? r.deadline.due;
        return {
          wave: w.id,
          waveName: w.name,
          waveKind: w.kind,
          sent: r.sent,
          due: eff.due ?? lastDue,
          isPaused: eff.isPaused,
          dueHistory: eff.history,
          state: view.state,
          rule: r.deadline.ruleText,
          ruleVersion: r.deadline.ruleVersion,
          trace: r.deadline.trace,
          response: view.response
            ? {
                received: view.response.received,
                precision: view.response.precision,
                summary: view.response.summary,
                sources: view.response.sources,
              }
            : null,
          closedBy: view.closedBy ? { determination: view.closedBy.id, date: view.closedBy.date } : null,
        };
      });
    const det = currentDetermination(j, determinationsOf.get(j.id) ?? [], asOf, knownAt);
    const litigation = partyRulings(records.rulings, j, asOf, knownAt);
    const base = {
      id: j.id,
      name: j.name,
      kind: j.kind,
      alsoIds: j.alsoIds,
      requests,
      conditions: conditionStatuses(records, j, asOf, knownAt, nameOf, prepared),
      determination: det
        ? {
            id: det.id,
            kind: det.kind,
            date: det.date,
            precision: det.precision,
            text: det.text,
            sources: det.sources,
          }
        : null,
    };
    return { ...base, category: mapCategory(base, litigation.length > 0), litigation };
  });
  return { asOf, knownAt: knownAt ?? null, jurisdictions };
}

/** Cases with a ruling on record by the date to which `j` is a party. */
function partyRulings(
  rulings: readonly Ruling[],
  j: Jurisdiction,
  asOf: IsoDate,
  knownAt?: IsoDate,
): JurisdictionStatus['litigation'] {
  const out = new Map<string, { ruling: RulingId; caseName: string; date: IsoDate }>();
  for (const r of rulings) {
    if (r.date > asOf || !knownBy(r.knownFrom ?? r.date, knownAt)) continue;
    if (!r.parties.some((id) => sameJurisdiction(j, id))) continue;
    // Keep the latest ruling of each case.
    const prev = out.get(r.caseName);
    if (!prev || prev.date <= r.date)
      out.set(r.caseName, { ruling: r.id, caseName: r.caseName, date: r.date });
  }
  return [...out.values()];
}
