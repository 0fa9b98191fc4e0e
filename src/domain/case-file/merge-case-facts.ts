// Merges documents into one case file: one event with every source, conflicts shown, reconciled where possible.
import type { IsoDate, OcdId } from '../shared/brand.ts';
import { addDays, daysBetween } from '../shared/iso-date.ts';
import type { JurisdictionKind } from '../registry/registry-entry.ts';
import type {
  Amount,
  CaseEvent,
  Claim,
  DatePrecision,
  EventType,
  ExtractedDocument,
  JurisdictionMention,
  ProgramId,
  SourceRef,
} from './case-facts.ts';

export type CaseJurisdiction = {
  readonly id: OcdId;
  readonly name: string;
  readonly kind: JurisdictionKind;
  readonly mentions: readonly (JurisdictionMention & { readonly document: string })[];
};

export type CaseAmount = Omit<Amount, 'span'> & { readonly sources: readonly SourceRef[] };
export type CaseStatute = { readonly citation: string; readonly mentions: readonly SourceRef[] };
export type CaseProgram = {
  readonly id: ProgramId;
  readonly name: string;
  readonly mentions: readonly SourceRef[];
};
export type CaseClaim = Omit<Claim, 'span' | 'speakerSpan'> & {
  readonly source: SourceRef;
  readonly speakerSource: SourceRef;
};

/** How a disagreement is explained by the record, when it is. */
export type Reconciliation = {
  readonly explanation: string;
  /** The figures that add up: the other events' counts, or the kinds of the recipients. */
  readonly parts: readonly { readonly value: number; readonly label: string; readonly event?: number }[];
};

export type ConflictKind = 'count' | 'date' | 'deadline' | 'recipients' | 'count-parts' | 'amount';

/** Sources that disagree about one event (or one jurisdiction's money). */
export type Conflict = {
  readonly kind: ConflictKind;
  /** Index into `events` (absent for amount conflicts). */
  readonly event?: number;
  readonly type?: EventType;
  readonly values: readonly {
    readonly value: number | string | readonly string[];
    readonly sources: readonly SourceRef[];
  }[];
  readonly explanation: string;
  /** Present when the record explains the disagreement; the conflict is still shown. */
  readonly reconciliation?: Reconciliation;
};

export type MergedCaseFacts = {
  readonly jurisdictions: readonly CaseJurisdiction[];
  readonly events: readonly CaseEvent[];
  readonly amounts: readonly CaseAmount[];
  readonly statutes: readonly CaseStatute[];
  readonly programs: readonly CaseProgram[];
  readonly claims: readonly CaseClaim[];
  readonly conflicts: readonly Conflict[];
  /** The reconciled conflicts, for a reader who wants only the explanations. */
  readonly reconciliations: readonly (Reconciliation & { readonly conflict: number })[];
};

/** One source's account of an event, kept to compare accounts after merging. */
type Account = { readonly event: CaseEvent; readonly document: string };
type Group = { type: EventType; accounts: Account[] };

const PRECISION_RANK: Readonly<Record<DatePrecision, number>> = { day: 0, week: 1, month: 2, year: 3 };

/** The last day of the period a date with a precision names. */
function periodEnd(date: IsoDate, precision: DatePrecision): IsoDate {
  switch (precision) {
    case 'day':
      return date;
    case 'week':
      return addDays(date, 6);
    case 'month': {
      const y = +date.slice(0, 4);
      const m = +date.slice(5, 7);
      return addDays(
        `${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01` as IsoDate,
        -1,
      );
    }
    case 'year':
      return `${date.slice(0, 4)}-12-31` as IsoDate;
  }
}

type DateFit = 'same' | 'within' | 'near' | 'open' | 'apart';

