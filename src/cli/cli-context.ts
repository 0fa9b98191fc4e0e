// What a CLI command may use: services opened on demand (so commands that need no database stay fast) and output.
import type { StatusService } from '../app/status/status-service.ts';
import type { JurisdictionService } from '../app/jurisdictions/jurisdiction-service.ts';
import type { CampaignService } from '../app/campaign/campaign-service.ts';
import type { AuditService } from '../app/audit/audit-service.ts';
import type { AuthService } from '../app/auth/auth-service.ts';
import type { Actor } from '../domain/access/authorize.ts';
import type { ReviewService } from '../app/review/review-service.ts';
import type { ReviewRunner } from './review-pool.ts';
import type { RenderSpec } from './review-render.ts';

export type CliIo = {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Standard output as is (no newline added), for output written in pieces; resolves when more may be written. */
  readonly write: (chunk: string) => Promise<void>;
};

export type CliContext = CliIo & {
  status(): Promise<StatusService>;
  /** The registry of every US jurisdiction (no database needed). */
  jurisdictions(): JurisdictionService;
  /** Services over the local store; the CLI runs as its operator (an admin of this installation). */
  local(): Promise<{ campaign: CampaignService; audit: AuditService; auth: AuthService; operator: Actor }>;
  /** Provision review of files (no database needed). */
  review(): ReviewService;
  /** A pool of `jobs` worker threads reviewing files for the review command; absent where threads are not wanted. */
  reviewWorkers?(jobs: number, spec: RenderSpec): ReviewRunner;
  /** Reads standard input to the end (for --password-stdin). */
  stdin(): Promise<string>;
};

/** Bad usage: exit 2 with a one-line reason. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
