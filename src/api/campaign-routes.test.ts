// Running a campaign over HTTP: roles and 401s, respondent scoping, signed links, receipts, determinations
// that supersede, letters, deadlines, escalations, and an audit log that catches tampering.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { API_REVIEW_MAX_TEXT_CHARS, campaignRoutes, openAppOn, type App } from '../main.ts';
import { openPgliteDatabase } from '../db/sql/pglite-database.ts';
import type { SqlDatabase } from '../db/sql/sql-database.ts';
import type { Clock } from '../app/ports/clock.ts';
import { isoDate } from '../domain/shared/iso-date.ts';
import { buildServer } from './build-server.ts';

const P = 'ocd-division/country:us/';
const DENVER = `${P}state:co/place:denver`;
const CHICAGO = `${P}state:il/place:chicago`;
let db: SqlDatabase;
let app: App;
let server: FastifyInstance;
// A clock the tests can move: links expire, sessions end.
let today = '2018-02-20';
const clock: Clock = { today: () => isoDate(today), now: () => new Date(`${today}T12:00:00.000Z`) };

type Who = { token: string; csrf: string };
const as: Record<string, Who> = {};

const call = async (method: 'GET' | 'POST', url: string, who?: Who, payload?: unknown) =>
  server.inject({
    method,
    url,
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    headers: who ? { authorization: `Bearer ${who.token}` } : {},
  });

