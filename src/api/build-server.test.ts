// HTTP adapter: the status contract over HTTP, validated against the published schema; errors mapped once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { campaignRoutes, openApp, type App } from '../main.ts';
import { fixedClock } from '../app/ports/clock.ts';
import { isoDate } from '../domain/shared/iso-date.ts';
import { buildServer } from './build-server.ts';
import { statusReportSchema } from './schemas.ts';
import type { FastifyInstance } from 'fastify';

let app: App;
let server: FastifyInstance;

before(async () => {
  app = await openApp({ kind: 'pglite' }, fixedClock(isoDate('2018-02-24')));
  server = buildServer({
    status: app.status,
    jurisdictions: app.jurisdictions,
    views: app.views,
    exports: app.exports,
    campaign: campaignRoutes(app),
    dataset: app.dataset,
    version: 'test',
  });
});
after(async () => {
  await server.close();
  await app.close();
});

test('GET /api/status answers as of a date and matches the published schema', async () => {
  const res = await server.inject({ url: '/api/status?asOf=2018-02-24' });
  assert.equal(res.statusCode, 200);
  const body = statusReportSchema.parse(res.json());
  assert.equal(body.asOf, '2018-02-24');
  const chicago = body.jurisdictions.find((j) => j.id === 'ocd-division/country:us/state:il/place:chicago');
  assert.equal(chicago?.requests.find((r) => r.sent === '2018-01-24')?.state, 'responded');
});

test('GET /api/status defaults asOf to the clock’s today', async () => {
  const res = await server.inject({ url: '/api/status' });
  assert.equal(res.json().asOf, '2018-02-24');
});

test('GET /api/status?jurisdiction= lists just that one, with its blocked conditions and reasons', async () => {
  const res = await server.inject({
    url: '/api/status?asOf=2018-01-24&jurisdiction=ocd-division/country:us/state:co/place:denver',
  });
  const body = statusReportSchema.parse(res.json());
  assert.equal(body.jurisdictions.length, 1);
  const access = body.jurisdictions[0]?.conditions.find((c) => c.requirement === 'jag-fy2017-access');
  assert.equal(access?.enforceable, false);
  assert.match(access?.because.join(' ') ?? '', /City of Chicago v\. Sessions/);
});

test('knownAt is honoured over HTTP', async () => {
  const res = await server.inject({
    url: '/api/status?asOf=2018-03-01&knownAt=2018-02-01&jurisdiction=ocd-division/country:us/state:il/place:chicago',
  });
  const r = res.json().jurisdictions[0].requests.find((x: { sent: string }) => x.sent === '2018-01-24');
  assert.equal(r.state, 'overdue');
});

test('bad input gets 400 or 404 with a stable error code and no internals', async () => {
  const cases: [string, number, string][] = [
    ['/api/status?asOf=2018-02-30', 400, 'bad-date'],
    ['/api/status?asOf=yesterday', 400, 'bad-input'],
    ['/api/status?jurisdiction=chicago', 400, 'bad-ocd-id'],
    ['/api/status?jurisdiction=ocd-division/country:us/state:tx/place:atlantis', 404, 'unknown-jurisdiction'],
    ['/api/nothing-here', 404, 'not-found'],
  ];
  for (const [url, status, code] of cases) {
    const res = await server.inject({ url });
    assert.equal(res.statusCode, status, url);
    assert.equal(res.json().error.code, code, url);
    assert.doesNotMatch(res.body, /at .*\.ts:\d+/, 'no stack trace');
  }
});

test('GET /api/openapi.json describes the status endpoint and its parameters', async () => {
  const doc = (await server.inject({ url: '/api/openapi.json' })).json();
  assert.equal(doc.openapi, '3.1.0');
  const params = doc.paths['/api/status'].get.parameters.map((p: { name: string }) => p.name);
  assert.deepEqual(params.sort(), ['asOf', 'jurisdiction', 'knownAt']);
  assert.ok(
    doc.paths['/api/status'].get.responses['200'].content['application/json'].schema.properties.jurisdictions,
  );
});

test('the home page lists the jurisdictions as of the chosen date and escapes what it prints', async () => {
  const res = await server.inject({ url: '/?asOf=2018-02-24' });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /text\/html/);
  assert.match(res.body, /City and County of Denver, CO/);
  assert.match(res.body, /overdue/);
  const bad = await server.inject({ url: '/?asOf=<script>' });
  assert.equal(bad.statusCode, 400);
  assert.doesNotMatch(bad.body, /<script>/);
});

test('GET /api/jurisdictions resolves news spellings to OCD-IDs, best first', async () => {
  const res = await server.inject({
    url: '/api/jurisdictions?q=' + encodeURIComponent('King County, Wash.'),
  });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().candidates[0].id, 'ocd-division/country:us/state:wa/county:king');
  const empty = await server.inject({ url: '/api/jurisdictions?q=' });
  assert.equal(empty.statusCode, 400);
});

