// Fuzzing the HTTP API and the CLI with generated requests and argument vectors: no 5xx, no crash, and the
// store is unchanged after every refused write.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { campaignRoutes, openApp, reviewService, type App } from '../main.ts';
import { buildServer } from './build-server.ts';
import { runCli } from '../cli/run-cli.ts';
import type { CliContext } from '../cli/cli-context.ts';

const RUNS = Number(process.env.ACCORDANCE_FUZZ_RUNS ?? 300);
let app: App;
let server: FastifyInstance;
let token = '';

before(async () => {
  app = await openApp({ kind: 'pglite' });
  server = buildServer({
    status: app.status,
    jurisdictions: app.jurisdictions,
    views: app.views,
    exports: app.exports,
    campaign: campaignRoutes(app),
    dataset: app.dataset,
    version: 'fuzz',
  });
  await app.auth.createUser('bootstrap', {
    email: 'a@example.gov',
    password: 'a long enough password',
    role: 'analyst',
  });
  token = (await app.auth.login('a@example.gov', 'a long enough password')).token;
});
after(async () => {
  await server.close();
  await app.close();
});

const jsonValue = fc.jsonValue({ maxDepth: 4 });
const POSTS = [
  '/api/waves',
  '/api/service',
  '/api/deadline-adjustments',
  '/api/responses',
  '/api/determinations',
  '/api/escalations',
  '/api/links',
  '/api/login',
  '/api/users',
];
const GETS = [
  '/api/status',
  '/api/jurisdictions',
  '/api/campaign',
  '/api/map',
  '/api/deadline',
  '/api/letters',
  '/api/escalations/check',
  '/api/uploads',
  '/api/export/status.csv',
];

test('generated bodies to every write route get 2xx or 4xx, never 5xx; refused writes leave no trace', async () => {
  let cases = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...POSTS), jsonValue, fc.boolean(), async (url, body, signedIn) => {
      cases++;
      const before = (await app.audit.verify()).entries;
      const res = await server.inject({
        method: 'POST',
        url,
        payload: JSON.stringify(body),
        headers: {
          'content-type': 'application/json',
          ...(signedIn ? { authorization: `Bearer ${token}` } : {}),
        },
      });
      assert.ok(res.statusCode < 500, `${url} ${JSON.stringify(body)} → ${res.statusCode} ${res.body}`);
      if (res.statusCode >= 400) {
        assert.equal((await app.audit.verify()).entries, before, 'a refused write changed the audit log');
        assert.ok(res.json().error?.code, 'errors carry a code');
      }
    }),
    { numRuns: RUNS },
  );
  process.stdout.write(`# fuzz: ${cases} API write cases\n`);
});

test('generated query strings to every read route get 2xx or 4xx', async () => {
  let cases = 0;
  const params = fc.dictionary(
    fc.constantFrom('asOf', 'knownAt', 'jurisdiction', 'q', 'from', 'rule', 'wave', 'step', 'limit', 'state'),
    fc.string({ maxLength: 40 }),
  );
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...GETS), params, async (path, q) => {
      cases++;
      const res = await server.inject({
        url: `${path}?${new URLSearchParams(q).toString()}`,
        headers: { authorization: `Bearer ${token}` },
      });
      assert.ok(
        res.statusCode < 500,
        `${path} ${JSON.stringify(q)} → ${res.statusCode} ${res.body.slice(0, 300)}`,
      );
    }),
    { numRuns: RUNS },
  );
  process.stdout.write(`# fuzz: ${cases} API read cases\n`);
});

test('generated argument vectors give exit code 0, 1 or 2 and one line of error, never a throw', async () => {
  let cases = 0;
  const words = fc.constantFrom(
    'status',
    'resolve',
    'jurisdictions',
    'deadline',
    'escalate',
    'audit',
    'verify',
    '--json',
    '--as-of',
    '--known-at',
    '--jurisdiction',
    '--from',
    '--rule',
    '--step',
    '--count',
    '--search',
    '--dry-run',
    '2018-02-24',
    'x',
    '',
    '--',
    '-h',
    'ocd-division/country:us/state:co/place:denver',
    '30 calendar days',
    // Object.prototype keys: a command or flag table must never dispatch to them.
    'toString',
    '__proto__',
    'constructor',
    '--toString',
    '--__proto__',
  );
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.oneof(words, fc.string({ maxLength: 12 })), { maxLength: 7 }),
      async (argv) => {
        cases++;
        const errors: string[] = [];
        const ctx: CliContext = {
          out: () => undefined,
          write: async () => undefined,
          err: (t) => errors.push(t),
          status: async () => app.status,
          jurisdictions: () => app.jurisdictions,
          review: () => reviewService(),
          local: async () => ({
            campaign: app.campaign,
            audit: app.audit,
            auth: app.auth,
            operator: { kind: 'user', id: 'cli', email: 'cli', role: 'analyst', jurisdiction: null },
          }),
          stdin: async () => '',
        };
        const code = await runCli(argv, ctx);
        assert.ok([0, 1, 2].includes(code), `${JSON.stringify(argv)} → ${code}`);
        for (const e of errors) assert.equal(e.trim().split('\n').length, 1, e);
      },
    ),
    { numRuns: RUNS },
  );
  process.stdout.write(`# fuzz: ${cases} CLI cases\n`);
});