/** How two dated accounts relate: the same day, one period holding the other, a few days apart, or apart. */
function dateFit(a: CaseEvent, b: CaseEvent): DateFit {
  if (!a.date || !b.date) return 'open';
  const pa = a.precision ?? 'day';
  const pb = b.precision ?? 'day';
  if (a.date === b.date && pa === pb) return 'same';
  const [aEnd, bEnd] = [periodEnd(a.date, pa), periodEnd(b.date, pb)];
  if ((a.date <= b.date && bEnd <= aEnd) || (b.date <= a.date && aEnd <= bEnd)) return 'within';
  if (pa === 'day' && pb === 'day' && Math.abs(daysBetween(a.date, b.date)) <= 3) return 'near';
  return 'apart';
}

const overlaps = (a: readonly string[], b: readonly string[]): boolean => a.some((x) => b.includes(x));

/** Whether `e` tells the same event as the group, and how strongly (higher is better); 0 means no. */
function fitScore(group: Group, e: CaseEvent): number {
  if (group.type !== e.type) return 0;
  let best = 0;
  for (const { event: g } of group.accounts) {
    const fit = dateFit(g, e);
    if (fit === 'apart') continue;
    const bothNamed = g.jurisdictions.length > 0 && e.jurisdictions.length > 0;
    const shared = bothNamed && overlaps(g.jurisdictions, e.jurisdictions);
    const sameCount = g.count !== undefined && e.count !== undefined && g.count.value === e.count.value;
    // Two "including ..." lists of one wave may name different members; the same count says it is one wave.
    if (bothNamed && !shared && !(e.type === 'document-request' && sameCount)) continue;
    const countsDiffer = g.count !== undefined && e.count !== undefined && !sameCount;
    let score = fit === 'same' ? 4 : fit === 'within' ? 3 : fit === 'near' ? 1 : 0.5;
    switch (e.type) {
      case 'document-request':
        // Undated or a few days apart, an account must agree on something concrete to be the same request.
        if ((fit === 'open' || fit === 'near') && !sameCount && !shared) continue;
        if (countsDiffer && fit !== 'same' && fit !== 'within') continue;
        if (g.deadline && e.deadline && g.deadline !== e.deadline && !sameCount && !shared) continue;
        break;
      case 'deadline':
        if (g.date !== e.date) continue;
        break;
      case 'determination':
        if (g.finding !== e.finding || fit === 'near') continue;
        if (fit === 'open' && !shared) continue;
        break;
      case 'court-ruling':
        if (g.ruling?.court && e.ruling?.court && g.ruling.court !== e.ruling.court) continue;
        if (fit === 'near') continue;
        if (fit === 'open' && !(g.ruling?.court && g.ruling.court === e.ruling?.court)) continue;
        break;
      case 'grant-action':
      case 'grant-condition':
        if (g.action !== e.action || g.modality !== e.modality || fit === 'near' || fit === 'open') continue;
        break;
      case 'statement':
        if (!shared || (fit !== 'same' && fit !== 'within')) continue;
        break;
      case 'subpoena-threat':
        if (fit === 'open' && !shared) continue;
        break;
    }
    score += sameCount ? 2 : 0;
    score += shared ? 1 : 0;
    best = Math.max(best, score);
  }
  return best;
}

