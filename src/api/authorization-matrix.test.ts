// Every route the server registers, called by every role: reads are public, case data needs the right
// jurisdiction, writes need staff, and anonymous writes get 401. A route missing from this table fails the test.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { campaignRoutes, openApp, type App } from '../main.ts';
import { fixedClock } from '../app/ports/clock.ts';
import { isoDate } from '../domain/shared/iso-date.ts';
import { buildServer } from './build-server.ts';

const DENVER = 'ocd-division/country:us/state:co/place:denver';
const CHICAGO = 'ocd-division/country:us/state:il/place:chicago';
const W = '2018-01-24-document-requests';
let app: App;
let server: FastifyInstance;
const tokens: Record<string, string> = {};
let link = '';

type Expect = Record<'anonymous' | 'public' | 'respondent' | 'analyst' | 'admin', number | 'ok'>;
const READ: Expect = { anonymous: 'ok', public: 'ok', respondent: 'ok', analyst: 'ok', admin: 'ok' };
const STAFF: Expect = { anonymous: 401, public: 403, respondent: 403, analyst: 'ok', admin: 'ok' };
const ADMIN: Expect = { anonymous: 401, public: 403, respondent: 403, analyst: 403, admin: 'ok' };

// route → how to call it, and the expected status per role ('ok' = 2xx).
const MATRIX: Record<string, { url: () => string; body?: unknown; multipart?: boolean; expect: Expect }> = {
  'GET /api/status': { url: () => '/api/status?asOf=2018-02-24', expect: READ },
  'GET /api/jurisdictions': { url: () => '/api/jurisdictions?q=Denver', expect: READ },
  'GET /api/jurisdictions/*': { url: () => `/api/jurisdictions/${DENVER}`, expect: READ },
  'GET /api/campaign': { url: () => '/api/campaign?asOf=2018-02-24', expect: READ },
  'GET /api/sources': { url: () => '/api/sources', expect: READ },
  'GET /api/map': { url: () => '/api/map?asOf=2018-02-24', expect: READ },
  'GET /api/export/status.csv': { url: () => '/api/export/status.csv?asOf=2018-02-24', expect: READ },
  'GET /api/export/status.json': { url: () => '/api/export/status.json?asOf=2018-02-24', expect: READ },
  'GET /api/export/status.geojson': { url: () => '/api/export/status.geojson?asOf=2018-02-24', expect: READ },
  'GET /api/docs': { url: () => '/api/docs', expect: READ },
  'GET /api/health': { url: () => '/api/health', expect: READ },
  'GET /api/openapi.json': { url: () => '/api/openapi.json', expect: READ },
  'GET /': { url: () => '/', expect: READ },
  'GET /api/me': { url: () => '/api/me', expect: READ },
  'GET /api/deadline': { url: () => '/api/deadline?from=2018-01-24&rule=30%20calendar%20days', expect: READ },
  'GET /api/letters': { url: () => `/api/letters?wave=${W}&jurisdiction=${DENVER}`, expect: READ },
  'GET /api/escalations/check': {
    url: () => `/api/escalations/check?jurisdiction=${DENVER}&step=subpoena&asOf=2018-02-26`,
    expect: READ,
  },
  'GET /api/respond/:token': { url: () => `/api/respond/${link}`, expect: READ },
  'POST /api/respond/:token/upload': {
    url: () => `/api/respond/${link}/upload`,
    multipart: true,
    expect: READ,
  },
  'GET /api/uploads': {
    url: () => `/api/uploads?jurisdiction=${DENVER}`,
    expect: { anonymous: 401, public: 403, respondent: 'ok', analyst: 'ok', admin: 'ok' },
  },
  'POST /api/uploads': {
    url: () => `/api/uploads?jurisdiction=${CHICAGO}`,
    multipart: true,
    expect: { anonymous: 401, public: 403, respondent: 403, analyst: 'ok', admin: 'ok' },
  },
  'GET /api/audit/verify': { url: () => '/api/audit/verify', expect: STAFF },
  // Reviewing stores nothing, so it is open to everyone (a respondent checks documents before sending them).
  'POST /api/review': { url: () => '/api/review', multipart: true, expect: READ },
  'POST /api/login': {
    url: () => '/api/login',
    body: { email: 'nobody@example.gov', password: 'wrong' },
    expect: { anonymous: 401, public: 401, respondent: 401, analyst: 401, admin: 401 },
  },
  'POST /api/logout': { url: () => '/api/logout', body: {}, expect: READ },
  'POST /api/users': {
    url: () => '/api/users',
    body: {
      email: `u${Math.random()}@example.gov`.replace('0.', ''),
      password: 'a long enough password',
      role: 'public',
    },
    expect: ADMIN,
  },
  'POST /api/waves': {
    url: () => '/api/waves',
    body: {
      name: 'Matrix',
      kind: 'document-request',
      sent: '2018-03-01',
      rule: '30 calendar days',
      recipients: [DENVER],
      demand: 'documents',
    },
    expect: STAFF,
  },
  'POST /api/service': {
    url: () => '/api/service',
    body: { wave: W, jurisdiction: DENVER, servedOn: '2018-01-24', method: 'email' },
    expect: STAFF,
  },
  'POST /api/deadline-adjustments': {
    url: () => '/api/deadline-adjustments',
    body: {
      wave: W,
      jurisdiction: DENVER,
      kind: 'extension',
      granted: '2018-02-20',
      newDue: '2018-03-09',
      reason: 'r',
    },
    expect: STAFF,
  },
  'POST /api/responses': {
    url: () => '/api/responses',
    body: { wave: W, jurisdiction: DENVER, received: '2018-02-20', summary: 's' },
    expect: STAFF,
  },
  'POST /api/determinations': {
    url: () => '/api/determinations',
    body: { jurisdiction: DENVER, kind: 'undecided', date: '2018-02-20', text: 't', noDocument: true },
    expect: STAFF,
  },
  'POST /api/escalations': {
    url: () => '/api/escalations',
    body: { jurisdiction: DENVER, step: 'subpoena', asOf: '2018-02-26', dryRun: true },
    expect: STAFF,
  },
  'POST /api/provision-reviews': {
    url: () => '/api/provision-reviews',
    body: {
      submission: 'sub-none',
      provision: 'p1',
      requirement: 'usc-8-1373',
      interpretation: 'agency',
      action: 'confirm',
      reason: 'r',
    },
    // Staff pass the role check and then learn the submission does not exist.
    expect: { anonymous: 401, public: 403, respondent: 403, analyst: 404, admin: 404 },
  },
  'POST /api/cohorts': {
    url: () => '/api/cohorts',
    body: { name: `c-${Math.random()}`, cohort: { program: 'byrne-jag', fiscalYear: 2016, state: 'or' } },
    expect: STAFF,
  },
  'POST /api/links': { url: () => '/api/links', body: { jurisdiction: DENVER }, expect: STAFF },
};

