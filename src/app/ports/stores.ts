// Ports the use cases need from storage; src/db implements them for PGlite and PostgreSQL alike.
import type { OcdId } from '../../domain/shared/brand.ts';
import type { Dataset } from '../../domain/dataset/dataset-schema.ts';
import type { Request } from '../../domain/campaign/campaign.ts';
import type { Jurisdiction } from '../../domain/jurisdictions/jurisdiction.ts';
import type { StatusRecords } from '../../domain/status/compute-status.ts';
import type { Source } from '../../domain/sources/source.ts';
import type {
  AuditReader,
  CampaignReader,
  CohortReader,
  Secrets,
  SubmissionStore,
  UserStore,
  Writer,
} from './writes.ts';

export type DatasetInfo = { readonly name: string; readonly version: string; readonly loadedAt: string };

export type SeedStore = {
  /** The dataset loaded into this store, or null for an empty store. */
  datasetInfo(): Promise<DatasetInfo | null>;
  /** Loads a whole dataset in one transaction: either everything is stored or nothing is. */
  seed(dataset: Dataset, requests: readonly Request[], info: Omit<DatasetInfo, 'loadedAt'>): Promise<void>;
};

export type JurisdictionStore = {
  /** By canonical id or any also-id. */
  find(id: OcdId): Promise<Jurisdiction | undefined>;
  list(): Promise<Jurisdiction[]>;
};

export type RecordStore = {
  /** Everything the status engine reads. */
  loadStatusRecords(): Promise<StatusRecords>;
  sources(): Promise<Source[]>;
  /** Increases with every write; lets readers cache. */
  revision(): Promise<number>;
};

export type Stores = {
  readonly seed: SeedStore;
  readonly jurisdictions: JurisdictionStore;
  readonly records: RecordStore;
  readonly writer: Writer;
  readonly audit: AuditReader;
  readonly users: UserStore;
  readonly submissions: SubmissionStore;
  readonly campaign: CampaignReader;
  readonly secrets: Secrets;
  readonly cohorts: CohortReader;
  readonly kind: 'pglite' | 'postgres';
  close(): Promise<void>;
};