const multipartBody = (files: { name: string; content: string; type?: string }[]) => {
  const boundary = '----accordance-test';
  const parts = files.map(
    (f) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'text/plain'}\r\n\r\n${f.content}\r\n`,
  );
  return {
    payload: `${parts.join('')}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

before(async () => {
  db = await openPgliteDatabase();
  app = await openAppOn(db, clock);
  server = buildServer({
    status: app.status,
    jurisdictions: app.jurisdictions,
    views: app.views,
    exports: app.exports,
    campaign: campaignRoutes(app),
    dataset: app.dataset,
    version: 'test',
  });
  await app.auth.createUser('bootstrap', {
    email: 'admin@example.gov',
    password: 'correct horse battery',
    role: 'admin',
  });
  const admin = await app.auth.login('admin@example.gov', 'correct horse battery');
  as.admin = { token: admin.token, csrf: admin.csrf };
  for (const [name, role, jurisdiction] of [
    ['analyst', 'analyst', undefined],
    ['denver', 'respondent', DENVER],
    ['public', 'public', undefined],
  ] as const) {
    const res = await call('POST', '/api/users', as.admin, {
      email: `${name}@example.gov`,
      password: 'a long enough password',
      role,
      jurisdiction,
    });
    assert.equal(res.statusCode, 200, res.body);
    const s = await app.auth.login(`${name}@example.gov`, 'a long enough password');
    as[name] = { token: s.token, csrf: s.csrf };
  }
});
after(async () => {
  await server.close();
  await app.close();
});

test('every write endpoint answers an anonymous caller with 401 and changes nothing', async () => {
  const before = (await app.audit.verify()).entries;
  const writes: [string, unknown][] = [
    ['/api/users', { email: 'x@example.gov', password: 'x'.repeat(20), role: 'admin' }],
    [
      '/api/waves',
      {
        name: 'w',
        kind: 'document-request',
        sent: '2018-03-01',
        rule: '30 calendar days',
        recipients: [DENVER],
        demand: 'd',
      },
    ],
    [
      '/api/service',
      { wave: '2018-01-24-document-requests', jurisdiction: DENVER, servedOn: '2018-01-24', method: 'email' },
    ],
    [
      '/api/deadline-adjustments',
      {
        wave: '2018-01-24-document-requests',
        jurisdiction: DENVER,
        kind: 'extension',
        granted: '2018-02-20',
        newDue: '2018-03-09',
        reason: 'r',
      },
    ],
    [
      '/api/responses',
      { wave: '2018-01-24-document-requests', jurisdiction: DENVER, received: '2018-02-20', summary: 's' },
    ],
    [
      '/api/determinations',
      { jurisdiction: DENVER, kind: 'cleared', date: '2018-02-20', text: 't', noDocument: true },
    ],
    ['/api/escalations', { jurisdiction: DENVER, step: 'subpoena', asOf: '2018-02-26', authorizedBy: 'x' }],
    ['/api/links', { jurisdiction: DENVER }],
  ];
  for (const [url, payload] of writes) {
    const res = await call('POST', url, undefined, payload);
    assert.equal(res.statusCode, 401, `${url}: ${res.body}`);
    assert.equal(res.json().error.code, 'unauthenticated');
  }
  const up = await server.inject({
    method: 'POST',
    url: `/api/uploads?jurisdiction=${DENVER}`,
    ...multipartBody([{ name: 'a.txt', content: 'x' }]),
  });
  assert.equal(up.statusCode, 401);
  assert.equal((await app.audit.verify()).entries, before);
});

test('a respondent uploads for their own jurisdiction, gets a receipt, and cannot touch another’s case', async () => {
  const mp = multipartBody([
    { name: 'policy.txt', content: 'Sec. 1. Officers shall not inquire about immigration status.' },
  ]);
  const own = await server.inject({
    method: 'POST',
    url: `/api/uploads?jurisdiction=${DENVER}`,
    ...mp,
    headers: { ...mp.headers, authorization: `Bearer ${as.denver!.token}` },
  });
  assert.equal(own.statusCode, 200, own.body);
  const receipt = own.json().receipts[0];
  assert.match(receipt.sha256, /^[0-9a-f]{64}$/);
  assert.equal(receipt.receivedAt, '2018-02-20T12:00:00.000Z');
  assert.equal(receipt.uploader, 'denver@example.gov');
  const other = await server.inject({
    method: 'POST',
    url: `/api/uploads?jurisdiction=${CHICAGO}`,
    ...mp,
    headers: { ...mp.headers, authorization: `Bearer ${as.denver!.token}` },
  });
  assert.equal(other.statusCode, 403, other.body);
  assert.equal((await call('GET', `/api/uploads?jurisdiction=${CHICAGO}`, as.denver)).statusCode, 403);
  const list = await call('GET', `/api/uploads?jurisdiction=${DENVER}`, as.denver);
  assert.equal(list.json().submissions.length, 1);
  assert.equal((await call('GET', `/api/uploads?jurisdiction=${DENVER}`, as.public)).statusCode, 403);
  assert.equal((await call('POST', '/api/waves', as.denver, { name: 'w' })).statusCode, 403);
});

test('a signed upload link works for its jurisdiction; altered or expired links are refused', async () => {
  const made = await call('POST', '/api/links', as.analyst, {
    jurisdiction: DENVER,
    days: 7,
    uploader: 'Denver City Attorney',
  });
  assert.equal(made.statusCode, 200, made.body);
  const { token } = made.json();
  const mp = multipartBody([{ name: 'answer.txt', content: 'Our answer to the request of 2018-01-24.' }]);
  const ok = await server.inject({ method: 'POST', url: `/api/respond/${token}/upload`, ...mp });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.match(ok.json().receipts[0].uploader, /Denver City Attorney/);
  assert.equal((await call('GET', `/api/respond/${token}`)).json().jurisdiction.id, DENVER);

  const [bodyPart, sig] = token.split('.');
  const forged = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(bodyPart, 'base64url').toString()), j: CHICAGO }),
  ).toString('base64url');
  for (const bad of [`${forged}.${sig}`, `${bodyPart}.${sig.slice(0, -2)}AA`, 'garbage', `${bodyPart}`]) {
    const res = await server.inject({
      method: 'POST',
      url: `/api/respond/${encodeURIComponent(bad)}/upload`,
      ...mp,
    });
    assert.equal(res.statusCode, 401, bad);
  }
  today = '2018-02-28';
  try {
    const expired = await server.inject({ method: 'POST', url: `/api/respond/${token}/upload`, ...mp });
    assert.equal(expired.statusCode, 401);
    assert.match(expired.json().error.message, /expired/);
  } finally {
    today = '2018-02-20';
  }
});

