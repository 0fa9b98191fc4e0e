// `npm run bench [-- --quick] [-- --json] [-- SUITE...]`: runs the benchmarks and prints each figure beside a
// baseline measured in the same run. With --json, one object per line: { name, value, unit, baseline, ratio }.
import { resolveBench } from './resolve-bench.ts';
import { apiBench } from './api-bench.ts';
import { statusBench } from './status-bench.ts';
import { workerBench } from './worker-bench.ts';
import { reviewBench } from './review-bench.ts';
import type { BenchResult } from './bench-result.ts';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const json = argv.includes('--json');
const only = argv.filter((a) => !a.startsWith('--'));

export type Suite = (quick: boolean) => BenchResult[] | Promise<BenchResult[]>;
const suites: [string, Suite][] = [
  ['review', reviewBench],
  ['resolve', resolveBench],
  ['api', apiBench],
  ['status', statusBench],
  ['workers', workerBench],
];

const round = (n: number | null) => (n === null ? null : +n.toPrecision(4));
const fmt = (n: number | null) =>
  n === null ? '—' : n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toPrecision(3);

if (!json) {
  process.stdout.write(
    `${'benchmark'.padEnd(28)} ${'value'.padStart(14)} ${'baseline'.padStart(10)} ${'ratio'.padStart(8)}  note\n`,
  );
}
for (const [name, run] of suites) {
  if (only.length > 0 && !only.includes(name)) continue;
  for (const r of await run(quick)) {
    const line = json
      ? JSON.stringify({
          name: r.name,
          value: round(r.value),
          unit: r.unit,
          baseline: round(r.baseline),
          ratio: round(r.ratio),
          ...(r.note ? { note: r.note } : {}),
        })
      : `${r.name.padEnd(28)} ${`${fmt(r.value)} ${r.unit}`.padStart(14)} ${fmt(r.baseline).padStart(10)} ${fmt(r.ratio).padStart(8)}  ${r.note ?? ''}`;
    process.stdout.write(`${line}\n`);
  }
}