/** The value most sources give; ties go to the first seen. */
function majority<T>(values: readonly T[], key: (v: T) => string = String): T | undefined {
  const counts = new Map<string, { v: T; n: number }>();
  for (const v of values) {
    const k = key(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { v, n: 1 });
  }
  let best: { v: T; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.v;
}

const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** One event from the accounts of a group: the dates, counts and deadlines most sources give, all recipients. */
function combine(group: Group): CaseEvent {
  const events = group.accounts.map((a) => a.event);
  const dated = events.filter((e) => e.date);
  const finest = Math.min(...dated.map((e) => PRECISION_RANK[e.precision ?? 'day']));
  const atFinest = dated.filter((e) => PRECISION_RANK[e.precision ?? 'day'] === finest);
  const date = majority(atFinest.map((e) => e.date as IsoDate));
  const counts = events.map((e) => e.count).filter((c) => c !== undefined);
  const count = majority(counts, (c) => String(c.value));
  const deadline = majority(events.map((e) => e.deadline).filter((d) => d !== undefined));
  const first = events[0] as CaseEvent;
  const withRuling = events.find((e) => e.ruling);
  return {
    ...first,
    ...(date ? { date, precision: (atFinest[0] as CaseEvent).precision ?? 'day' } : {}),
    jurisdictions: uniq(events.flatMap((e) => e.jurisdictions)),
    ...(count ? { count } : {}),
    ...(deadline ? { deadline } : {}),
    ...(withRuling?.ruling ? { ruling: mergeRulings(events) } : {}),
    sources: events.flatMap((e) => e.sources),
  };
}

function mergeRulings(events: readonly CaseEvent[]): NonNullable<CaseEvent['ruling']> {
  const rulings = events.map((e) => e.ruling).filter((r) => r !== undefined);
  const first = rulings[0] as NonNullable<CaseEvent['ruling']>;
  const notBlocked = uniq(rulings.flatMap((r) => r.notBlocked));
  const court = rulings.find((r) => r.court)?.court;
  const caseName = rulings.find((r) => r.case)?.case;
  const scope = rulings.find((r) => r.scope)?.scope;
  return {
    ...first,
    ...(court ? { court } : {}),
    ...(caseName ? { case: caseName } : {}),
    ...(scope ? { scope } : {}),
    blocked: uniq(rulings.flatMap((r) => r.blocked)).filter((id) => !notBlocked.includes(id)),
    notBlocked,
  };
}

/** Sets of 2 or 3 other requests whose counts add up to `target`, earliest first. */
function sumsTo(
  target: number,
  candidates: readonly { index: number; count: number; date?: IsoDate }[],
): { index: number; count: number; date?: IsoDate }[] | undefined {
  const n = candidates.length;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const [a, b] = [candidates[i], candidates[j]] as [
        (typeof candidates)[number],
        (typeof candidates)[number],
      ];
      if (a.count + b.count === target) return [a, b];
      for (let k = j + 1; k < n; k++) {
        const c = candidates[k] as (typeof candidates)[number];
        if (a.count + b.count + c.count === target) return [a, b, c];
      }
    }
  return undefined;
}

const KIND_LABEL = (k: JurisdictionKind): 'states' | 'counties' | 'cities' =>
  k === 'state' || k === 'district' || k === 'territory' ? 'states' : k === 'county' ? 'counties' : 'cities';