test('GET /api/jurisdictions/{id} gives the registry entry and the dossier as of a date', async () => {
  const res = await server.inject({
    url: '/api/jurisdictions/ocd-division/country:us/state:il/place:chicago?asOf=2018-03-01',
  });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.entry.id, 'ocd-division/country:us/state:il/place:chicago');
  assert.ok(body.dossier.timeline.length > 5);
  assert.ok(body.dossier.sources.length > 0);
  const elsewhere = await server.inject({
    url: '/api/jurisdictions/ocd-division/country:us/state:tx/place:austin',
  });
  assert.equal(elsewhere.statusCode, 200);
  assert.equal(elsewhere.json().dossier, null);
  const unknown = await server.inject({
    url: '/api/jurisdictions/ocd-division/country:us/state:tx/place:atlantis',
  });
  assert.equal(unknown.statusCode, 404);
});

test('GET /api/campaign lists the waves with their recipients’ states', async () => {
  const res = await server.inject({ url: '/api/campaign?asOf=2018-02-24' });
  const jan = res.json().waves.find((w: { sent: string }) => w.sent === '2018-01-24');
  assert.equal(jan.recipients.length, 23);
  assert.equal(jan.counts.responded, 2);
});

test('status for any US jurisdiction from the registry, even one never contacted', async () => {
  const res = await server.inject({
    url: '/api/status?asOf=2018-01-24&jurisdiction=ocd-division/country:us/state:tx/place:austin',
  });
  assert.equal(res.statusCode, 200);
  const j = res.json().jurisdictions[0];
  assert.equal(j.name, 'Austin');
  assert.equal(j.requests.length, 0);
  assert.equal(
    j.conditions.find((c: { requirement: string }) => c.requirement === 'jag-fy2017-access').inForce,
    false,
  );
});

test('CSV export: one row per jurisdiction, quoted safely, named after the date', async () => {
  const res = await server.inject({ url: '/api/export/status.csv?asOf=2018-02-24' });
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /text\/csv/);
  assert.match(res.headers['content-disposition'] as string, /accordance-status-2018-02-24\.csv/);
  const lines = res.body.trim().split('\r\n');
  assert.match(lines[0] ?? '', /^id,name,kind,category,/);
  assert.equal(
    lines.length - 1,
    (await server.inject({ url: '/api/status?asOf=2018-02-24' })).json().jurisdictions.length,
  );
  assert.ok(
    lines.some(
      (l) => l.startsWith('ocd-division/country:us/state:co/place:denver,') && l.includes(',overdue,'),
    ),
  );
  assert.ok(
    lines.some((l) => l.includes('"City and County of Denver, CO"')),
    'names with commas are quoted',
  );
});

test('GeoJSON export: polygons for states and counties, points for places', async () => {
  const res = await server.inject({ url: '/api/export/status.geojson?asOf=2018-02-24' });
  const fc = res.json();
  assert.equal(fc.type, 'FeatureCollection');
  const byId = new Map(fc.features.map((f: { id: string }) => [f.id, f]));
  const kinds = (id: string) =>
    (byId.get('ocd-division/country:us/' + id) as { geometry: { type: string } }).geometry.type;
  assert.equal(kinds('state:co/place:denver'), 'Point');
  assert.match(kinds('state:il/county:cook'), /Polygon/);
  assert.match(kinds('state:or'), /Polygon/);
});

test('/api/map gives each jurisdiction a category and a geometry key; /api/docs renders every path', async () => {
  const map = (await server.inject({ url: '/api/map?asOf=2018-02-24' })).json();
  const denver = map.jurisdictions.find((j: { id: string }) => j.id.endsWith('place:denver'));
  assert.equal(denver.category, 'overdue');
  assert.equal(denver.point.length, 2);
  assert.ok(map.jurisdictions.find((j: { id: string }) => j.id.endsWith('county:cook')).fips);
  const docs = await server.inject({ url: '/api/docs' });
  assert.match(docs.headers['content-type'] as string, /text\/html/);
  const doc = (await server.inject({ url: '/api/openapi.json' })).json();
  for (const path of Object.keys(doc.paths)) assert.ok(docs.body.includes(path), path);
});

test('status answers carry an ETag (304 when unchanged) and gzip for clients that accept it', async () => {
  const url = '/api/status?asOf=2018-02-24';
  const plain = await server.inject({ url });
  const etag = plain.headers.etag as string;
  assert.ok(etag);
  assert.equal((await server.inject({ url, headers: { 'if-none-match': etag } })).statusCode, 304);
  const gz = await server.inject({ url, headers: { 'accept-encoding': 'gzip, deflate' } });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  const { gunzipSync } = await import('node:zlib');
  assert.deepEqual(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8')), plain.json());
  const other = await server.inject({ url: '/api/status?asOf=2018-02-25' });
  assert.notEqual(other.headers.etag, etag);
});
