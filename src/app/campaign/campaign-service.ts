// Running a campaign (BRIEF C3, C4): waves, service, deadline changes, responses, determinations, escalations.
// Every write is authorised, validated, transactional and audited.
import type { Clock } from '../ports/clock.ts';
import type { CohortReader, Crypto, DeterminationRecord, EscalationRecord, Writer } from '../ports/writes.ts';
import type { StatusService } from '../status/status-service.ts';
import type { JurisdictionService } from '../jurisdictions/jurisdiction-service.ts';
import type { IsoDate, OcdId, SourceId, WaveId } from '../../domain/shared/brand.ts';
import { DomainError } from '../../domain/shared/domain-error.ts';
import { parseIsoDate } from '../../domain/shared/iso-date.ts';
import { authorize, actorName, type Actor } from '../../domain/access/authorize.ts';
import { parseDeadlineRule } from '../../domain/deadlines/deadline-rule.ts';
import { requestsOfWave } from '../../domain/campaign/requests-of-wave.ts';
import type { DeadlineAdjustment, Response, Wave, WaveKind } from '../../domain/campaign/campaign.ts';
import {
  checkEscalation,
  parseEscalationStep,
  type EscalationDecision,
} from '../../domain/escalation/check-escalation.ts';
import type { Jurisdiction } from '../../domain/jurisdictions/jurisdiction.ts';
import { entryToJurisdiction } from '../jurisdictions/jurisdiction-service.ts';
import { letterContent, type LetterContent } from '../../domain/campaign/letter-content.ts';

export const MAX_RECIPIENTS = 50_000;
const WAVE_KINDS: readonly WaveKind[] = [
  'validation-reminder',
  'preliminary-assessment',
  'preliminary-finding',
  'document-request',
];

export type Cohort = { readonly program: 'byrne-jag'; readonly fiscalYear: number; readonly state?: string };

export type WaveInput = {
  readonly name: string;
  readonly kind: string;
  readonly sent: string;
  readonly rule: string;
  readonly recipients?: readonly string[];
  readonly cohort?: Cohort;
  /** A cohort saved earlier with saveCohort. */
  readonly cohortName?: string;
  readonly demand: string;
  readonly legalBasis?: string;
  readonly consequences?: readonly string[];
};

const text = (v: unknown, what: string, max = 4000): string => {
  const t = typeof v === 'string' ? v.trim() : '';
  if (!t) throw new DomainError('bad-input', `${what} is required`);
  if (t.length > max) throw new DomainError('bad-input', `${what} is longer than ${max} characters`);
  return t;
};