/** Conflicts within one merged event, each with its reconciliation when the record gives one. */
function conflictsOf(
  index: number,
  group: Group,
  merged: readonly CaseEvent[],
  kindOf: ReadonlyMap<string, JurisdictionKind>,
): Conflict[] {
  const out: Conflict[] = [];
  const event = merged[index] as CaseEvent;
  const accounts = group.accounts;
  const byValue = <T>(value: (e: CaseEvent) => T | undefined, key: (v: T) => string = String) => {
    const m = new Map<string, { value: T; sources: SourceRef[] }>();
    for (const a of accounts) {
      const v = value(a.event);
      if (v === undefined) continue;
      const k = key(v);
      const entry = m.get(k) ?? { value: v, sources: [] };
      entry.sources.push(...a.event.sources);
      m.set(k, entry);
    }
    return [...m.values()];
  };

  const counts = byValue((e) => e.count?.value);
  if (counts.length > 1 && event.count) {
    const agreed = event.count.value;
    const others = merged
      .map((e, i) => ({ index: i, count: e.count?.value ?? 0, ...(e.date ? { date: e.date } : {}) }))
      .filter((c) => c.index !== index && c.count > 0 && (merged[c.index] as CaseEvent).type === event.type)
      // Only waves up to this one can add up to it.
      .filter((c) => !event.date || !c.date || c.date <= periodEnd(event.date, event.precision ?? 'day'));
    const odd = counts.find((c) => c.value !== agreed) as { value: number };
    // "38" where the event had 29: the sum of this wave and earlier ones.
    const withThis = sumsTo(odd.value, [
      { index, count: agreed, ...(event.date ? { date: event.date } : {}) },
      ...others,
    ]);
    const parts = withThis?.some((p) => p.index === index) ? withThis : undefined;
    out.push({
      kind: 'count',
      event: index,
      type: event.type,
      values: counts.map((c) => ({ value: c.value, sources: c.sources })),
      explanation: `sources give ${counts.map((c) => c.value).join(' and ')} for the same ${event.type}`,
      ...(parts
        ? {
            reconciliation: {
              explanation: `${odd.value} = ${parts.map((p) => p.count).join(' + ')}: the larger figure adds ${parts.length} waves (${parts.map((p) => `${p.count} on ${p.date ?? 'an unknown date'}`).join(', ')})`,
              parts: parts.map((p) => ({ value: p.count, label: p.date ?? 'undated', event: p.index })),
            },
          }
        : {}),
    });
  }

  const dayDates = byValue((e) => ((e.precision ?? 'day') === 'day' ? e.date : undefined));
  if (dayDates.length > 1) {
    const received = accounts.some((a) => a.event.sources.some((s) => /\breceived\b/i.test(s.text)));
    const sorted = dayDates.map((d) => d.value as string).sort();
    const spread = daysBetween(sorted[0] as IsoDate, sorted[sorted.length - 1] as IsoDate);
    out.push({
      kind: 'date',
      event: index,
      type: event.type,
      values: dayDates.map((d) => ({ value: d.value as string, sources: d.sources })),
      explanation: `sources date the same ${event.type} ${sorted.join(' and ')}`,
      ...(received && spread <= 3
        ? {
            reconciliation: {
              explanation: `a source dates the letter by its receipt, ${spread} day(s) after it was sent`,
              parts: [],
            },
          }
        : {}),
    });
  }

  const deadlines = byValue((e) => e.deadline);
  if (deadlines.length > 1) {
    out.push({
      kind: 'deadline',
      event: index,
      type: event.type,
      values: deadlines.map((d) => ({ value: d.value, sources: d.sources })),
      explanation: `sources give different due dates: ${deadlines.map((d) => d.value).join(', ')}`,
    });
  }

  if (event.type === 'document-request') {
    // A complete list (as long as its count) against names other sources add to it.
    const complete = accounts.find(
      (a) => a.event.count && a.event.jurisdictions.length === a.event.count.value,
    );
    if (complete) {
      const extra = accounts.flatMap((a) =>
        a.event.jurisdictions
          .filter((id) => !complete.event.jurisdictions.includes(id))
          .map((id) => ({ id, sources: a.event.sources })),
      );
      if (extra.length > 0) {
        out.push({
          kind: 'recipients',
          event: index,
          type: event.type,
          values: [
            { value: complete.event.jurisdictions, sources: complete.event.sources },
            ...extra.map((x) => ({ value: [x.id], sources: x.sources })),
          ],
          explanation: `a full list of ${complete.event.jurisdictions.length} recipients does not name ${uniq(extra.map((x) => x.id)).join(', ')}`,
        });
      }
    }
    // "three states and twenty cities" against the kinds of the recipients on the full list.
    const total = event.count?.value;
    if (total !== undefined && event.jurisdictions.length === total) {
      const byKind = { states: 0, counties: 0, cities: 0 };
      for (const id of event.jurisdictions) {
        const k = kindOf.get(id);
        if (k) byKind[KIND_LABEL(k)]++;
      }
      for (const a of accounts) {
        const parts = a.event.count?.parts;
        if (!parts || a.event.count?.value !== total) continue;
        const said = (noun: string): number =>
          parts.filter((p) => p.noun.startsWith(noun)).reduce((s, p) => s + p.value, 0);
        const [states, cities, counties] = [said('state'), said('cit'), said('count')];
        if (states === byKind.states && cities === byKind.cities && counties === byKind.counties) continue;
        const local = byKind.cities + byKind.counties;
        const reconciled = states === byKind.states && counties === 0 && cities === local;
        out.push({
          kind: 'count-parts',
          event: index,
          type: event.type,
          values: [
            { value: parts.map((p) => `${p.value} ${p.noun}`).join(' and '), sources: a.event.sources },
            {
              value: `${byKind.states} states, ${byKind.counties} counties and ${byKind.cities} cities`,
              sources: accounts.filter((x) => x !== a).flatMap((x) => x.event.sources),
            },
          ],
          explanation: `"${parts.map((p) => `${p.value} ${p.noun}`).join(' and ')}" does not match the kinds on the list of ${total}`,
          ...(reconciled
            ? {
                reconciliation: {
                  explanation: `"${cities} cities" counts ${byKind.cities} cities and ${byKind.counties} counties as cities; the total of ${total} agrees`,
                  parts: [
                    { value: byKind.states, label: 'states' },
                    { value: byKind.cities, label: 'cities' },
                    { value: byKind.counties, label: 'counties' },
                  ],
                },
              }
            : {}),
        });
      }
    }
  }
  return out;
}

