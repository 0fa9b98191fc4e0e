// Validates the rule data format (docs/adr/0004) and turns raw records into typed domain records.
import { z } from 'zod';
import type { IsoDate, OcdId, RequirementId, RulingId, SourceId, WaveId } from '../shared/brand.ts';
import { isIsoDate } from '../shared/iso-date.ts';
import { parseOcdId } from '../jurisdictions/jurisdiction.ts';
import { parseDeadlineRule } from '../deadlines/deadline-rule.ts';
import { DomainError } from '../shared/domain-error.ts';
import type { Requirement } from '../law/requirement.ts';
import type { Ruling } from '../law/ruling.ts';
import type { Grant } from '../law/grant.ts';
import type { Determination, Response, Wave } from '../campaign/campaign.ts';
import type { Source } from '../sources/source.ts';
import type { Jurisdiction } from '../jurisdictions/jurisdiction.ts';

const date = z
  .string()
  .refine(isIsoDate, 'must be a calendar date YYYY-MM-DD')
  .transform((s) => s as IsoDate);
const ocdId = z.string().transform((s, ctx) => {
  try {
    return parseOcdId(s);
  } catch (e) {
    ctx.addIssue({ code: 'custom', message: (e as Error).message });
    return z.NEVER;
  }
});
const sourceIds = z
  .array(
    z
      .string()
      .min(1)
      .transform((s) => s as SourceId),
  )
  .min(1, 'every record cites a source');
const reqId = z
  .string()
  .min(1)
  .transform((s) => s as RequirementId);

const scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('nationwide') }),
  z.object({ kind: z.literal('plaintiffs'), jurisdictions: z.array(ocdId).min(1) }),
  z.object({ kind: z.literal('state-and-subdivisions'), state: ocdId }),
  z.object({ kind: z.literal('association-members'), association: z.string(), members: z.array(ocdId) }),
]);

export const sourceSchema = z.object({
  id: z
    .string()
    .min(1)
    .transform((s) => s as SourceId),
  kind: z.enum([
    'statute',
    'court-order',
    'agency-letter',
    'press-release',
    'news',
    'report',
    'guidance',
    'executive-order',
    'brief',
  ]),
  title: z.string().min(1),
  publisher: z.string().min(1),
  date: date.nullable(),
  citation: z.string().optional(),
  url: z.string().url().optional(),
  note: z.string().optional(),
});

export const jurisdictionSchema = z.object({
  id: ocdId,
  name: z.string().min(1),
  kind: z.enum(['state', 'district', 'territory', 'county', 'place']),
  alsoIds: z.array(ocdId).default([]),
});

export const requirementSchema = z.object({
  id: reqId,
  kind: z.enum(['statute', 'executive-order', 'grant-condition']),
  title: z.string(),
  summary: z.string(),
  program: z.literal('byrne-jag').optional(),
  fiscalYear: z.number().int().optional(),
  conditionNumbers: z.array(z.number().int()).optional(),
  from: date,
  to: date.optional(),
  sources: sourceIds,
});

const block = z.object({
  id: z.string().min(1),
  requirements: z.array(reqId).min(1),
  scope,
  from: date.optional(),
  stayedAtEntry: z.boolean().optional(),
  verb: z.string().optional(),
});
const modification = z.union([
  z.object({
    how: z.enum(['stayed', 'vacated', 'reversed', 'superseded', 'affirmed', 'stay-lifted']),
    block: z.string(),
  }),
  z.object({ how: z.literal('narrowed'), block: z.string(), scope }),
]);

export const rulingSchema = z.object({
  id: z
    .string()
    .min(1)
    .transform((s) => s as RulingId),
  caseName: z.string(),
  court: z.string(),
  date,
  kind: z.enum([
    'preliminary-injunction',
    'permanent-injunction',
    'final-judgment',
    'appellate-decision',
    'stay-order',
    'agency-notice',
  ]),
  summary: z.string(),
  citation: z.string().optional(),
  parties: z.array(ocdId).default([]),
  blocks: z.array(block).default([]),
  modifies: z.array(modification).default([]),
  holdings: z.array(z.string()).default([]),
  knownFrom: date.optional(),
  sources: sourceIds,
});

const money = z.object({
  amount: z.number().nonnegative(),
  currency: z.literal('USD'),
  qualifier: z.enum(['exact', 'about', 'more-than', 'less-than']),
  sources: sourceIds,
});

export const grantSchema = z.object({
  id: z.string().min(1),
  jurisdiction: ocdId,
  program: z.literal('byrne-jag'),
  fiscalYear: z.number().int().min(2000).max(2100),
  role: z.enum(['grantee', 'subgrantee', 'applicant']),
  via: ocdId.optional(),
  awarded: date.optional(),
  amounts: z.array(money).default([]),
  basis: z.string().min(1),
  knownFrom: date,
  sources: sourceIds,
});

