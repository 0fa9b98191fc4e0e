// The one function that decides whether a requirement is in force and enforceable for a jurisdiction on a date,
// and why (BRIEF C2, §2.6; docs/adr/0002 for date semantics).
import type { IsoDate, OcdId, RequirementId, RulingId, SourceId } from '../shared/brand.ts';
import { DomainError } from '../shared/domain-error.ts';
import { isWithin } from '../shared/iso-date.ts';
import { type Jurisdiction, sameJurisdiction, stateIdOf } from '../jurisdictions/jurisdiction.ts';
import type { Grant } from './grant.ts';
import type { Requirement } from './requirement.ts';
import type { Block, Ruling, Scope } from './ruling.ts';

export type LawRecords = {
  readonly requirements: readonly Requirement[];
  readonly rulings: readonly Ruling[];
  readonly grants: readonly Grant[];
};

export type Reason = {
  readonly text: string;
  readonly date: IsoDate;
  readonly ruling?: RulingId;
  readonly sources: readonly SourceId[];
};

export type Decision =
  | {
      readonly kind: 'not-in-force';
      readonly requirement: RequirementId;
      readonly reasons: readonly Reason[];
    }
  | { readonly kind: 'enforceable'; readonly requirement: RequirementId; readonly reasons: readonly Reason[] }
  | {
      readonly kind: 'blocked';
      readonly requirement: RequirementId;
      readonly by: readonly RulingId[];
      readonly reasons: readonly Reason[];
    };

export type DecideInput = {
  readonly law: LawRecords;
  readonly jurisdiction: Jurisdiction;
  readonly requirement: RequirementId;
  readonly asOf: IsoDate;
  /** Only records the system held on this date count; defaults to "everything on record". */
  readonly knownAt?: IsoDate;
  /** Display names for scope descriptions. */
  readonly nameOf?: (id: OcdId) => string | undefined;
  /** Work shared by many decisions on the same date (see prepareLaw); computed here when absent. */
  readonly prepared?: PreparedLaw;
};

/** What every decision on one date needs: the state of each block, and grants indexed by jurisdiction. */
export type PreparedLaw = {
  readonly blocks: readonly BlockState[];
  readonly grantsByJurisdiction: ReadonlyMap<string, readonly Grant[]>;
};

export function prepareLaw(law: LawRecords, asOf: IsoDate, knownAt?: IsoDate): PreparedLaw {
  const grantsByJurisdiction = new Map<string, Grant[]>();
  for (const g of law.grants) {
    const list = grantsByJurisdiction.get(g.jurisdiction);
    if (list) list.push(g);
    else grantsByJurisdiction.set(g.jurisdiction, [g]);
  }
  return { blocks: blockStates(law.rulings, asOf, knownAt), grantsByJurisdiction };
}

export type BlockState = {
  readonly block: Block;
  readonly ruling: Ruling;
  readonly scope: Scope;
  readonly isActive: boolean;
  readonly isEnded: boolean;
  /** Later rulings that changed it, in date order, for the reason text. */
  readonly history: readonly { ruling: Ruling; what: string }[];
};

const known = (date: IsoDate, knownFrom: IsoDate | undefined, knownAt: IsoDate | undefined) =>
  knownAt === undefined || (knownFrom ?? date) <= knownAt;

const shortCourt = (r: Ruling) => r.court;
const cite = (r: Ruling) => `${r.caseName}, ${shortCourt(r)}, ${r.date}`;

export function scopeCovers(scope: Scope, j: Jurisdiction): boolean {
  switch (scope.kind) {
    case 'nationwide':
      return true;
    case 'plaintiffs':
      return scope.jurisdictions.some((id) => sameJurisdiction(j, id));
    case 'state-and-subdivisions':
      return [j.id, ...j.alsoIds].some((id) => stateIdOf(id) === scope.state);
    case 'association-members':
      return scope.members.some((id) => sameJurisdiction(j, id));
  }
}

