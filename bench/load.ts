// `npm run load [-- --seconds 60 --rate 500]`: the read API at a fixed request rate for a fixed time, on loopback;
// passes only with zero errors and zero non-2xx answers.
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { openApp, serverFor, warmUp } from '../src/main.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, rate: { type: 'string', default: '500' } },
});
const seconds = Math.min(600, Number(values.seconds));
const rate = Math.min(5000, Number(values.rate));

const app = await openApp({ kind: 'pglite' });
// As `npm start` does before it listens.
await warmUp(app);
const server = serverFor(app, {}, 'load');
const base = await server.listen({ port: 0, host: '127.0.0.1' });
// A mix of what the web app asks for, on dates across the campaign.
const dates = [
  '2017-04-21',
  '2017-09-15',
  '2017-11-15',
  '2018-01-24',
  '2018-02-24',
  '2018-07-27',
  '2018-11-20',
  '2019-03-01',
];
const requests = dates.flatMap((d) => [
  { method: 'GET' as const, path: `/api/status?asOf=${d}` },
  { method: 'GET' as const, path: `/api/map?asOf=${d}` },
  { method: 'GET' as const, path: `/api/campaign?asOf=${d}` },
  {
    method: 'GET' as const,
    path: `/api/jurisdictions/ocd-division/country:us/state:il/place:chicago?asOf=${d}`,
  },
]);
requests.push({ method: 'GET', path: '/api/jurisdictions?q=King%20County%2C%20Wash.' });
const result = await new Promise<autocannon.Result>((resolve, reject) =>
  autocannon(
    {
      url: base,
      connections: 20,
      overallRate: rate,
      duration: seconds,
      requests,
      headers: { 'accept-encoding': 'gzip' },
    },
    (e, r) => (e ? reject(e) : resolve(r)),
  ),
);
await server.close();
await app.close();
const line = {
  seconds,
  targetRate: rate,
  requests: result.requests.total,
  achievedRate: Math.round(result.requests.average),
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
};
process.stdout.write(`${JSON.stringify(line)}\n`);
process.exit(result.errors + result.timeouts + result.non2xx === 0 ? 0 : 1);
