// Respondent uploads: signed, expiring, single-jurisdiction links; content-hashed files; receipts (BRIEF C5, C10).
import type { Clock } from '../ports/clock.ts';
import type { Crypto, Secrets, Submission, SubmissionStore, Writer } from '../ports/writes.ts';
import type { OcdId } from '../../domain/shared/brand.ts';
import { DomainError } from '../../domain/shared/domain-error.ts';
import { authorize, actorName, type Actor } from '../../domain/access/authorize.ts';
import { parseOcdId } from '../../domain/jurisdictions/jurisdiction.ts';

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
export const MAX_LINK_DAYS = 90;

export type UploadLink = {
  readonly token: string;
  readonly jurisdiction: OcdId;
  readonly expiresAt: string;
  readonly linkId: string;
};
export type Receipt = {
  readonly submission: string;
  readonly jurisdiction: OcdId;
  readonly fileName: string;
  readonly size: number;
  readonly sha256: string;
  /** Server time of receipt. */
  readonly receivedAt: string;
  readonly uploader: string;
  readonly isDuplicate: boolean;
};

type LinkPayload = { j: string; exp: string; id: string; by: string };

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url').toString('utf8');

export type UploadService = {
  createLink(
    by: Actor,
    input: { jurisdiction: string; days?: number; uploader?: string },
  ): Promise<UploadLink>;
  /** The actor a link stands for, or `unauthenticated` when it is altered or expired. */
  actorForLink(token: string): Promise<Extract<Actor, { kind: 'link' }>>;
  receive(
    by: Actor,
    input: {
      jurisdiction: string;
      fileName: string;
      mediaType: string;
      bytes: Uint8Array;
      wave?: string | undefined;
    },
  ): Promise<Receipt>;
  list(by: Actor, jurisdiction: string): Promise<Submission[]>;
};

const SAFE_NAME = /[^\w.\- ()]+/g;

export function createUploadService(deps: {
  writer: Writer;
  submissions: SubmissionStore;
  secrets: Secrets;
  crypto: Crypto;
  clock: Clock;
}): UploadService {
  const { writer, crypto, clock } = deps;
  return {
    async createLink(by, input) {
      const jurisdiction = parseOcdId(input.jurisdiction);
      authorize(by, 'write:campaign');
      const days = input.days ?? 30;
      if (!Number.isInteger(days) || days < 1 || days > MAX_LINK_DAYS) {
        throw new DomainError('bad-input', `a link lasts 1–${MAX_LINK_DAYS} days`);
      }
      const linkId = crypto.randomToken(6);
      const payload: LinkPayload = {
        j: jurisdiction,
        exp: new Date(clock.now().getTime() + days * 86_400_000).toISOString(),
        id: linkId,
        by: (input.uploader ?? 'respondent').slice(0, 80),
      };
      const body = b64(JSON.stringify(payload));
      const token = `${body}.${crypto.hmac(await deps.secrets.linkSecret(), body)}`;
      await writer.write((tx) =>
        tx.audit(actorName(by), 'link.create', jurisdiction, null, {
          linkId,
          expiresAt: payload.exp,
          uploader: payload.by,
        }),
      );
      return { token, jurisdiction, expiresAt: payload.exp, linkId };
    },
    async actorForLink(token) {
      const [body, sig, extra] = (token ?? '').split('.');
      if (!body || !sig || extra !== undefined || token.length > 2000)
        throw new DomainError('unauthenticated', 'this upload link is not valid');
      if (!crypto.safeEqual(sig, crypto.hmac(await deps.secrets.linkSecret(), body))) {
        throw new DomainError(
          'unauthenticated',
          'this upload link is not valid (altered or not issued here)',
        );
      }
      let p: LinkPayload;
      try {
        p = JSON.parse(unb64(body)) as LinkPayload;
      } catch {
        throw new DomainError('unauthenticated', 'this upload link is not valid');
      }
      if (!(p.exp > clock.now().toISOString()))
        throw new DomainError('unauthenticated', `this upload link expired on ${p.exp}`);
      return { kind: 'link', linkId: p.id, jurisdiction: parseOcdId(p.j), uploader: p.by };
    },
    async receive(by, input) {
      const jurisdiction = parseOcdId(input.jurisdiction);
      authorize(by, 'upload', jurisdiction);
      if (input.bytes.byteLength === 0) throw new DomainError('bad-input', 'the file is empty');
      if (input.bytes.byteLength > MAX_UPLOAD_BYTES) {
        throw new DomainError('too-large', `files are limited to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
      }
      const fileName = (input.fileName || 'upload').replace(SAFE_NAME, '_').slice(0, 200);
      const sha256 = crypto.sha256(input.bytes);
      const receivedAt = clock.now().toISOString();
      const uploader = actorName(by);
      const submission: Submission = {
        id: `sub-${crypto.randomToken(8)}`,
        jurisdiction,
        wave: input.wave ?? null,
        sha256,
        fileName,
        mediaType: (input.mediaType || 'application/octet-stream').slice(0, 100),
        size: input.bytes.byteLength,
        uploader,
        via: by.kind === 'link' ? `link:${by.linkId}` : 'login',
        receivedAt,
      };
      const isNew = await writer.write(async (tx) => {
        const fresh = await tx.putBlob(sha256, input.bytes);
        await tx.insertSubmission(submission);
        await tx.audit(uploader, 'upload.receive', jurisdiction, null, { ...submission });
        return fresh;
      });
      return {
        submission: submission.id,
        jurisdiction,
        fileName,
        size: submission.size,
        sha256,
        receivedAt,
        uploader,
        isDuplicate: !isNew,
      };
    },
    async list(by, jurisdiction) {
      const id = parseOcdId(jurisdiction);
      authorize(by, 'read:case', id);
      return deps.submissions.list(id);
    },
  };
}
