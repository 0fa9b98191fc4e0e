// Decides whether an escalation step may be taken against a jurisdiction on a date, and explains why (BRIEF C4).
import type { IsoDate, RulingId } from '../shared/brand.ts';
import { DomainError } from '../shared/domain-error.ts';
import type { Jurisdiction } from '../jurisdictions/jurisdiction.ts';
import { computeStatus, type StatusRecords } from '../status/compute-status.ts';
import { decideEnforceability } from '../law/decide-enforceability.ts';
import { ESCALATION_STEPS, STEP_RULES, type EscalationStep } from './escalation-step.ts';

export type Check = { readonly check: string; readonly ok: boolean; readonly detail: string };

export type EscalationDecision = {
  readonly jurisdiction: string;
  readonly step: EscalationStep;
  readonly asOf: IsoDate;
  readonly allowed: boolean;
  /** Every check, passed or not, in words. */
  readonly reasons: readonly string[];
  /** Rulings or notices that forbid the step on that date. */
  readonly blockedBy: readonly { readonly ruling: RulingId; readonly reason: string }[];
  readonly checks: readonly Check[];
};

export function parseEscalationStep(text: string): EscalationStep {
  if ((ESCALATION_STEPS as readonly string[]).includes(text)) return text as EscalationStep;
  throw new DomainError(
    'bad-input',
    `unknown escalation step "${text}"; one of ${ESCALATION_STEPS.join(', ')}`,
  );
}

export function checkEscalation(input: {
  records: StatusRecords;
  jurisdiction: Jurisdiction;
  step: EscalationStep;
  asOf: IsoDate;
  /** Who signs off; absent in a dry run, where the step is judged on everything else. */
  signedOffBy?: string;
  isDryRun: boolean;
}): EscalationDecision {
  const { records, jurisdiction: j, step, asOf } = input;
  const rule = STEP_RULES[step];
  const all = records.jurisdictions.some((x) => x.id === j.id)
    ? records
    : { ...records, jurisdictions: [...records.jurisdictions, j] };
  const status = computeStatus(all, { asOf, jurisdiction: j.id }).jurisdictions[0];
  if (!status) throw new DomainError('unknown-jurisdiction', `no status for ${j.id}`);
  const checks: Check[] = [];
  const blockedBy: { ruling: RulingId; reason: string }[] = [];

  const requests = status.requests.filter(
    (r) => !rule.needsDocumentRequest || r.waveKind === 'document-request',
  );
  if (requests.length === 0) {
    checks.push({
      check: 'request',
      ok: false,
      detail: rule.needsDocumentRequest
        ? `no document request to ${j.name} on record by ${asOf}`
        : `no request to ${j.name} on record by ${asOf}`,
    });
  } else if (step !== 'clearance') {
    const latest = requests[requests.length - 1];
    if (latest)
      checks.push({
        check: 'request',
        ok: true,
        detail: `${latest.waveName}, sent ${latest.sent}, due ${latest.due}`,
      });
  }

  if (rule.needsOverdue && requests.length > 0) {
    const overdue = requests.filter((r) => r.state === 'overdue');
    const pending = requests.filter((r) => r.state === 'open');
    if (overdue.length > 0) {
      const o = overdue[overdue.length - 1];
      checks.push({
        check: 'deadline',
        ok: true,
        detail: `the deadline of ${o?.due} has passed with no response on record`,
      });
    } else if (pending.length > 0) {
      checks.push({
        check: 'deadline',
        ok: false,
        detail: `the deadline ${pending.map((p) => p.due).join(', ')} has not passed on ${asOf}`,
      });
    } else {
      const answered = requests.filter((r) => r.state === 'responded' || r.state === 'closed');
      checks.push({
        check: 'response',
        ok: false,
        detail: `a response is on record (${answered.map((a) => `${a.waveName}: ${a.state}`).join('; ')})`,
      });
    }
  }

  if (step === 'reminder') {
    const outstanding = status.requests.filter((r) => r.state === 'open' || r.state === 'overdue');
    checks.push(
      outstanding.length > 0
        ? {
            check: 'outstanding',
            ok: true,
            detail: `${outstanding.length} request(s) without a response on record`,
          }
        : { check: 'outstanding', ok: false, detail: 'every request has been answered or closed' },
    );
  }

  const det = status.determination;
  if (rule.needsFinding) {
    checks.push(
      det && (det.kind === 'possible-violation' || det.kind === 'non-compliant')
        ? { check: 'finding', ok: true, detail: `standing ${det.kind} determination of ${det.date}` }
        : {
            check: 'finding',
            ok: false,
            detail: det
              ? `the latest determination is "${det.kind}" (${det.date})`
              : 'no determination on record',
          },
    );
  }
  if (step === 'clearance') {
    const answered =
      status.requests.some((r) => r.response !== null) ||
      status.requests.some((r) => r.state === 'responded');
    checks.push(
      answered
        ? { check: 'response', ok: true, detail: 'a response is on record to review' }
        : { check: 'response', ok: false, detail: 'no response on record: clear only on documents received' },
    );
    if (det?.kind === 'cleared')
      checks.push({ check: 'finding', ok: false, detail: `already cleared on ${det.date}` });
  }

  for (const basis of rule.bases) {
    const d = decideEnforceability({ law: records, jurisdiction: j, requirement: basis, asOf });
    if (d.kind === 'enforceable') {
      checks.push({
        check: `basis ${basis}`,
        ok: true,
        detail: `${basis} is enforceable for ${j.name} on ${asOf}`,
      });
    } else if (d.kind === 'blocked') {
      checks.push({
        check: `basis ${basis}`,
        ok: false,
        detail: `${basis} is not enforceable: ${d.reasons.map((x) => x.text).join('; ')}`,
      });
      d.reasons.forEach((reason, i) =>
        blockedBy.push({ ruling: d.by[i] ?? (reason.ruling as RulingId), reason: reason.text }),
      );
    } else {
      checks.push({
        check: `basis ${basis}`,
        ok: false,
        detail: `${basis} does not apply: ${d.reasons.map((x) => x.text).join('; ')}`,
      });
    }
  }

  if (rule.needsSignOff) {
    if (input.signedOffBy)
      checks.push({ check: 'sign-off', ok: true, detail: `signed off by ${input.signedOffBy}` });
    else if (input.isDryRun)
      checks.push({
        check: 'sign-off',
        ok: true,
        detail: 'dry run: a reviewer must sign off before it is recorded',
      });
    else checks.push({ check: 'sign-off', ok: false, detail: 'a reviewer must sign off (--authorized-by)' });
  }

  const allowed = checks.every((c) => c.ok);
  const verdict = allowed
    ? `${rule.label} is allowed against ${j.name} on ${asOf}`
    : `${rule.label} is not allowed against ${j.name} on ${asOf}`;
  return {
    jurisdiction: j.id,
    step,
    asOf,
    allowed,
    reasons: [verdict, ...checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.detail}`)],
    blockedBy,
    checks,
  };
}
