// Write and case routes: login, users, waves, letters, deadlines, responses, determinations, escalations,
// upload links, uploads and the audit check. Thin: parse, call the use case, answer.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { AuthService } from '../app/auth/auth-service.ts';
import { SESSION_HOURS } from '../app/auth/auth-service.ts';
import type { CampaignService, LetterService } from '../app/campaign/campaign-service.ts';
import type { UploadService } from '../app/uploads/upload-service.ts';
import { MAX_UPLOAD_BYTES } from '../app/uploads/upload-service.ts';
import type { AuditService } from '../app/audit/audit-service.ts';
import type { StatusService } from '../app/status/status-service.ts';
import type { ReviewFailure } from '../app/review/review-service.ts';
import type { ProvisionReviewService } from '../app/review/provision-review-service.ts';
import { authorize, type Actor, type Permission } from '../domain/access/authorize.ts';
import { DomainError } from '../domain/shared/domain-error.ts';
import { computeDeadline } from '../domain/deadlines/compute-deadline.ts';
import { parseDeadlineRule } from '../domain/deadlines/deadline-rule.ts';
import { parseIsoDate } from '../domain/shared/iso-date.ts';
import { parseOcdId } from '../domain/jurisdictions/jurisdiction.ts';
import { actorOf, SESSION_COOKIE } from './actor.ts';
import { createLoginLimiter } from './login-limiter.ts';

/** Reviews uploaded files for `POST /api/review` without holding up other requests: each document comes back as its JSON. */
export type UploadReviewer = {
  review(
    files: readonly { file: string; bytes: Uint8Array }[],
  ): Promise<{ documents: string[]; errors: ReviewFailure[] }>;
  close(): Promise<void>;
};

/**
 * `POST /api/review` requests in progress at once, from before the upload is read until the answer has gone out (or
 * the connection dropped): each may hold 10 files of 25 MB and a large answer, and anyone may call it.
 */
const MAX_REVIEW_REQUESTS = 4;
/** A reader that takes no part of the answer for this long is cut off, so an unread answer is not kept. */
const REVIEW_ANSWER_IDLE_MS = 60_000;

export type CampaignRouteDeps = {
  readonly auth: AuthService;
  readonly campaign: CampaignService;
  readonly letters: LetterService;
  readonly uploads: UploadService;
  readonly audit: AuditService;
  readonly status: StatusService;
  /** `POST /api/review`: reviews uploads away from the request thread (see UploadReviewer). */
  readonly reviewUploads?: UploadReviewer;
  readonly provisionReviews?: ProvisionReviewService;
  /** Set the cookie's Secure flag (behind HTTPS). */
  readonly secureCookies?: boolean;
};

const body = <S extends z.ZodType>(schema: S, value: unknown): z.infer<S> => {
  const r = schema.safeParse(value ?? {});
  if (!r.success) {
    const i = r.error.issues[0];
    throw new DomainError('bad-input', `${i?.path.join('.') || 'body'}: ${i?.message ?? 'invalid'}`);
  }
  return r.data;
};

const str = z.string().max(4000);