export function createCampaignService(deps: {
  writer: Writer;
  status: StatusService;
  jurisdictions: JurisdictionService;
  crypto: Crypto;
  clock: Clock;
  cohorts?: CohortReader;
}) {
  const { writer, status, clock, crypto } = deps;
  const id = (prefix: string) => `${prefix}-${crypto.randomToken(6)}`;
  const canonical = (raw: string): Jurisdiction => entryToJurisdiction(deps.jurisdictions.entry(raw));
  const findRequest = async (wave: string, jurisdiction: OcdId) => {
    const records = await status.records();
    const r = records.requests.find((x) => x.wave === wave && x.jurisdiction === jurisdiction);
    if (!r) throw new DomainError('unknown-record', `no request of wave "${wave}" to ${jurisdiction}`);
    return r;
  };

  return {
    /** Recipients of a saved cohort, e.g. FY2016 Byrne JAG recipients in Oregon. */
    async cohort(c: Cohort): Promise<OcdId[]> {
      const records = await status.records();
      const state = c.state?.toLowerCase();
      return [
        ...new Set(
          records.grants
            .filter((g) => g.program === c.program && g.fiscalYear === c.fiscalYear && g.role !== 'applicant')
            .filter((g) => !state || g.jurisdiction.includes(`/state:${state}`))
            .map((g) => g.jurisdiction),
        ),
      ];
    },

    async createWave(by: Actor, input: WaveInput): Promise<{ wave: Wave; requests: number }> {
      authorize(by, 'write:campaign');
      const name = text(input.name, 'name', 200);
      if (!WAVE_KINDS.includes(input.kind as WaveKind))
        throw new DomainError('bad-input', `kind must be one of ${WAVE_KINDS.join(', ')}`);
      const sent = parseIsoDate(String(input.sent ?? ''), 'sent date');
      const rule = parseDeadlineRule(String(input.rule ?? ''));
      let cohort = input.cohort;
      if (input.cohortName) {
        const saved = await deps.cohorts?.get(input.cohortName);
        if (!saved) throw new DomainError('unknown-record', `no saved cohort "${input.cohortName}"`);
        cohort = saved as Cohort;
      }
      const ids = cohort ? await this.cohort(cohort) : (input.recipients ?? []);
      if (ids.length === 0) throw new DomainError('bad-input', 'a wave needs at least one recipient');
      if (ids.length > MAX_RECIPIENTS)
        throw new DomainError('too-large', `a wave is limited to ${MAX_RECIPIENTS} recipients`);
      const recipients = [...new Map(ids.map((r) => canonical(r)).map((j) => [j.id, j])).values()];
      const waveId = `${sent}-${name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60)}-${crypto.randomToken(3)}` as WaveId;
      const sourceId = `letter-${waveId}` as SourceId;
      const wave: Wave = {
        id: waveId,
        name,
        kind: input.kind as WaveKind,
        sent,
        deadlineRule: rule,
        recipients: recipients.map((j) => j.id),
        demand: text(input.demand, 'demand'),
        ...(input.legalBasis ? { legalBasis: text(input.legalBasis, 'legal basis', 1000) } : {}),
        consequences: (input.consequences ?? []).map((c) => text(c, 'consequence', 300)),
        knownFrom: clock.today(),
        sources: [sourceId],
      };
      const requests = requestsOfWave(wave);
      await writer.write(async (tx) => {
        for (const j of recipients) await tx.insertJurisdiction(j);
        await tx.insertSource({
          id: sourceId,
          kind: 'agency-letter',
          title: `${name} (letters generated by Accordance)`,
          publisher: actorName(by),
          date: sent,
        });
        await tx.insertWave(wave, requests);
        await tx.audit(actorName(by), 'wave.create', wave.id, null, {
          ...wave,
          due: requests[0]?.deadline.due,
        });
      });
      return { wave, requests: requests.length };
    },

    /** Saves a cohort (program, fiscal year, optional state) under a name, e.g. "FY2016 JAG recipients in Oregon". */
    async saveCohort(by: Actor, input: { name: string; cohort: Cohort }) {
      authorize(by, 'write:campaign');
      const name = text(input.name, 'name', 200);
      const c = input.cohort;
      if (c?.program !== 'byrne-jag' || !Number.isInteger(c.fiscalYear)) {
        throw new DomainError('bad-input', 'a cohort names program byrne-jag and a fiscal year');
      }
      if (c.state !== undefined && !/^[a-z]{2}$/i.test(c.state))
        throw new DomainError('bad-input', 'state is a two-letter code');
      const spec: Cohort = {
        program: 'byrne-jag',
        fiscalYear: c.fiscalYear,
        ...(c.state ? { state: c.state.toLowerCase() } : {}),
      };
      const members = await this.cohort(spec);
      await writer.write(async (tx) => {
        if (!(await tx.insertCohort({ name, spec, by: actorName(by), at: clock.now().toISOString() }))) {
          throw new DomainError('conflict', `a cohort named "${name}" exists`);
        }
        await tx.audit(actorName(by), 'cohort.save', name, null, { spec, members: members.length });
      });
      return { name, cohort: spec, members };
    },

    async recordService(
      by: Actor,
      input: { wave: string; jurisdiction: string; servedOn: string; method: string },
    ) {
      authorize(by, 'write:campaign');
      const j = canonical(input.jurisdiction);
      await findRequest(input.wave, j.id);
      const record = {
        id: id('svc'),
        wave: input.wave,
        jurisdiction: j.id,
        servedOn: parseIsoDate(input.servedOn, 'served-on date'),
        method: text(input.method, 'method', 100),
        recordedBy: actorName(by),
        recordedAt: clock.now().toISOString(),
      };
      await writer.write(async (tx) => {
        await tx.insertService(record);
        await tx.audit(actorName(by), 'request.serve', `${input.wave}/${j.id}`, null, record);
      });
      return record;
    },

    async adjustDeadline(
      by: Actor,
      input: {
        wave: string;
        jurisdiction: string;
        kind: string;
        granted: string;
        newDue?: string;
        reason: string;
      },
    ): Promise<DeadlineAdjustment> {
      authorize(by, 'write:campaign');
      const j = canonical(input.jurisdiction);
      const request = await findRequest(input.wave, j.id);
      if (!['extension', 'pause', 'resume'].includes(input.kind))
        throw new DomainError('bad-input', 'kind must be extension, pause or resume');
      const granted = parseIsoDate(input.granted, 'granted date');
      if (granted < request.sent)
        throw new DomainError('bad-input', `granted ${granted} is before the letter of ${request.sent}`);
      const newDue = input.newDue ? parseIsoDate(input.newDue, 'new due date') : undefined;
      if (input.kind === 'extension' && !newDue)
        throw new DomainError('bad-input', 'an extension needs a new due date');
      if (newDue && newDue < granted)
        throw new DomainError('bad-input', 'the new due date is before the date granted');
      const before = (
        await status.status({ asOf: granted, jurisdiction: j.id })
      ).jurisdictions[0]?.requests.find((r) => r.wave === input.wave);
      const a: DeadlineAdjustment = {
        id: id('adj'),
        wave: input.wave as WaveId,
        jurisdiction: j.id,
        kind: input.kind as DeadlineAdjustment['kind'],
        granted,
        ...(newDue ? { newDue } : {}),
        reason: text(input.reason, 'reason', 1000),
        grantedBy: actorName(by),
      };
      await writer.write(async (tx) => {
        await tx.insertAdjustment(a, clock.now().toISOString());
        await tx.audit(
          actorName(by),
          `deadline.${a.kind}`,
          `${input.wave}/${j.id}`,
          { due: before?.due ?? null },
          a,
        );
      });
      return a;
    },

    async recordResponse(
      by: Actor,
      input: { wave: string; jurisdiction: string; received: string; summary: string; submission?: string },
    ) {
      authorize(by, 'write:campaign');
      const j = canonical(input.jurisdiction);
      await findRequest(input.wave, j.id);
      const received = parseIsoDate(input.received, 'received date');
      const sourceId = `response-${crypto.randomToken(6)}` as SourceId;
      const response: Response = {
        id: id('resp'),
        wave: input.wave as WaveId,
        jurisdiction: j.id,
        received,
        precision: 'day',
        summary: text(input.summary, 'summary', 2000),
        knownFrom: clock.today(),
        sources: [sourceId],
      };
      await writer.write(async (tx) => {
        await tx.insertSource({
          id: sourceId,
          kind: 'agency-letter',
          title: `Response of ${j.name} to ${input.wave}${input.submission ? ` (submission ${input.submission})` : ''}`,
          publisher: j.name,
          date: received,
        });
        await tx.insertResponse(response);
        await tx.audit(actorName(by), 'response.record', `${input.wave}/${j.id}`, null, response);
      });
      return response;
    },

    /** A new determination; to change one, supersede it. Each cites provisions or says no document was provided. */
    async recordDetermination(
      by: Actor,
      input: {
        jurisdiction: string;
        kind: string;
        date: string;
        text: string;
        cites?: readonly { submission: string; provision: string }[];
        noDocument?: boolean;
        supersedes?: string;
      },
    ): Promise<DeterminationRecord> {
      const j = canonical(input.jurisdiction);
      authorize(by, 'write:determination', j.id);
      if (!['possible-violation', 'cleared', 'undecided', 'non-compliant'].includes(input.kind)) {
        throw new DomainError(
          'bad-input',
          'kind must be possible-violation, cleared, undecided or non-compliant',
        );
      }
      const cites = input.noDocument ? [{ noDocument: true as const }] : (input.cites ?? []);
      if (cites.length === 0)
        throw new DomainError(
          'bad-input',
          'a determination cites at least one provision, or states that no document was provided',
        );
      const date = parseIsoDate(input.date, 'determination date');
      const sourceId = `determination-${crypto.randomToken(6)}` as SourceId;
      const record: DeterminationRecord = {
        id: id('det'),
        jurisdiction: j.id,
        date,
        precision: 'day',
        kind: input.kind as DeterminationRecord['kind'],
        text: text(input.text, 'text', 4000),
        knownFrom: clock.today(),
        sources: [sourceId],
        supersedes: input.supersedes ?? null,
        author: actorName(by),
        cites,
      };
      await writer.write(async (tx) => {
        let before: DeterminationRecord | undefined;
        if (input.supersedes) {
          before = await tx.findDetermination(input.supersedes);
          if (!before) throw new DomainError('unknown-record', `no determination "${input.supersedes}"`);
          if (before.jurisdiction !== j.id)
            throw new DomainError(
              'bad-input',
              'a determination can only supersede one about the same jurisdiction',
            );
          if (await tx.isSuperseded(input.supersedes))
            throw new DomainError('conflict', `determination ${input.supersedes} was already superseded`);
        }
        await tx.insertSource({
          id: sourceId,
          kind: 'agency-letter',
          title: `Determination about ${j.name}`,
          publisher: actorName(by),
          date,
        });
        await tx.insertDetermination(record);
        await tx.audit(
          actorName(by),
          input.supersedes ? 'determination.supersede' : 'determination.record',
          j.id,
          before ?? null,
          record,
        );
      });
      return record;
    },

    async escalate(
      by: Actor,
      input: { jurisdiction: string; step: string; asOf: string; isDryRun: boolean; authorizedBy?: string },
    ): Promise<EscalationDecision & { recorded: string | null }> {
      const j = canonical(input.jurisdiction);
      if (!input.isDryRun) authorize(by, 'write:escalation', j.id);
      const step = parseEscalationStep(input.step);
      const asOf: IsoDate = parseIsoDate(input.asOf, 'as-of date');
      const decision = checkEscalation({
        records: await status.records(),
        jurisdiction: j,
        step,
        asOf,
        isDryRun: input.isDryRun,
        ...(input.authorizedBy ? { signedOffBy: input.authorizedBy } : {}),
      });
      if (input.isDryRun || !decision.allowed) return { ...decision, recorded: null };
      const record: EscalationRecord = {
        id: id('esc'),
        jurisdiction: j.id,
        step,
        date: asOf,
        authorizedBy: input.authorizedBy ?? actorName(by),
        decision,
        recordedAt: clock.now().toISOString(),
      };
      await writer.write(async (tx) => {
        await tx.insertEscalation(record);
        await tx.audit(actorName(by), `escalation.${step}`, j.id, null, record);
      });
      return { ...decision, recorded: record.id };
    },
  };
}