const amountKey = (a: Amount): string =>
  [a.value, a.qualifier, a.fiscalYear ?? '', a.jurisdiction ?? '', a.scope ?? '', a.program ?? ''].join('|');

/** Whether two figures for the same money can both be true ("more than $2 million" and "about $2.1 million"). */
function compatibleAmounts(a: Amount, b: Amount): boolean {
  const near = (x: number, y: number): boolean => Math.abs(x - y) <= 0.1 * Math.max(x, y);
  const q = (x: Amount, y: Amount): boolean | undefined => {
    if (x.qualifier === 'more-than')
      return y.value >= x.value || (y.qualifier !== 'exact' && near(x.value, y.value));
    if (x.qualifier === 'less-than')
      return y.value <= x.value || (y.qualifier !== 'exact' && near(x.value, y.value));
    return undefined;
  };
  const r1 = q(a, b);
  if (r1 !== undefined) return r1;
  const r2 = q(b, a);
  if (r2 !== undefined) return r2;
  if (a.qualifier === 'exact' && b.qualifier === 'exact') return a.value === b.value;
  return near(a.value, b.value);
}

/**
 * Merges the documents of one run. Events are grouped when they are the same event (same type, compatible dates,
 * shared recipients or the same count); the merged event keeps every source. Conflicts name the sources on each
 * side; reconciliations explain what the record can explain. Claims are carried as claims, never merged into events.
 */
