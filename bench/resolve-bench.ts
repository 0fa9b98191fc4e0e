// Resolver latency after start-up, against a naive baseline measured in the same run: a linear scan of all names.
import { performance } from 'node:perf_hooks';
import { loadRegistry } from '../src/db/registry/load-registry.ts';
import { resolveJurisdiction } from '../src/domain/registry/resolve-jurisdiction.ts';
import { normalizeName } from '../src/domain/registry/normalize-name.ts';
import type { BenchResult } from './bench-result.ts';

const MENTIONS = [
  'Louisville Metro, Kentucky',
  'City and County of Denver, Colorado',
  'Watsonville, Calif.',
  'King County, Wash.',
  'Albany, NY',
  'Cook County',
  'State of Oregon',
  'Jackson, Mississippi',
  'Burlington, Vt.',
  'Lawrence, Mass.',
  'Fremont, California',
  'Bernalillo County, N.M.',
  'West Palm Beach',
  'New York City',
  'Sonoma County',
  'Sacramento County, California',
  'Monterey County',
  'City of Los Angeles',
  'Berkeley, Calif.',
  'State of Illinois',
];

export function resolveBench(quick: boolean): BenchResult[] {
  const t0 = performance.now();
  const registry = loadRegistry();
  const startup = performance.now() - t0;
  const rounds = quick ? 20 : 200;
  for (const m of MENTIONS) resolveJurisdiction(registry, m); // warm-up
  const t1 = performance.now();
  for (let i = 0; i < rounds; i++) for (const m of MENTIONS) resolveJurisdiction(registry, m);
  const perName = (performance.now() - t1) / (rounds * MENTIONS.length);

  // Baseline: what a resolver without indexes would pay — one pass over every entry's normalized name.
  const names = registry.entries().map((e) => [normalizeName(e.name), e.id] as const);
  const baseRounds = quick ? 2 : 10;
  const t2 = performance.now();
  let hits = 0;
  for (let i = 0; i < baseRounds; i++) {
    for (const m of MENTIONS) {
      const key = normalizeName(m.split(',')[0] ?? m);
      for (const [n] of names) if (n === key) hits++;
    }
  }
  const scan = (performance.now() - t2) / (baseRounds * MENTIONS.length);
  if (hits < 0) throw new Error('unreachable');
  return [
    {
      name: 'resolve-one-name',
      value: perName,
      unit: 'ms',
      baseline: scan,
      ratio: perName / scan,
      note: 'baseline: linear scan of all names',
    },
    {
      name: 'registry-startup',
      value: startup,
      unit: 'ms',
      baseline: null,
      ratio: null,
      note: `${registry.size} entries`,
    },
  ];
}
