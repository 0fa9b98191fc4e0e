// Everything on record about one jurisdiction as of a date: status, timeline, money and the sources behind them.
import type { IsoDate, OcdId, SourceId } from '../shared/brand.ts';
import { DomainError } from '../shared/domain-error.ts';
import { sameJurisdiction } from '../jurisdictions/jurisdiction.ts';
import { scopeCovers } from '../law/decide-enforceability.ts';
import type { Money } from '../law/grant.ts';
import type { Source } from '../sources/source.ts';
import { computeStatus, type JurisdictionStatus, type StatusRecords } from './compute-status.ts';

export type TimelineKind = 'letter' | 'deadline' | 'response' | 'determination' | 'ruling' | 'award';

export type TimelineEvent = {
  readonly date: IsoDate;
  readonly kind: TimelineKind;
  readonly title: string;
  readonly detail: string;
  /** After the `asOf` date: shown greyed, as what was still to come. */
  readonly isFuture: boolean;
  readonly sources: readonly SourceId[];
};

export type MoneyLine = {
  readonly fiscalYear: number;
  readonly role: string;
  readonly via: OcdId | null;
  readonly basis: string;
  readonly amounts: readonly Money[];
};

export type Dossier = {
  readonly status: JurisdictionStatus;
  readonly timeline: readonly TimelineEvent[];
  readonly money: readonly MoneyLine[];
  readonly sources: readonly Source[];
};

const knownBy = (knownFrom: IsoDate, knownAt: IsoDate | undefined) =>
  knownAt === undefined || knownFrom <= knownAt;

export function jurisdictionDossier(
  records: StatusRecords,
  allSources: readonly Source[],
  query: { id: OcdId; asOf: IsoDate; knownAt?: IsoDate },
): Dossier {
  const j = records.jurisdictions.find((x) => sameJurisdiction(x, query.id));
  if (!j) throw new DomainError('unknown-jurisdiction', `no jurisdiction with id "${query.id}" is on record`);
  const { asOf, knownAt } = query;
  const status = computeStatus(records, { asOf, jurisdiction: j.id, ...(knownAt ? { knownAt } : {}) })
    .jurisdictions[0];
  if (!status) throw new DomainError('unknown-jurisdiction', `no status for "${query.id}"`);

  const events: Omit<TimelineEvent, 'isFuture'>[] = [];
  for (const w of records.waves) {
    if (!w.recipients.some((id) => sameJurisdiction(j, id)) || !knownBy(w.knownFrom, knownAt)) continue;
    const req = records.requests.find((r) => r.wave === w.id && sameJurisdiction(j, r.jurisdiction));
    events.push({ date: w.sent, kind: 'letter', title: w.name, detail: w.demand, sources: w.sources });
    if (req) {
      events.push({
        date: req.deadline.due,
        kind: 'deadline',
        title: `Answer due (${req.deadline.ruleText})`,
        detail: `Deadline of the letter of ${w.sent}; consequences named: ${w.consequences.join(', ') || 'none'}.`,
        sources: w.sources,
      });
    }
  }
  for (const r of records.responses) {
    if (!sameJurisdiction(j, r.jurisdiction) || !knownBy(r.knownFrom, knownAt)) continue;
    events.push({
      date: r.received,
      kind: 'response',
      title: r.precision === 'by' ? `Response (on or before ${r.received})` : 'Response',
      detail: r.summary,
      sources: r.sources,
    });
  }
  for (const d of records.determinations) {
    if (!sameJurisdiction(j, d.jurisdiction) || !knownBy(d.knownFrom, knownAt)) continue;
    events.push({
      date: d.date,
      kind: 'determination',
      title: `Determination: ${d.kind}`,
      detail: d.text,
      sources: d.sources,
    });
  }
  // A ruling belongs on this timeline if it names the jurisdiction as a party, blocks something for it, or
  // changes (affirms, stays, narrows, reverses) a block that covered it.
  const coveringBlocks = new Set(
    records.rulings.flatMap((r) => r.blocks.filter((b) => scopeCovers(b.scope, j)).map((b) => b.id)),
  );
  for (const r of records.rulings) {
    if (!knownBy(r.knownFrom ?? r.date, knownAt)) continue;
    const isParty = r.parties.some((id) => sameJurisdiction(j, id));
    const touches =
      r.blocks.some((b) => coveringBlocks.has(b.id)) || r.modifies.some((m) => coveringBlocks.has(m.block));
    if (!isParty && !touches) continue;
    events.push({
      date: r.date,
      kind: 'ruling',
      title: `${r.caseName}, ${r.court}${isParty ? ' (party)' : ''}`,
      detail: r.summary,
      sources: r.sources,
    });
  }
  for (const g of records.grants) {
    if (!sameJurisdiction(j, g.jurisdiction) || !g.awarded || !knownBy(g.knownFrom, knownAt)) continue;
    events.push({
      date: g.awarded,
      kind: 'award',
      title: `FY${g.fiscalYear} Byrne JAG award`,
      detail: g.basis,
      sources: g.sources,
    });
  }
  const order: Record<TimelineKind, number> = {
    letter: 0,
    response: 1,
    determination: 2,
    ruling: 3,
    award: 4,
    deadline: 5,
  };
  const timeline = events
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order[a.kind] - order[b.kind]))
    .map((e) => ({ ...e, isFuture: e.date > asOf }));

  const money = records.grants
    .filter((g) => sameJurisdiction(j, g.jurisdiction) && knownBy(g.knownFrom, knownAt))
    .sort((a, b) => a.fiscalYear - b.fiscalYear)
    .map((g) => ({
      fiscalYear: g.fiscalYear,
      role: g.role,
      via: g.via ?? null,
      basis: g.basis,
      amounts: g.amounts,
    }));

  const cited = new Set<string>([
    ...timeline.flatMap((e) => e.sources),
    ...money.flatMap((m) => m.amounts.flatMap((a) => a.sources)),
    ...status.conditions.flatMap((c) => c.reasons.flatMap((r) => r.sources)),
  ]);
  return { status, timeline, money, sources: allSources.filter((s) => cited.has(s.id)) };
}