export async function registerCampaignRoutes(app: FastifyInstance, deps: CampaignRouteDeps): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, files: 10, fields: 10, fieldSize: 10_000, parts: 20 },
  });
  const who = (request: FastifyRequest): Promise<Actor> => actorOf(request, deps.auth);
  /** A write route: who is asking, may they (before the body is read), the body checked against its schema, the call. */
  const write = <S extends z.ZodType>(
    path: string,
    permission: Permission,
    schema: S,
    run: (actor: Actor, b: z.infer<S>) => Promise<unknown>,
  ): void => {
    app.post(path, async (request) => {
      const actor = await who(request);
      authorize(actor, permission);
      return run(actor, body(schema, request.body));
    });
  };

  const limiter = createLoginLimiter();
  app.post('/api/login', async (request, reply) => {
    const b = body(z.object({ email: z.string().max(300), password: z.string().max(1000) }), request.body);
    const wait = limiter.retryAfter(b.email, request.ip, Date.now());
    if (wait > 0) {
      return reply
        .status(429)
        .header('retry-after', String(Math.ceil(wait / 1000)))
        .send({
          error: {
            code: 'rate-limited',
            message: `too many failed sign-ins; try again in ${Math.ceil(wait / 60_000)} min`,
          },
        });
    }
    let s;
    try {
      s = await deps.auth.login(b.email, b.password);
    } catch (e) {
      limiter.fail(b.email, request.ip, Date.now());
      throw e;
    }
    limiter.succeed(b.email);
    const cookie = [
      `${SESSION_COOKIE}=${s.token}`,
      'Path=/',
      'HttpOnly',
      'SameSite=Strict',
      `Max-Age=${SESSION_HOURS * 3600}`,
      ...(deps.secureCookies ? ['Secure'] : []),
    ].join('; ');
    return reply
      .header('set-cookie', cookie)
      .send({ user: s.user, csrf: s.csrf, expiresAt: s.expiresAt, token: s.token });
  });
  app.post('/api/logout', async (request, reply) => {
    const token =
      /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ??
      (request.headers.cookie ?? '').match(/accordance_session=([^;]+)/)?.[1];
    await who(request);
    if (token) await deps.auth.logout(token);
    return reply
      .header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`)
      .send({ ok: true });
  });
  app.get('/api/me', async (request) => {
    const actor = await who(request);
    return {
      actor:
        actor.kind === 'user'
          ? { email: actor.email, role: actor.role, jurisdiction: actor.jurisdiction }
          : null,
    };
  });
  write(
    '/api/users',
    'admin:users',
    z.object({
      email: z.string(),
      password: z.string(),
      role: z.string(),
      jurisdiction: z.string().optional(),
    }),
    (actor, b) => deps.auth.createUser(actor, b),
  );

  app.get('/api/deadline', async (request) => {
    const q = body(z.object({ from: z.string(), rule: z.string() }), request.query);
    return computeDeadline(parseIsoDate(q.from, 'from date'), parseDeadlineRule(q.rule));
  });

  write(
    '/api/waves',
    'write:campaign',
    z.object({
      name: z.string(),
      kind: z.string(),
      sent: z.string(),
      rule: z.string(),
      recipients: z.array(z.string()).max(50_000).optional(),
      cohort: z
        .object({
          program: z.literal('byrne-jag'),
          fiscalYear: z.number().int(),
          state: z.string().optional(),
        })
        .optional(),
      cohortName: z.string().max(200).optional(),
      demand: str,
      legalBasis: str.optional(),
      consequences: z.array(str).max(20).optional(),
    }),
    (actor, b) => deps.campaign.createWave(actor, b),
  );
  write(
    '/api/cohorts',
    'write:campaign',
    z.object({
      name: z.string(),
      cohort: z.object({
        program: z.literal('byrne-jag'),
        fiscalYear: z.number().int(),
        state: z.string().optional(),
      }),
    }),
    (actor, b) => deps.campaign.saveCohort(actor, b),
  );

  app.get('/api/letters', async (request, reply) => {
    const q = body(z.object({ wave: z.string(), jurisdiction: z.string() }), request.query);
    authorize(await who(request), 'read:published');
    const { fileName, pdf } = await deps.letters.letter(q.wave, q.jurisdiction);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="${fileName}"`)
      .send(Buffer.from(pdf));
  });
  write(
    '/api/service',
    'write:campaign',
    z.object({ wave: z.string(), jurisdiction: z.string(), servedOn: z.string(), method: z.string() }),
    (actor, b) => deps.campaign.recordService(actor, b),
  );
  write(
    '/api/deadline-adjustments',
    'write:campaign',
    z.object({
      wave: z.string(),
      jurisdiction: z.string(),
      kind: z.string(),
      granted: z.string(),
      newDue: z.string().optional(),
      reason: str,
    }),
    (actor, b) => deps.campaign.adjustDeadline(actor, b),
  );
  write(
    '/api/responses',
    'write:campaign',
    z.object({
      wave: z.string(),
      jurisdiction: z.string(),
      received: z.string(),
      summary: str,
      submission: z.string().optional(),
    }),
    (actor, b) => deps.campaign.recordResponse(actor, b),
  );
  write(
    '/api/determinations',
    'write:determination',
    z.object({
      jurisdiction: z.string(),
      kind: z.string(),
      date: z.string(),
      text: str,
      cites: z
        .array(z.object({ submission: z.string(), provision: z.string() }))
        .max(500)
        .optional(),
      noDocument: z.boolean().optional(),
      supersedes: z.string().optional(),
    }),
    (actor, b) => deps.campaign.recordDetermination(actor, b),
  );
  app.get('/api/escalations/check', async (request) => {
    const q = body(z.object({ jurisdiction: z.string(), step: z.string(), asOf: z.string() }), request.query);
    return deps.campaign.escalate(await who(request), { ...q, isDryRun: true });
  });
  write(
    '/api/escalations',
    'write:escalation',
    z.object({
      jurisdiction: z.string(),
      step: z.string(),
      asOf: z.string(),
      dryRun: z.boolean().optional(),
      authorizedBy: z.string().max(200).optional(),
    }),
    (actor, b) => deps.campaign.escalate(actor, { ...b, isDryRun: b.dryRun ?? false }),
  );

  write(
    '/api/links',
    'write:campaign',
    z.object({
      jurisdiction: z.string(),
      days: z.number().int().optional(),
      uploader: z.string().max(80).optional(),
    }),
    async (actor, b) => {
      const link = await deps.uploads.createLink(actor, b);
      return { ...link, url: `/respond/${link.token}` };
    },
  );
  app.get('/api/respond/:token', async (request) => {
    const actor = await deps.uploads.actorForLink((request.params as { token: string }).token);
    const report = await deps.status.status({ jurisdiction: actor.jurisdiction });
    const j = report.jurisdictions[0];
    return {
      jurisdiction: { id: j?.id, name: j?.name },
      uploader: actor.uploader,
      requests: j?.requests ?? [],
    };
  });

  const receiveAll = async (request: FastifyRequest, actor: Actor, jurisdiction: string) => {
    // Refuse before reading a byte of the body.
    authorize(actor, 'upload', parseOcdId(jurisdiction));
    if (!request.isMultipart()) throw new DomainError('bad-input', 'send the files as multipart/form-data');
    const receipts = [];
    let wave: string | undefined;
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'wave') wave = String(part.value);
        continue;
      }
      const bytes = await part.toBuffer().catch((e: unknown) => {
        throw new DomainError(
          'too-large',
          (e as Error).message.includes('limit')
            ? `files are limited to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`
            : 'upload failed',
        );
      });
      receipts.push(
        await deps.uploads.receive(actor, {
          jurisdiction,
          fileName: part.filename,
          mediaType: part.mimetype,
          bytes,
          wave,
        }),
      );
    }
    if (receipts.length === 0) throw new DomainError('bad-input', 'no file in the upload');
    return { receipts };
  };
  app.post('/api/respond/:token/upload', async (request) => {
    const actor = await deps.uploads.actorForLink((request.params as { token: string }).token);
    return receiveAll(request, actor, actor.jurisdiction);
  });
  app.post('/api/uploads', async (request) => {
    const q = body(z.object({ jurisdiction: z.string() }), request.query);
    return receiveAll(request, await who(request), q.jurisdiction);
  });
  app.get('/api/uploads', async (request) => {
    const q = body(z.object({ jurisdiction: z.string() }), request.query);
    return { submissions: await deps.uploads.list(await who(request), q.jurisdiction) };
  });

  // Review without storing anything: open to everyone, like the respondent's pre-check.
  let reviewing = 0;
  const busy = (reply: FastifyReply) =>
    reply
      .status(503)
      .header('retry-after', '10')
      .send({ error: { code: 'busy', message: 'too many reviews are in progress; try again shortly' } });
  const admitReview = async (_request: FastifyRequest, reply: FastifyReply) => {
    if (reviewing >= MAX_REVIEW_REQUESTS) return busy(reply);
    reviewing++;
    let done = false;
    const leave = () => {
      if (!done) reviewing--;
      done = true;
    };
    reply.raw.once('finish', leave);
    reply.raw.once('close', leave);
  };
  app.post('/api/review', { onRequest: admitReview }, async (request, reply) => {
    const review = deps.reviewUploads;
    if (!review) throw new DomainError('bad-input', 'review is not available on this server');
    if (!request.isMultipart()) throw new DomainError('bad-input', 'send the files as multipart/form-data');
    const files: { file: string; bytes: Uint8Array }[] = [];
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer().catch(() => {
        throw new DomainError('too-large', `files are limited to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
      });
      files.push({ file: part.filename || 'upload', bytes: new Uint8Array(bytes) });
    }
    if (files.length === 0) throw new DomainError('bad-input', 'no file in the upload');
    const result = await review.review(files);
    const refused = result.errors[0];
    if (result.documents.length === 0 && refused) {
      throw new DomainError(
        refused.code === 'too-large' ? 'too-large' : 'bad-input',
        // The extractor's message usually names the file already.
        refused.error.startsWith(refused.file) ? refused.error : `${refused.file}: ${refused.error}`,
      );
    }
    // (Under `inject` the socket is a stand-in without timeouts.)
    const connection = request.raw.socket as typeof request.raw.socket | null;
    if (typeof connection?.setTimeout === 'function') {
      connection.setTimeout(REVIEW_ANSWER_IDLE_MS, () => connection.destroy());
      reply.raw.once('finish', () => connection.setTimeout(0));
    }
    // The documents come as JSON already (made on the worker thread): the answer is put together, not serialised.
    return reply
      .type('application/json; charset=utf-8')
      .send(`{"documents":[${result.documents.join(',')}],"errors":${JSON.stringify(result.errors)}}`);
  });
  app.addHook('onClose', async () => {
    await Promise.all([deps.reviewUploads?.close(), deps.provisionReviews?.close()]);
  });

  write(
    '/api/provision-reviews',
    'write:determination',
    z.object({
      submission: z.string(),
      provision: z.string(),
      requirement: z.string(),
      interpretation: z.string(),
      action: z.string(),
      verdict: z.string().optional(),
      reason: str,
      supersedes: z.string().optional(),
    }),
    async (actor, b) => {
      if (!deps.provisionReviews)
        throw new DomainError('bad-input', 'provision reviews are not available on this server');
      return deps.provisionReviews.record(actor, b);
    },
  );

  app.get('/api/audit/verify', async (request) => {
    authorize(await who(request), 'write:campaign');
    return deps.audit.verify();
  });
}