export const waveSchema = z.object({
  id: z
    .string()
    .min(1)
    .transform((s) => s as WaveId),
  name: z.string(),
  kind: z.enum(['validation-reminder', 'preliminary-assessment', 'preliminary-finding', 'document-request']),
  sent: date,
  deadlineRule: z.string().transform((s, ctx) => {
    try {
      return parseDeadlineRule(s);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  }),
  recipients: z.array(ocdId).min(1),
  demand: z.string(),
  legalBasis: z.string().optional(),
  consequences: z.array(z.string()).default([]),
  knownFrom: date,
  sources: sourceIds,
});

export const responseSchema = z.object({
  id: z.string().min(1),
  wave: z.string().transform((s) => s as WaveId),
  jurisdiction: ocdId,
  received: date,
  precision: z.enum(['day', 'by']),
  summary: z.string(),
  knownFrom: date,
  sources: sourceIds,
});

export const determinationSchema = z.object({
  id: z.string().min(1),
  jurisdiction: ocdId,
  date,
  precision: z.enum(['day', 'by', 'month']),
  kind: z.enum(['possible-violation', 'cleared', 'undecided', 'non-compliant']),
  text: z.string(),
  wave: z
    .string()
    .transform((s) => s as WaveId)
    .optional(),
  knownFrom: date,
  sources: sourceIds,
});

export const datasetSchema = z.object({
  sources: z.array(sourceSchema),
  jurisdictions: z.array(jurisdictionSchema),
  law: z.object({ requirements: z.array(requirementSchema), rulings: z.array(rulingSchema) }),
  campaign: z.object({
    waves: z.array(waveSchema),
    responses: z.array(responseSchema),
    determinations: z.array(determinationSchema),
  }),
  grants: z.array(grantSchema),
});

export type Dataset = {
  readonly sources: readonly Source[];
  readonly jurisdictions: readonly Jurisdiction[];
  readonly requirements: readonly Requirement[];
  readonly rulings: readonly Ruling[];
  readonly grants: readonly Grant[];
  readonly waves: readonly Wave[];
  readonly responses: readonly Response[];
  readonly determinations: readonly Determination[];
};

/** Parses and cross-checks a raw dataset: unknown sources, jurisdictions, waves or blocks are errors. */
export function parseDataset(raw: unknown): Dataset {
  const parsed = datasetSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError(
      'bad-input',
      `dataset: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
      {
        issues: parsed.error.issues.slice(0, 10),
      },
    );
  }
  const d = parsed.data;
  const ds: Dataset = {
    sources: d.sources,
    jurisdictions: d.jurisdictions,
    requirements: d.law.requirements,
    rulings: d.law.rulings,
    grants: d.grants,
    waves: d.campaign.waves,
    responses: d.campaign.responses,
    determinations: d.campaign.determinations,
  };
  checkReferences(ds);
  return ds;
}

function checkReferences(ds: Dataset): void {
  const fail = (msg: string) => {
    throw new DomainError('bad-input', `dataset: ${msg}`);
  };
  const sources = new Set<string>(ds.sources.map((s) => s.id));
  const juris = new Set<string>(ds.jurisdictions.flatMap((j) => [j.id, ...j.alsoIds]));
  const reqs = new Set<string>(ds.requirements.map((r) => r.id));
  const waves = new Set<string>(ds.waves.map((w) => w.id));
  const blocks = new Set<string>(ds.rulings.flatMap((r) => r.blocks.map((b) => b.id)));
  const cites = (what: string, list: readonly string[]) => {
    for (const s of list) if (!sources.has(s)) fail(`${what} cites unknown source "${s}"`);
  };
  const dupes = (what: string, ids: readonly string[]) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) fail(`duplicate ${what} id "${id}"`);
      seen.add(id);
    }
  };
  dupes(
    'source',
    ds.sources.map((s) => s.id),
  );
  dupes(
    'jurisdiction',
    ds.jurisdictions.flatMap((j) => [j.id, ...j.alsoIds]),
  );
  dupes('requirement', [...reqs]);
  dupes(
    'ruling',
    ds.rulings.map((r) => r.id),
  );
  dupes(
    'wave',
    ds.waves.map((w) => w.id),
  );
  dupes(
    'determination',
    ds.determinations.map((d) => d.id),
  );
  dupes(
    'response',
    ds.responses.map((r) => r.id),
  );
  dupes(
    'grant',
    ds.grants.map((g) => g.id),
  );
  const known = (what: string, id: string) => {
    if (!juris.has(id)) fail(`${what} names jurisdiction "${id}" that is not in jurisdictions.json`);
  };
  for (const r of ds.requirements) cites(`requirement ${r.id}`, r.sources);
  for (const r of ds.rulings) {
    cites(`ruling ${r.id}`, r.sources);
    r.parties.forEach((j) => known(`ruling ${r.id}`, j));
    for (const b of r.blocks)
      for (const q of b.requirements)
        if (!reqs.has(q)) fail(`ruling ${r.id} blocks unknown requirement ${q}`);
    for (const m of r.modifies)
      if (!blocks.has(m.block)) fail(`ruling ${r.id} modifies unknown block ${m.block}`);
  }
  for (const w of ds.waves) {
    cites(`wave ${w.id}`, w.sources);
    w.recipients.forEach((j) => known(`wave ${w.id}`, j));
  }
  for (const r of ds.responses) {
    cites(`response ${r.id}`, r.sources);
    if (!waves.has(r.wave)) fail(`response ${r.id} names unknown wave ${r.wave}`);
    known(`response ${r.id}`, r.jurisdiction);
  }
  for (const x of ds.determinations) {
    cites(`determination ${x.id}`, x.sources);
    known(`determination ${x.id}`, x.jurisdiction);
  }
  for (const g of ds.grants) {
    cites(`grant ${g.id}`, g.sources);
    known(`grant ${g.id}`, g.jurisdiction);
    for (const m of g.amounts) cites(`grant ${g.id} amount`, m.sources);
  }
}

/** The OCD-IDs of a dataset, for a quick membership test. */
export const datasetJurisdictionIds = (ds: Dataset): Set<OcdId> =>
  new Set(ds.jurisdictions.flatMap((j) => [j.id, ...j.alsoIds]));
