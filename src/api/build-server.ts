// The HTTP server: thin routes over the use cases, schemas validated, errors mapped in one place.
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { StatusService } from '../app/status/status-service.ts';
import type { DatasetInfo } from '../app/ports/stores.ts';
import type { z } from 'zod';
import { dateQuerySchema, jurisdictionQuerySchema, statusQuerySchema } from './schemas.ts';
import type { JurisdictionService } from '../app/jurisdictions/jurisdiction-service.ts';
import type { CampaignViews } from '../app/views/campaign-views.ts';
import type { ExportViews } from '../app/views/map-and-exports.ts';
import { docsPage } from './docs-page.ts';
import { addSecurityHeaders } from './security-headers.ts';
import { registerCampaignRoutes, type CampaignRouteDeps } from './campaign-routes.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import { openApiDocument } from './openapi.ts';
import { errorResponse } from './error-response.ts';
import { homePage } from './home-page.ts';
import { DomainError } from '../domain/shared/domain-error.ts';

export type ServerDeps = {
  readonly status: StatusService;
  readonly jurisdictions: JurisdictionService;
  readonly views: CampaignViews;
  readonly exports: ExportViews;
  /** Write and case routes; without them the server is read-only. */
  readonly campaign?: CampaignRouteDeps;
  /** Directory of the built web app (web/dist); without it `/` serves a plain status page. */
  readonly webRoot?: string;
  /** Directory of static map data (the us-atlas TopoJSON), served under /geo/. */
  readonly geoRoot?: string;
  readonly dataset: DatasetInfo;
  readonly version: string;
  readonly logger?: boolean;
};

export function buildServer(deps: ServerDeps): FastifyInstance {
  // Upload-link tokens travel in the path, so path parameters may be longer than Fastify's default 100.
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 1_048_576,
    routerOptions: { maxParamLength: 2048 },
  });
  const openapi = openApiDocument(deps.version);
  addSecurityHeaders(app, { hsts: deps.campaign?.secureCookies ?? false });
  // Every route is listed, so the authorization matrix test can check that none was forgotten.
  const routes: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url });
  });
  app.decorate('accordanceRoutes', routes);

  app.setErrorHandler((error, request, reply) => {
    const { status, body } = errorResponse(error);
    if (status >= 500) request.log.error(error);
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({
      error: { code: 'not-found', message: `no route for ${request.method} ${request.url.split('?')[0]}` },
    });
  });

  const parse = <S extends z.ZodType>(schema: S, q: unknown): z.infer<S> => {
    const parsed = schema.safeParse(q);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new DomainError('bad-input', `${i?.path.join('.') || 'query'}: ${i?.message ?? 'invalid'}`);
    }
    return parsed.data;
  };
  const parseQuery = (q: unknown) => parse(statusQuerySchema, q);

  // Status answers are cached per store revision; the gzip of each is made once and reused.
  const gzipped = new Map<string, Buffer>();
  app.get('/api/status', async (request, reply) => {
    const { body, etag } = await deps.status.statusJson(parseQuery(request.query));
    void reply.type('application/json; charset=utf-8').header('etag', etag).header('vary', 'accept-encoding');
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    if (!/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? '')) || body.length < 1024)
      return reply.send(body);
    let gz = gzipped.get(etag);
    if (!gz) {
      gz = gzipSync(body, { level: 6 });
      gzipped.set(etag, gz);
      if (gzipped.size > 256) gzipped.delete(gzipped.keys().next().value as string);
    }
    return reply.header('content-encoding', 'gzip').send(gz);
  });
  app.get('/api/jurisdictions', async (request) => {
    const q = parse(jurisdictionQuerySchema, request.query);
    return {
      query: q.q,
      candidates: deps.jurisdictions.resolve(q.q, {
        limit: q.limit ?? 10,
        ...(q.state ? { state: q.state } : {}),
      }),
    };
  });
  app.get('/api/jurisdictions/*', async (request) => {
    const id = decodeURIComponent((request.params as { '*': string })['*']);
    return deps.views.jurisdiction(id, parse(dateQuerySchema, request.query));
  });
  app.get('/api/campaign', async (request) => deps.views.board(parse(dateQuerySchema, request.query)));
  app.get('/api/sources', async () => ({ sources: await deps.views.sources() }));
  app.get('/api/map', async (request) => deps.exports.map(parse(dateQuerySchema, request.query)));
  app.get('/api/export/status.csv', async (request, reply) => {
    const { asOf, body } = await deps.exports.csv(parse(dateQuerySchema, request.query));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="accordance-status-${asOf}.csv"`)
      .send(body);
  });
  app.get('/api/export/status.json', async (request, reply) => {
    const report = await deps.status.status(parse(dateQuerySchema, request.query));
    return reply
      .header('content-disposition', `attachment; filename="accordance-status-${report.asOf}.json"`)
      .send(report);
  });
  app.get('/api/export/status.geojson', async (request, reply) => {
    const { asOf, body } = await deps.exports.geojson(parse(dateQuerySchema, request.query));
    return reply
      .type('application/geo+json')
      .header('content-disposition', `attachment; filename="accordance-status-${asOf}.geojson"`)
      .send(body);
  });
  if (deps.campaign) {
    const campaign = deps.campaign;
    void app.register(async (scope) => registerCampaignRoutes(scope, campaign));
  }
  app.get('/api/docs', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(docsPage(openapi)),
  );
  app.get('/api/health', async () => ({ ok: true, dataset: deps.dataset, version: deps.version }));
  app.get('/api/openapi.json', async () => openapi);
  if (deps.geoRoot) {
    void app.register(fastifyStatic, {
      root: deps.geoRoot,
      prefix: '/geo/',
      decorateReply: false,
      maxAge: '1d',
    });
  }
  const indexFile = deps.webRoot ? join(deps.webRoot, 'index.html') : undefined;
  if (deps.webRoot && indexFile && existsSync(indexFile)) {
    void app.register(fastifyStatic, {
      root: join(deps.webRoot, 'assets'),
      prefix: '/assets/',
      maxAge: '1y',
      immutable: true,
    });
    // Client-side routes (/, /j/..., /campaign, /review, /exports) all load the same page.
    const page = async (_request: unknown, reply: FastifyReply) =>
      // Read on each request: a rebuild of the web app must never leave the server pointing at old assets.
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(readFileSync(indexFile, 'utf8'));
    app.get('/', page);
    app.get('/j/*', page);
    for (const route of ['/campaign', '/review', '/exports', '/login']) app.get(route, page);
    app.get('/respond/*', page);
  } else {
    app.get('/', async (request, reply) => {
      const q = parseQuery(request.query);
      const report = await deps.status.status({ asOf: q.asOf ?? '2018-02-24' });
      return reply.type('text/html; charset=utf-8').send(homePage(report));
    });
  }
  return app;
}