test('a determination cites a provision or says no document was provided, and is superseded, never edited', async () => {
  const bare = await call('POST', '/api/determinations', as.analyst, {
    jurisdiction: DENVER,
    kind: 'cleared',
    date: '2018-02-20',
    text: 'ok',
  });
  assert.equal(bare.statusCode, 400);
  const first = await call('POST', '/api/determinations', as.analyst, {
    jurisdiction: DENVER,
    kind: 'possible-violation',
    date: '2018-02-20',
    text: 'no documents yet',
    noDocument: true,
  });
  assert.equal(first.statusCode, 200, first.body);
  const id = first.json().id;
  const second = await call('POST', '/api/determinations', as.analyst, {
    jurisdiction: DENVER,
    kind: 'cleared',
    date: '2018-02-21',
    text: 'cleared on the documents',
    cites: [{ submission: 'sub-x', provision: 'p1' }],
    supersedes: id,
  });
  assert.equal(second.statusCode, 200, second.body);
  const again = await call('POST', '/api/determinations', as.analyst, {
    jurisdiction: DENVER,
    kind: 'cleared',
    date: '2018-02-22',
    text: 'x',
    noDocument: true,
    supersedes: id,
  });
  assert.equal(again.statusCode, 409);
  const rows = await db.query<{ id: string }>(
    'select id from determinations where jurisdiction = $1 and author is not null',
    [DENVER],
  );
  assert.equal(rows.length, 2, 'both stay on record');
  const status = (await call('GET', `/api/status?asOf=2018-02-21&jurisdiction=${DENVER}`)).json();
  assert.equal(status.jurisdictions[0].determination.kind, 'cleared');
});

test('an extension moves the deadline in the status and keeps the old one', async () => {
  const res = await call('POST', '/api/deadline-adjustments', as.analyst, {
    wave: '2018-01-24-document-requests',
    jurisdiction: `${P}state:or`,
    kind: 'extension',
    granted: '2018-02-20',
    newDue: '2018-03-09',
    reason: 'asked for time',
  });
  assert.equal(res.statusCode, 200, res.body);
  const r = (await call('GET', `/api/status?asOf=2018-03-01&jurisdiction=${P}state:or`))
    .json()
    .jurisdictions[0].requests.find((x: { wave: string }) => x.wave === '2018-01-24-document-requests');
  assert.equal(r.state, 'open');
  assert.equal(r.due, '2018-03-09');
  assert.deepEqual(
    r.dueHistory.map((h: { due: string }) => h.due),
    ['2018-02-23', '2018-03-09'],
  );
});

test('a wave by cohort gets one letter per recipient as PDF', async () => {
  const res = await call('POST', '/api/waves', as.analyst, {
    name: 'Oregon follow-up',
    kind: 'document-request',
    sent: '2018-03-05',
    rule: '15 business days',
    cohort: { program: 'byrne-jag', fiscalYear: 2016, state: 'or' },
    demand: 'All directives on communication with ICE; policies on release notification',
    consequences: ['subpoena of documents'],
  });
  assert.equal(res.statusCode, 200, res.body);
  const { wave, requests } = res.json();
  // FY2016 recipients in Oregon on record: the State and Multnomah County.
  assert.deepEqual(wave.recipients, [`${P}state:or`, `${P}state:or/county:multnomah`]);
  assert.equal(requests, 2);
  const pdf = await call('GET', `/api/letters?wave=${wave.id}&jurisdiction=${P}state:or`);
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const board = (await call('GET', '/api/campaign?asOf=2018-03-06')).json();
  assert.equal(board.waves.find((w: { id: string }) => w.id === wave.id).due, '2018-03-26');
});