before(async () => {
  app = await openApp({ kind: 'pglite' }, fixedClock(isoDate('2018-02-20')));
  server = buildServer({
    status: app.status,
    jurisdictions: app.jurisdictions,
    views: app.views,
    exports: app.exports,
    campaign: campaignRoutes(app),
    dataset: app.dataset,
    version: 'test',
  });
  await server.ready();
  for (const [role, jurisdiction] of [['admin'], ['analyst'], ['public'], ['respondent', DENVER]] as const) {
    await app.auth.createUser('bootstrap', {
      email: `${role}@example.gov`,
      password: 'a long enough password',
      role,
      jurisdiction,
    });
    tokens[role] = (await app.auth.login(`${role}@example.gov`, 'a long enough password')).token;
  }
  const staff = {
    kind: 'user' as const,
    id: 'x',
    email: 'analyst@example.gov',
    role: 'analyst' as const,
    jurisdiction: null,
  };
  link = (await app.uploads.createLink(staff, { jurisdiction: DENVER })).token;
});
after(async () => {
  await server.close();
  await app.close();
});

test('every registered route has a row in the matrix', () => {
  const routes = (
    server as unknown as { accordanceRoutes: { method: string; url: string }[] }
  ).accordanceRoutes
    .filter((r) => r.url.startsWith('/api/') || r.url === '/')
    .map((r) => `${r.method} ${r.url}`);
  const missing = [...new Set(routes)].filter((r) => !(r in MATRIX));
  assert.deepEqual(missing, []);
});

for (const [route, spec] of Object.entries(MATRIX)) {
  test(`authorization: ${route}`, async () => {
    const [method] = route.split(' ') as ['GET' | 'POST'];
    for (const role of ['anonymous', 'public', 'respondent', 'analyst', 'admin'] as const) {
      // Signing out ends the session it is called with, so that row gets sessions of its own.
      const token =
        role !== 'anonymous' && route === 'POST /api/logout'
          ? (await app.auth.login(`${role}@example.gov`, 'a long enough password')).token
          : tokens[role];
      const headers: Record<string, string> =
        role === 'anonymous' ? {} : { authorization: `Bearer ${token}` };
      let payload: string | undefined;
      if (spec.multipart) {
        const b = '----m';
        headers['content-type'] = `multipart/form-data; boundary=${b}`;
        payload = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello ${role}\r\n--${b}--\r\n`;
      } else if (spec.body !== undefined) {
        headers['content-type'] = 'application/json';
        // Bodies that create a named thing get a name of their own per role, so the second save is not a conflict.
        const own =
          route === 'POST /api/users'
            ? { ...(spec.body as object), email: `${role}-new@example.gov` }
            : route === 'POST /api/cohorts'
              ? { ...(spec.body as object), name: `cohort of ${role}` }
              : spec.body;
        payload = JSON.stringify(own);
      }
      const res = await server.inject({
        method,
        url: spec.url(),
        headers,
        ...(payload !== undefined ? { payload } : {}),
      });
      const want = spec.expect[role];
      if (want === 'ok')
        assert.ok(
          res.statusCode >= 200 && res.statusCode < 300,
          `${route} as ${role}: ${res.statusCode} ${res.body.slice(0, 200)}`,
        );
      else assert.equal(res.statusCode, want, `${route} as ${role}: ${res.body.slice(0, 200)}`);
    }
  });
}