export type CampaignService = ReturnType<typeof createCampaignService>;

/** Letters as PDF: built from the records, rendered by the injected renderer. */
export function createLetterService(deps: {
  status: StatusService;
  render: (letter: LetterContent) => Promise<Uint8Array>;
}) {
  return {
    async letter(wave: string, jurisdiction: string): Promise<{ fileName: string; pdf: Uint8Array }> {
      const records = await deps.status.records();
      const w = records.waves.find((x) => x.id === wave);
      if (!w) throw new DomainError('unknown-record', `no wave "${wave}"`);
      const j = records.jurisdictions.find(
        (x) => x.id === jurisdiction || x.alsoIds.includes(jurisdiction as OcdId),
      );
      const request = j && records.requests.find((r) => r.wave === w.id && r.jurisdiction === j.id);
      if (!j || !request)
        throw new DomainError('unknown-record', `wave "${wave}" has no letter to ${jurisdiction}`);
      const content = letterContent({
        wave: w,
        request,
        jurisdiction: j,
        grants: records.grants,
        requirements: records.requirements,
      });
      const slug = j.id
        .split('/')
        .slice(2)
        .join('-')
        .replace(/[^a-z0-9_-]+/gi, '-');
      return { fileName: `${w.id}-${slug}.pdf`, pdf: await deps.render(content) };
    },
  };
}
export type LetterService = ReturnType<typeof createLetterService>;