test('escalations: a dry run for anyone, a recorded step only with sign-off by staff', async () => {
  const dry = (
    await call(
      'GET',
      `/api/escalations/check?jurisdiction=${P}state:pa/place:philadelphia&step=withhold&asOf=2017-12-01`,
    )
  ).json();
  assert.equal(dry.allowed, false);
  assert.equal(dry.blockedBy[0].ruling, 'philadelphia-v-sessions-pi-2017-11-15');
  const unsigned = (
    await call('POST', '/api/escalations', as.analyst, {
      jurisdiction: `${P}state:ms/place:jackson`,
      step: 'subpoena',
      asOf: '2018-02-26',
    })
  ).json();
  assert.equal(unsigned.allowed, false);
  const signed = (
    await call('POST', '/api/escalations', as.analyst, {
      jurisdiction: `${P}state:ms/place:jackson`,
      step: 'subpoena',
      asOf: '2018-02-26',
      authorizedBy: 'Deputy AAG',
    })
  ).json();
  assert.equal(signed.allowed, true);
  assert.match(signed.recorded, /^esc-/);
});

test('cookie sessions must echo the CSRF token on writes', async () => {
  const login = await server.inject({
    method: 'POST',
    url: '/api/login',
    payload: { email: 'analyst@example.gov', password: 'a long enough password' },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
  assert.match(String(login.headers['set-cookie']), /HttpOnly; SameSite=Strict/);
  const payload = { jurisdiction: DENVER };
  const without = await server.inject({ method: 'POST', url: '/api/links', payload, headers: { cookie } });
  assert.equal(without.statusCode, 403);
  const withCsrf = await server.inject({
    method: 'POST',
    url: '/api/links',
    payload,
    headers: { cookie, 'x-csrf-token': login.json().csrf },
  });
  assert.equal(withCsrf.statusCode, 200);
  const bad = await server.inject({
    method: 'POST',
    url: '/api/login',
    payload: { email: 'analyst@example.gov', password: 'wrong' },
  });
  assert.equal(bad.statusCode, 401);
});

test('the audit log verifies, and tampering with one row is detected', async () => {
  const ok = (await call('GET', '/api/audit/verify', as.analyst)).json();
  assert.equal(ok.ok, true, JSON.stringify(ok.problems));
  assert.ok(ok.entries > 10);
  assert.equal((await call('GET', '/api/audit/verify', as.public)).statusCode, 403);
  await db.query(`update audit_log set actor = 'someone else' where seq = 3`);
  const bad = await app.audit.verify();
  assert.equal(bad.ok, false);
  assert.deepEqual(
    bad.problems.map((p) => p.seq),
    [3],
  );
  await db.query(`delete from audit_log where seq = 5`);
  assert.ok((await app.audit.verify()).problems.some((p) => /missing/.test(p.problem)));
});

test('the deadline endpoint names each skipped holiday', async () => {
  const d = (
    await call('GET', `/api/deadline?from=2017-11-15&rule=${encodeURIComponent('15 business days')}`)
  ).json();
  assert.equal(d.due, '2017-12-07');
  assert.ok(d.trace.some((t: { note: string }) => t.note.includes('Thanksgiving')));
  assert.equal((await call('GET', '/api/deadline?from=2017-11-15&rule=soon')).statusCode, 400);
});

test('sign-in is refused for a while after repeated failures, and security headers are set', async () => {
  for (let i = 0; i < 5; i++) {
    const r = await server.inject({
      method: 'POST',
      url: '/api/login',
      payload: { email: 'public@example.gov', password: `guess ${i}` },
    });
    assert.equal(r.statusCode, 401);
  }
  const locked = await server.inject({
    method: 'POST',
    url: '/api/login',
    payload: { email: 'public@example.gov', password: 'a long enough password' },
  });
  assert.equal(locked.statusCode, 429);
  assert.ok(Number(locked.headers['retry-after']) > 0);
  const res = await server.inject({ url: '/api/health' });
  assert.match(String(res.headers['content-security-policy']), /default-src 'self'.*script-src 'self'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['x-frame-options'], 'DENY');
});

test('POST /api/review reviews uploaded files without storing them; junk is refused with 400', async () => {
  const before = (await app.audit.verify()).entries;
  const mp = multipartBody([
    { name: 'order.txt', content: 'Sec. 1. Officers shall not ask about immigration status.' },
  ]);
  const res = await server.inject({ method: 'POST', url: '/api/review', ...mp });
  assert.equal(res.statusCode, 200, res.body);
  const doc = res.json().documents[0];
  assert.ok(doc.provisions.some((p: { topics: string[] }) => p.topics.includes('status-inquiry')));
  assert.equal((await app.audit.verify()).entries, before, 'nothing stored');
  const junk = multipartBody([
    { name: 'x.bin', content: '\u0000\u0001\u0002'.repeat(500), type: 'application/octet-stream' },
  ]);
  assert.equal((await server.inject({ method: 'POST', url: '/api/review', ...junk })).statusCode, 400);
});

/** About `chars` characters of policy text that the reviewer has work to do on. */
const policyText = (chars: number): string => {
  const unit =
    'Sec. 1. Officers shall not ask about immigration status unless required by a judicial warrant.\n' +
    'Sec. 2. The Sheriff shall not honor an ICE detainer request or hold request.\n';
  return unit.repeat(Math.ceil(chars / unit.length));
};

test('POST /api/review refuses text over its limit with 413, before any review', async () => {
  const mp = multipartBody([{ name: 'manual.txt', content: policyText(API_REVIEW_MAX_TEXT_CHARS + 1000) }]);
  const res = await server.inject({ method: 'POST', url: '/api/review', ...mp });
  assert.equal(res.statusCode, 413, res.body);
  assert.match(
    res.json().error.message,
    new RegExp(`^manual\\.txt: .*longer than ${API_REVIEW_MAX_TEXT_CHARS} characters`),
  );
});

/**
 * Runs `work` and measures the longest the event loop went without running a timer, against how long the work took:
 * reviewing on the request thread would hold it for most of that time, and every other request with it.
 */
async function timeStalls<T>(
  work: () => Promise<T>,
): Promise<{ result: T; took: number; longestStall: number }> {
  let last = performance.now();
  let longestStall = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestStall = Math.max(longestStall, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  const result = await work();
  const took = performance.now() - started;
  clearInterval(ticker);
  // The stretch since the last tick counts too (a request thread that never came free has no tick at all).
  longestStall = Math.max(longestStall, performance.now() - last);
  return { result, took, longestStall };
}

test('POST /api/review works on another thread: the request thread stays free while it runs', async () => {
  const mp = multipartBody([{ name: 'manual.txt', content: policyText(1_000_000) }]);
  const {
    result: res,
    took,
    longestStall,
  } = await timeStalls(() => server.inject({ method: 'POST', url: '/api/review', ...mp }));
  assert.equal(res.statusCode, 200, res.body.slice(0, 200));
  assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
  assert.ok(res.json().documents[0].summary.tagged > 1000);
  assert.ok(
    longestStall < took / 2,
    `the request thread stalled ${longestStall.toFixed(0)} ms of a ${took.toFixed(0)} ms review`,
  );
});

test('POST /api/review admits 4 requests at once, answers 503 with retry-after beyond that, and frees its places', async () => {
  const mp = multipartBody([{ name: 'order.txt', content: policyText(100_000) }]);
  const answers = await Promise.all(
    Array.from({ length: 12 }, () => server.inject({ method: 'POST', url: '/api/review', ...mp })),
  );
  const codes = answers.map((a) => a.statusCode).sort();
  assert.deepEqual(codes, [...Array<number>(4).fill(200), ...Array<number>(8).fill(503)]);
  const busy = answers.find((a) => a.statusCode === 503)!;
  assert.equal(busy.headers['retry-after'], '10');
  assert.equal(busy.json().error.code, 'busy');
  // Every place was given back when its answer went out.
  const again = await Promise.all(
    Array.from({ length: 4 }, () => server.inject({ method: 'POST', url: '/api/review', ...mp })),
  );
  assert.deepEqual(
    again.map((a) => a.statusCode),
    [200, 200, 200, 200],
  );
});

test('a reviewer confirms or overrides an automated finding provision by provision; reviews are superseded, never edited', async () => {
  const mp = multipartBody([
    {
      name: 'jail-order.txt',
      content:
        'Sec. 1. Jail staff shall not provide ICE with release dates.\nSec. 2. Staff shall wear uniforms.',
    },
  ]);
  const up = await server.inject({
    method: 'POST',
    url: `/api/uploads?jurisdiction=${DENVER}`,
    ...mp,
    headers: { ...mp.headers, authorization: `Bearer ${as.analyst!.token}` },
  });
  const submission = up.json().receipts[0].submission;
  const base = { submission, provision: 'p1', requirement: 'usc-8-1373', interpretation: 'judicial' };
  const confirmed = await call('POST', '/api/provision-reviews', as.analyst, {
    ...base,
    action: 'confirm',
    reason: 'release dates are not status information',
  });
  assert.equal(confirmed.statusCode, 200, confirmed.body);
  assert.equal(confirmed.json().automated, 'no-conflict');
  assert.equal(confirmed.json().verdict, 'no-conflict');
  const same = await call('POST', '/api/provision-reviews', as.analyst, {
    ...base,
    action: 'override',
    verdict: 'no-conflict',
    reason: 'x',
  });
  assert.equal(same.statusCode, 400);
  const over = await call('POST', '/api/provision-reviews', as.analyst, {
    ...base,
    action: 'override',
    verdict: 'possible-conflict',
    reason: 'practice shares custody data',
    supersedes: confirmed.json().id,
  });
  assert.equal(over.statusCode, 200, over.body);
  const again = await call('POST', '/api/provision-reviews', as.analyst, {
    ...base,
    action: 'confirm',
    reason: 'y',
    supersedes: confirmed.json().id,
  });
  assert.equal(again.statusCode, 409);
  assert.equal(
    (await call('POST', '/api/provision-reviews', as.denver, { ...base, action: 'confirm', reason: 'z' }))
      .statusCode,
    403,
  );
  const rows = await db.query<{ n: number }>(
    'select count(*)::int as n from provision_reviews where submission = $1',
    [submission],
  );
  assert.equal(rows[0]?.n, 2, 'both reviews stay on record');
});

test('confirming a finding on a large submission reviews it on another thread: the request thread stays free', async () => {
  const mp = multipartBody([{ name: 'policy-manual.txt', content: policyText(1_000_000) }]);
  const up = await server.inject({
    method: 'POST',
    url: `/api/uploads?jurisdiction=${DENVER}`,
    ...mp,
    headers: { ...mp.headers, authorization: `Bearer ${as.analyst!.token}` },
  });
  assert.equal(up.statusCode, 200, up.body);
  const submission = up.json().receipts[0].submission;
  const {
    result: res,
    took,
    longestStall,
  } = await timeStalls(() =>
    call('POST', '/api/provision-reviews', as.analyst, {
      submission,
      provision: 'p2',
      requirement: 'jag-fy2017-1373-compliance',
      interpretation: 'agency',
      action: 'confirm',
      reason: 'the manual limits detainers only',
    }),
  );
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().automated, res.json().verdict);
  assert.ok(
    longestStall < took / 2,
    `the request thread stalled ${longestStall.toFixed(0)} ms of a ${took.toFixed(0)} ms confirmation`,
  );
  // Unknown provisions are still told apart from unknown findings.
  const missing = await call('POST', '/api/provision-reviews', as.analyst, {
    submission,
    provision: 'p999999',
    requirement: 'usc-8-1373',
    interpretation: 'agency',
    action: 'confirm',
    reason: 'x',
  });
  assert.equal(missing.statusCode, 404, missing.body);
  assert.match(missing.json().error.message, /no provision "p999999" in policy-manual\.txt/);
});

test('a cohort saved by name ("FY2016 JAG recipients in Oregon") picks a wave’s recipients', async () => {
  const saved = await call('POST', '/api/cohorts', as.analyst, {
    name: 'FY2016 JAG recipients in Oregon',
    cohort: { program: 'byrne-jag', fiscalYear: 2016, state: 'OR' },
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().members.length, 2);
  assert.equal(
    (
      await call('POST', '/api/cohorts', as.analyst, {
        name: 'FY2016 JAG recipients in Oregon',
        cohort: { program: 'byrne-jag', fiscalYear: 2016 },
      })
    ).statusCode,
    409,
  );
  const wave = await call('POST', '/api/waves', as.analyst, {
    name: 'Oregon by saved cohort',
    kind: 'document-request',
    sent: '2018-03-05',
    rule: '30 calendar days',
    cohortName: 'FY2016 JAG recipients in Oregon',
    demand: 'documents',
  });
  assert.equal(wave.statusCode, 200, wave.body);
  assert.equal(wave.json().requests, 2);
  assert.equal(
    (
      await call('POST', '/api/waves', as.analyst, {
        name: 'x',
        kind: 'document-request',
        sent: '2018-03-05',
        rule: '30 calendar days',
        cohortName: 'nope',
        demand: 'd',
      })
    ).statusCode,
    404,
  );
});

test('the board, the map and a jurisdiction page read before a write show it right after', async () => {
  const MONTPELIER = `${P}state:vt/place:montpelier`;
  const asOf = '2018-05-02';
  const boardBefore = (await call('GET', `/api/campaign?asOf=${asOf}`)).json();
  const mapBefore = (await call('GET', `/api/map?asOf=${asOf}`)).json();
  const pageBefore = (await call('GET', `/api/jurisdictions/${MONTPELIER}?asOf=${asOf}`)).json();
  const res = await call('POST', '/api/waves', as.analyst, {
    name: 'Memo cache check',
    kind: 'document-request',
    sent: '2018-05-01',
    rule: '30 calendar days',
    recipients: [MONTPELIER],
    demand: 'All policies on communication with ICE',
    consequences: ['subpoena of documents'],
  });
  assert.equal(res.statusCode, 200, res.body);
  const { wave } = res.json();
  const boardAfter = (await call('GET', `/api/campaign?asOf=${asOf}`)).json();
  const mapAfter = (await call('GET', `/api/map?asOf=${asOf}`)).json();
  const pageAfter = (await call('GET', `/api/jurisdictions/${MONTPELIER}?asOf=${asOf}`)).json();
  type Row = { id: string };
  assert.equal(
    boardBefore.waves.some((w: Row) => w.id === wave.id),
    false,
  );
  assert.equal(
    boardAfter.waves.some((w: Row) => w.id === wave.id),
    true,
  );
  assert.equal(
    mapAfter.jurisdictions.filter((j: Row) => j.id === MONTPELIER).length,
    1,
    'Montpelier is on the map once it has a request',
  );
  assert.notDeepEqual(mapAfter, mapBefore);
  assert.equal(pageBefore.dossier, null, 'nothing on record before the wave');
  assert.equal(pageAfter.dossier.status.requests.length, 1, JSON.stringify(pageAfter.dossier));
});
