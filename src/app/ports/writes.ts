// Write ports: every change happens in one transaction that also appends to the audit log (BRIEF C10).
import type { IsoDate, OcdId } from '../../domain/shared/brand.ts';
import type { AuditEntry } from '../../domain/audit/audit-chain.ts';
import type {
  DeadlineAdjustment,
  Determination,
  Request,
  Response,
  Wave,
} from '../../domain/campaign/campaign.ts';
import type { EscalationDecision } from '../../domain/escalation/check-escalation.ts';

export type Role = 'admin' | 'analyst' | 'respondent' | 'public';

export type UserRecord = {
  readonly id: string;
  readonly email: string;
  readonly passwordHash: string;
  readonly role: Role;
  readonly jurisdiction: OcdId | null;
  readonly createdAt: string;
};

export type SessionRecord = {
  readonly tokenHash: string;
  readonly userId: string;
  readonly csrf: string;
  readonly expiresAt: string;
  readonly createdAt: string;
};

export type Submission = {
  readonly id: string;
  readonly jurisdiction: OcdId;
  readonly wave: string | null;
  readonly sha256: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly size: number;
  readonly uploader: string;
  /** How it arrived: `login`, or `link:<link id>` for a signed upload link. */
  readonly via: string;
  readonly receivedAt: string;
};

export type EscalationRecord = {
  readonly id: string;
  readonly jurisdiction: OcdId;
  readonly step: string;
  readonly date: IsoDate;
  readonly authorizedBy: string;
  readonly decision: EscalationDecision;
  readonly recordedAt: string;
};

export type ServiceRecord = {
  readonly id: string;
  readonly wave: string;
  readonly jurisdiction: OcdId;
  readonly servedOn: IsoDate;
  readonly method: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
};

export type DeterminationRecord = Determination & {
  readonly supersedes: string | null;
  readonly author: string | null;
  /** Provisions relied on, or the statement that no document was provided. */
  readonly cites: readonly (
    { readonly submission: string; readonly provision: string } | { readonly noDocument: true }
  )[];
};

export type WriteTx = {
  insertJurisdiction(j: import('../../domain/jurisdictions/jurisdiction.ts').Jurisdiction): Promise<void>;
  insertSource(s: import('../../domain/sources/source.ts').Source): Promise<void>;
  audit(actor: string, action: string, entity: string, before: unknown, after: unknown): Promise<AuditEntry>;
  insertWave(wave: Wave, requests: readonly Request[]): Promise<void>;
  insertAdjustment(a: DeadlineAdjustment, recordedAt: string): Promise<void>;
  insertService(s: ServiceRecord): Promise<void>;
  insertResponse(r: Response): Promise<void>;
  findDetermination(id: string): Promise<DeterminationRecord | undefined>;
  isSuperseded(id: string): Promise<boolean>;
  insertDetermination(d: DeterminationRecord): Promise<void>;
  insertEscalation(e: EscalationRecord): Promise<void>;
  /** Stores bytes under their hash; false when they were already stored. */
  putBlob(sha256: string, bytes: Uint8Array): Promise<boolean>;
  insertSubmission(s: Submission): Promise<void>;
  insertUser(u: UserRecord): Promise<void>;
  /** Saves a cohort under a name; false when the name is taken. */
  insertCohort(c: { name: string; spec: unknown; by: string; at: string }): Promise<boolean>;
  /** Records a generated letter; false when this recipient's letter was already recorded. */
  insertLetter(l: {
    wave: string;
    jurisdiction: string;
    sha256: string;
    by: string;
    at: string;
  }): Promise<boolean>;
  /** A reviewer's confirmation or override of one automated finding; false if `supersedes` was already superseded. */
  insertProvisionReview(r: ProvisionReviewRecord): Promise<boolean>;
  /** A queued document for stored bytes; false when the same content is already on record. */
  insertDocument(d: { sha256: string; fileName: string; by: string; at: string }): Promise<boolean>;
  /** Records a queued document's outcome; false when it was no longer queued (another worker finished it). */
  finishDocument(
    sha256: string,
    o: {
      status: 'done' | 'failed';
      format: string | null;
      text: string | null;
      pages: unknown;
      review: unknown;
      facts: unknown;
      error: string | null;
      at: string;
    },
  ): Promise<boolean>;
};

export type Writer = {
  /** One transaction: all of `fn`'s writes and audit entries, or none of them. */
  write<T>(fn: (tx: WriteTx) => Promise<T>): Promise<T>;
};

export type AuditReader = {
  entries(): Promise<AuditEntry[]>;
  head(): Promise<{ seq: number; hash: string } | null>;
};

export type UserStore = {
  byEmail(email: string): Promise<UserRecord | undefined>;
  byId(id: string): Promise<UserRecord | undefined>;
  insertSession(s: SessionRecord): Promise<void>;
  session(tokenHash: string): Promise<SessionRecord | undefined>;
  deleteSession(tokenHash: string): Promise<void>;
  count(): Promise<number>;
};

export type SubmissionStore = {
  list(jurisdiction: OcdId): Promise<Submission[]>;
  get(id: string): Promise<Submission | undefined>;
  blob(sha256: string): Promise<Uint8Array | undefined>;
};

export type CampaignReader = {
  escalations(jurisdiction?: OcdId): Promise<EscalationRecord[]>;
  services(wave: string): Promise<ServiceRecord[]>;
  determinations(jurisdiction: OcdId): Promise<DeterminationRecord[]>;
};

export type Secrets = { linkSecret(): Promise<string> };

/** Hashing, tokens and passwords, implemented with node:crypto in main.ts. */
export type Crypto = {
  sha256(data: string | Uint8Array): string;
  randomToken(bytes?: number): string;
  hmac(secret: string, payload: string): string;
  safeEqual(a: string, b: string): boolean;
  hashPassword(password: string): Promise<string>;
  verifyPassword(hash: string, password: string): Promise<boolean>;
};

export type ProvisionReviewRecord = {
  readonly id: string;
  readonly submission: string;
  readonly provision: string;
  readonly requirement: string;
  readonly interpretation: 'agency' | 'judicial';
  /** The automated verdict at the time of review. */
  readonly automated: string;
  readonly action: 'confirm' | 'override';
  readonly verdict: 'conflict' | 'possible-conflict' | 'no-conflict';
  readonly reason: string;
  readonly reviewer: string;
  readonly at: string;
  readonly supersedes: string | null;
};

export type CohortReader = {
  get(name: string): Promise<unknown | undefined>;
  list(): Promise<{ name: string; spec: unknown }[]>;
};