/**
 * Generates and records every letter of a wave: each one rendered, stored by hash and recorded in its own
 * transaction, so a crash loses at most the letter being made and a re-run finishes the rest.
 */
export function createLetterBatch(deps: {
  letters: LetterService;
  status: StatusService;
  writer: Writer;
  crypto: Crypto;
  clock: Clock;
  recorded: (wave: string) => Promise<ReadonlySet<string>>;
}) {
  return async (
    by: Actor,
    wave: string,
    onLetter?: (l: {
      jurisdiction: string;
      sha256: string;
      fileName: string;
      pdf: Uint8Array;
      isNew: boolean;
    }) => Promise<void> | void,
  ) => {
    authorize(by, 'write:campaign');
    const records = await deps.status.records();
    const w = records.waves.find((x) => x.id === wave);
    if (!w) throw new DomainError('unknown-record', `no wave "${wave}"`);
    const done = await deps.recorded(wave);
    let made = 0;
    for (const r of records.requests.filter((x) => x.wave === wave)) {
      const { fileName, pdf } = await deps.letters.letter(wave, r.jurisdiction);
      const sha256 = deps.crypto.sha256(pdf);
      let isNew = false;
      if (!done.has(r.jurisdiction)) {
        isNew = await deps.writer.write(async (tx) => {
          await tx.putBlob(sha256, pdf);
          const fresh = await tx.insertLetter({
            wave,
            jurisdiction: r.jurisdiction,
            sha256,
            by: actorName(by),
            at: deps.clock.now().toISOString(),
          });
          if (fresh)
            await tx.audit(actorName(by), 'letter.generate', `${wave}/${r.jurisdiction}`, null, {
              sha256,
              fileName,
            });
          return fresh;
        });
        if (isNew) made++;
      }
      await onLetter?.({ jurisdiction: r.jurisdiction, sha256, fileName, pdf, isNew });
    }
    return { wave, letters: records.requests.filter((x) => x.wave === wave).length, made };
  };
}
export type LetterBatch = ReturnType<typeof createLetterBatch>;
