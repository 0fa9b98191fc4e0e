// The response types of the HTTP API, re-exported in one place for the web app (which may not import app/).
export type {
  StatusReport,
  JurisdictionStatus,
  ConditionStatus,
  RequestStatus,
} from '../domain/status/compute-status.ts';
export type { MapView, MapJurisdiction } from '../app/views/map-and-exports.ts';
export type { JurisdictionPage, CampaignViews, PublicRecordItem } from '../app/views/campaign-views.ts';
export type { BoardWave, BoardRecipient } from '../domain/campaign/campaign-board.ts';
export type { Dossier, TimelineEvent, MoneyLine } from '../domain/status/jurisdiction-dossier.ts';
export type { RegistryEntry } from '../domain/registry/registry-entry.ts';
export type { ResolvedJurisdiction } from '../domain/registry/resolve-jurisdiction.ts';
export type { Source } from '../domain/sources/source.ts';
export type { MapCategory } from '../domain/status/map-category.ts';
export type { Provision, ReviewSummary, Finding, Span, TagEvidence } from '../domain/review/provision.ts';

/** One reviewed document, as `POST /api/review` and `accordance review --json` return it (BRIEF §5). */
export type ReviewedDocument = {
  readonly file: string;
  readonly sha256: string;
  readonly format: string;
  readonly pages?: readonly { page: number; start: number; end: number }[];
  readonly warnings?: readonly string[];
  readonly provisions: readonly import('../domain/review/provision.ts').Provision[];
  readonly summary: import('../domain/review/provision.ts').ReviewSummary;
};
