// The agency's escalation ladder (BRIEF §2.2 consequences, C4) and what legal basis each step rests on.
import type { RequirementId } from '../shared/brand.ts';

export const ESCALATION_STEPS = [
  'reminder',
  'final-notice',
  'subpoena',
  'withhold',
  'clawback',
  'extra-conditions',
  'high-risk',
  'clearance',
] as const;
export type EscalationStep = (typeof ESCALATION_STEPS)[number];

export type StepRule = {
  readonly label: string;
  /** Requirements the action enforces; a ruling that blocks one of them blocks the action. */
  readonly bases: readonly RequirementId[];
  /** Needs a request whose deadline has passed with no response on record. */
  readonly needsOverdue: boolean;
  /** Needs a standing finding of possible violation or non-compliance (not cleared). */
  readonly needsFinding: boolean;
  /** Only document requests can be enforced by subpoena. */
  readonly needsDocumentRequest: boolean;
  /** Recorded only with a named reviewer's sign-off. */
  readonly needsSignOff: boolean;
};

const r = (id: string) => id as RequirementId;

export const STEP_RULES: Readonly<Record<EscalationStep, StepRule>> = {
  reminder: {
    label: 'reminder letter',
    bases: [],
    needsOverdue: false,
    needsFinding: false,
    needsDocumentRequest: false,
    needsSignOff: false,
  },
  'final-notice': {
    label: 'final notice',
    bases: [],
    needsOverdue: true,
    needsFinding: false,
    needsDocumentRequest: false,
    needsSignOff: true,
  },
  // The 2018 document requests rested on the FY2016 monitoring-cooperation condition (BRIEF §2.2, §2.4).
  subpoena: {
    label: 'subpoena of documents',
    bases: [r('jag-monitoring-cooperation')],
    needsOverdue: true,
    needsFinding: false,
    needsDocumentRequest: true,
    needsSignOff: true,
  },
  withhold: {
    label: 'withholding of FY2017 funds',
    bases: [r('jag-fy2017-1373-compliance')],
    needsOverdue: false,
    needsFinding: true,
    needsDocumentRequest: false,
    needsSignOff: true,
  },
  clawback: {
    label: 'return of FY2016 (sub)grant funds',
    bases: [r('jag-fy2016-1373-validation')],
    needsOverdue: false,
    needsFinding: true,
    needsDocumentRequest: false,
    needsSignOff: true,
  },
  'extra-conditions': {
    label: 'additional conditions on FY2017 funds',
    bases: [r('jag-fy2017-1373-compliance')],
    needsOverdue: false,
    needsFinding: true,
    needsDocumentRequest: false,
    needsSignOff: true,
  },
  'high-risk': {
    label: '"High Risk" grantee designation',
    bases: [r('jag-fy2016-1373-validation')],
    needsOverdue: false,
    needsFinding: true,
    needsDocumentRequest: false,
    needsSignOff: true,
  },
  clearance: {
    label:
      'clearance ("no evidence that [the jurisdiction is] currently out of compliance with section 1373")',
    bases: [],
    needsOverdue: false,
    needsFinding: false,
    needsDocumentRequest: false,
    needsSignOff: true,
  },
};
