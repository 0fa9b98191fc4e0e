// Requirements: the statute, the executive order and the Byrne JAG condition types of BRIEF §2.1–2.2.
import type { IsoDate, RequirementId, SourceId } from '../shared/brand.ts';

export type RequirementKind = 'statute' | 'executive-order' | 'grant-condition';

export type Requirement = {
  readonly id: RequirementId;
  readonly kind: RequirementKind;
  readonly title: string;
  readonly summary: string;
  /** For grant conditions: the program and fiscal year whose awards carry the condition. */
  readonly program?: 'byrne-jag';
  readonly fiscalYear?: number;
  /** Award-specific numbers seen on record (conditions are numbered differently in each award). */
  readonly conditionNumbers?: readonly number[];
  /** In force from (inclusive) and until (exclusive), per docs/adr/0002. */
  readonly from: IsoDate;
  readonly to?: IsoDate;
  readonly sources: readonly SourceId[];
};

/** The condition types of BRIEF §2.2, whose ids are a stable contract. */
export const GRANT_CONDITION_IDS = [
  'jag-fy2016-1373-validation',
  'jag-monitoring-cooperation',
  'jag-fy2017-1373-compliance',
  'jag-fy2017-clo-certification',
  'jag-fy2017-access',
  'jag-fy2017-notice',
  'jag-fy2018-noninterference',
] as const;