export function mergeCaseFacts(docs: readonly ExtractedDocument[]): MergedCaseFacts {
  // Jurisdictions and their kinds, with every mention.
  const jurisdictions = new Map<
    string,
    { id: OcdId; name: string; kind: JurisdictionKind; mentions: CaseJurisdiction['mentions'][number][] }
  >();
  for (const d of docs) {
    for (const j of d.jurisdictions) {
      const e = jurisdictions.get(j.id) ?? { id: j.id, name: j.name, kind: j.kind, mentions: [] };
      for (const m of j.mentions) e.mentions.push({ ...m, document: d.name });
      jurisdictions.set(j.id, e);
    }
  }
  const kindOf = new Map([...jurisdictions.values()].map((j) => [j.id as string, j.kind]));

  // Finest dates first, so a day-dated account anchors the month- and week-dated accounts of the same event.
  const accounts: Account[] = docs
    .flatMap((d) => d.events.map((event) => ({ event, document: d.name })))
    .map((a, order) => ({ a, order }))
    .sort(
      (x, y) =>
        (x.a.event.date ? PRECISION_RANK[x.a.event.precision ?? 'day'] : 9) -
          (y.a.event.date ? PRECISION_RANK[y.a.event.precision ?? 'day'] : 9) || x.order - y.order,
    )
    .map((x) => x.a);
  const groups: Group[] = [];
  for (const a of accounts) {
    let best: Group | undefined;
    let bestScore = 0;
    for (const g of groups) {
      const s = fitScore(g, a.event);
      if (s > bestScore) [best, bestScore] = [g, s];
    }
    if (best) best.accounts.push(a);
    else groups.push({ type: a.event.type, accounts: [a] });
  }
  // In time order, undated last.
  groups.sort((x, y) => {
    const dx = combine(x).date ?? '9999';
    const dy = combine(y).date ?? '9999';
    return dx < dy ? -1 : dx > dy ? 1 : 0;
  });
  const events = groups.map(combine);
  const conflicts = groups.flatMap((g, i) => conflictsOf(i, g, events, kindOf));

  // Money: the same figure told twice is one item; incompatible figures for the same money are a conflict.
  const amounts = new Map<string, { amount: Amount; sources: SourceRef[] }>();
  for (const d of docs) {
    for (const a of d.amounts) {
      const k = amountKey(a);
      const e = amounts.get(k) ?? { amount: a, sources: [] };
      e.sources.push({ document: d.name, ...a.span });
      amounts.set(k, e);
    }
  }
  const amountList = [...amounts.values()];
  for (let i = 0; i < amountList.length; i++)
    for (let j = i + 1; j < amountList.length; j++) {
      const [x, y] = [amountList[i], amountList[j]] as [
        (typeof amountList)[number],
        (typeof amountList)[number],
      ];
      const same =
        x.amount.jurisdiction !== undefined &&
        x.amount.jurisdiction === y.amount.jurisdiction &&
        x.amount.fiscalYear !== undefined &&
        x.amount.fiscalYear === y.amount.fiscalYear &&
        !x.amount.claimedBy &&
        !y.amount.claimedBy;
      if (same && !compatibleAmounts(x.amount, y.amount)) {
        conflicts.push({
          kind: 'amount',
          values: [
            { value: x.amount.value, sources: x.sources },
            { value: y.amount.value, sources: y.sources },
          ],
          explanation: `FY${x.amount.fiscalYear} figures for ${x.amount.jurisdiction} disagree: ${x.amount.qualifier} ${x.amount.value} and ${y.amount.qualifier} ${y.amount.value}`,
        });
      }
    }

  const statutes = new Map<string, SourceRef[]>();
  const programs = new Map<ProgramId, { name: string; mentions: SourceRef[] }>();
  const claims: CaseClaim[] = [];
  for (const d of docs) {
    for (const s of d.statutes) {
      const list = statutes.get(s.citation) ?? [];
      list.push({ document: d.name, ...s.span });
      statutes.set(s.citation, list);
    }
    for (const p of d.programs) {
      const e = programs.get(p.id) ?? { name: p.name, mentions: [] };
      e.mentions.push({ document: d.name, ...p.span });
      programs.set(p.id, e);
    }
    for (const c of d.claims) {
      const { span, speakerSpan, ...rest } = c;
      claims.push({
        ...rest,
        source: { document: d.name, ...span },
        speakerSource: { document: d.name, ...speakerSpan },
      });
    }
  }

  return {
    jurisdictions: [...jurisdictions.values()],
    events,
    amounts: amountList.map(({ amount, sources }) => {
      const { span: _span, ...rest } = amount;
      return { ...rest, sources };
    }),
    statutes: [...statutes.entries()].map(([citation, mentions]) => ({ citation, mentions })),
    programs: [...programs.entries()].map(([id, p]) => ({ id, name: p.name, mentions: p.mentions })),
    claims,
    conflicts,
    reconciliations: conflicts.flatMap((c, i) =>
      c.reconciliation ? [{ ...c.reconciliation, conflict: i }] : [],
    ),
  };
}