export function describeScope(
  scope: Scope,
  nameOf: (id: OcdId) => string | undefined = () => undefined,
): string {
  const name = (id: OcdId) => nameOf(id) ?? id.replace(/^ocd-division\/country:us\//, '');
  switch (scope.kind) {
    case 'nationwide':
      return 'nationwide';
    case 'plaintiffs':
      return `as to ${scope.jurisdictions.map(name).join(', ')}`;
    case 'state-and-subdivisions':
      return `in ${name(scope.state)} and its subdivisions`;
    case 'association-members':
      return `as to members of ${scope.association}`;
  }
}

/** The state of every block on `asOf`, applying later stays, narrowings, reversals in date order. */
export function blockStates(rulings: readonly Ruling[], asOf: IsoDate, knownAt?: IsoDate): BlockState[] {
  const visible = rulings
    .filter((r) => r.date <= asOf && known(r.date, r.knownFrom, knownAt))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const states = new Map<string, BlockState>();
  for (const ruling of visible) {
    for (const m of ruling.modifies) {
      const s = states.get(m.block);
      if (!s) continue;
      const history = [...s.history];
      switch (m.how) {
        case 'affirmed':
          history.push({ ruling, what: 'affirmed' });
          states.set(m.block, { ...s, history });
          break;
        case 'stayed':
          history.push({ ruling, what: 'stayed' });
          states.set(m.block, { ...s, isActive: false, history });
          break;
        case 'stay-lifted':
          history.push({ ruling, what: 'stay lifted' });
          states.set(m.block, { ...s, isActive: true, history });
          break;
        case 'narrowed':
          history.push({ ruling, what: `narrowed` });
          states.set(m.block, { ...s, scope: m.scope, history });
          break;
        case 'vacated':
        case 'reversed':
        case 'superseded':
          history.push({ ruling, what: m.how });
          states.set(m.block, { ...s, isActive: false, isEnded: true, history });
          break;
      }
    }
    for (const block of ruling.blocks) {
      if ((block.from ?? ruling.date) > asOf) continue;
      states.set(block.id, {
        block,
        ruling,
        scope: block.scope,
        isActive: !block.stayedAtEntry,
        isEnded: false,
        history: [],
      });
    }
  }
  return [...states.values()];
}

function blockReason(s: BlockState, nameOf: DecideInput['nameOf']): Reason {
  const verb = s.block.verb ?? 'enjoined';
  const originalScope = describeScope(s.block.scope, nameOf);
  let text = `${verb} ${originalScope} by ${cite(s.ruling)} (${s.ruling.kind.replace(/-/g, ' ')})`;
  for (const h of s.history) {
    const court = shortCourt(h.ruling);
    text +=
      h.what === 'narrowed'
        ? `; narrowed by ${court} on ${h.ruling.date} to apply ${describeScope(s.scope, nameOf)}`
        : `; ${h.what} by ${court} on ${h.ruling.date}`;
  }
  const sources = [...s.ruling.sources, ...s.history.flatMap((h) => h.ruling.sources)];
  return { text, date: s.ruling.date, ruling: s.ruling.id, sources };
}

export function findRequirement(law: LawRecords, id: RequirementId): Requirement {
  const r = law.requirements.find((x) => x.id === id);
  if (!r) throw new DomainError('unknown-requirement', `unknown requirement "${id}"`, { id });
  return r;
}

/** Decides one requirement for one jurisdiction on one date, with the chain of reasons. */
export function decideEnforceability(input: DecideInput): Decision {
  const { law, jurisdiction: j, asOf, knownAt } = input;
  const req = findRequirement(law, input.requirement);
  const reqSources = req.sources;
  if (!isWithin(asOf, req.from, req.to)) {
    const text =
      asOf < req.from
        ? `not yet in force: takes effect ${req.from}`
        : `no longer in force: ended ${req.to ?? ''}`;
    return {
      kind: 'not-in-force',
      requirement: req.id,
      reasons: [{ text, date: req.from, sources: reqSources }],
    };
  }
  const reasons: Reason[] = [];
  if (req.kind === 'grant-condition') {
    // An award on record by asOf explains more than a presumed application, so prefer it.
    const prepared = input.prepared;
    const candidates = prepared
      ? [j.id, ...j.alsoIds].flatMap((id) => prepared.grantsByJurisdiction.get(id) ?? [])
      : law.grants;
    const grants = candidates.filter(
      (g) =>
        g.program === req.program &&
        g.fiscalYear === req.fiscalYear &&
        sameJurisdiction(j, g.jurisdiction) &&
        known(g.knownFrom, g.knownFrom, knownAt) &&
        // An award made after asOf did not exist yet on that date.
        (g.awarded === undefined || g.awarded <= asOf),
    );
    const grant = grants.find((g) => g.role !== 'applicant') ?? grants[0];
    if (!grant) {
      return {
        kind: 'not-in-force',
        requirement: req.id,
        reasons: [
          {
            text: `no FY${req.fiscalYear} Byrne JAG award or application on record for ${j.name}`,
            date: asOf,
            sources: [],
          },
        ],
      };
    }
    const numbers = req.conditionNumbers?.length
      ? ` (condition ${req.conditionNumbers.join('/')} in some awards)`
      : '';
    reasons.push({
      text: `condition of FY${req.fiscalYear} Byrne JAG awards from ${req.from}${numbers}; ${j.name}: ${grant.basis}`,
      date: req.from,
      sources: [...reqSources, ...grant.sources],
    });
  } else {
    reasons.push({ text: `${req.title} in force from ${req.from}`, date: req.from, sources: reqSources });
  }

  const relevant = (input.prepared?.blocks ?? blockStates(law.rulings, asOf, knownAt)).filter(
    (s) =>
      s.block.requirements.includes(req.id) && (scopeCovers(s.block.scope, j) || scopeCovers(s.scope, j)),
  );
  const active = relevant.filter((s) => s.isActive && scopeCovers(s.scope, j));
  if (active.length > 0) {
    return {
      kind: 'blocked',
      requirement: req.id,
      by: active.map((s) => s.ruling.id),
      reasons: active.map((s) => blockReason(s, input.nameOf)),
    };
  }
  // Blocks that once covered this jurisdiction and no longer do are part of the explanation.
  for (const s of relevant) reasons.push(blockReason(s, input.nameOf));
  if (relevant.length === 0)
    reasons.push({ text: `no ruling or notice on record blocks it for ${j.name}`, date: asOf, sources: [] });
  return { kind: 'enforceable', requirement: req.id, reasons };
}
