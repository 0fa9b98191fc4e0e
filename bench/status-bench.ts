// status-nationwide: status as of a date for every jurisdiction in the registry, each sent a synthetic request,
// against a baseline measured in the same run: one pass that only groups the requests by jurisdiction.
import { performance } from 'node:perf_hooks';
import { loadRegistry } from '../src/db/registry/load-registry.ts';
import { defaultStatusRecords } from '../src/domain/testing/load-default-dataset.ts';
import { computeStatus, type StatusRecords } from '../src/domain/status/compute-status.ts';
import { requestsOfWave } from '../src/domain/campaign/requests-of-wave.ts';
import { parseDeadlineRule } from '../src/domain/deadlines/deadline-rule.ts';
import { isoDate } from '../src/domain/shared/iso-date.ts';
import type { Wave } from '../src/domain/campaign/campaign.ts';
import type { Grant } from '../src/domain/law/grant.ts';
import type { SourceId, WaveId } from '../src/domain/shared/brand.ts';
import type { BenchResult } from './bench-result.ts';

/** The default dataset plus one wave to every jurisdiction in the registry, each an FY2016 grantee. */
export function nationwideRecords(limit?: number): StatusRecords {
  const base = defaultStatusRecords();
  const entries = loadRegistry().entries().slice(0, limit);
  const known = new Set(base.jurisdictions.flatMap((j) => [j.id, ...j.alsoIds]));
  const extra = entries
    .filter((e) => !known.has(e.id))
    .map((e) => ({ id: e.id, name: e.name, kind: e.kind, alsoIds: e.alsoIds ?? [] }));
  const jurisdictions = [...base.jurisdictions, ...extra];
  const wave: Wave = {
    id: 'synthetic-nationwide' as WaveId,
    name: 'Synthetic: every jurisdiction',
    kind: 'document-request',
    sent: isoDate('2018-06-01'),
    deadlineRule: parseDeadlineRule('30 calendar days'),
    recipients: jurisdictions.map((j) => j.id),
    demand: 'synthetic',
    consequences: [],
    knownFrom: isoDate('2018-06-01'),
    sources: ['doj-pr-2018-01-24' as SourceId],
  };
  const grants: Grant[] = extra.map((j) => ({
    id: `synthetic-${j.id}`,
    jurisdiction: j.id,
    program: 'byrne-jag',
    fiscalYear: 2017,
    role: 'applicant',
    basis: 'synthetic',
    knownFrom: isoDate('2017-07-25'),
    sources: ['doj-pr-2018-01-24' as SourceId],
    amounts: [],
  }));
  return {
    ...base,
    jurisdictions,
    waves: [...base.waves, wave],
    requests: [...base.requests, ...requestsOfWave(wave)],
    grants: [...base.grants, ...grants],
  };
}

export function statusBench(quick: boolean): BenchResult[] {
  const records = nationwideRecords();
  const asOf = isoDate('2018-08-01');
  const rounds = quick ? 2 : 5;
  computeStatus(records, { asOf }); // warm-up
  let t = performance.now();
  let n = 0;
  for (let i = 0; i < rounds; i++) n = computeStatus(records, { asOf }).jurisdictions.length;
  const full = (performance.now() - t) / rounds;

  t = performance.now();
  for (let i = 0; i < rounds; i++) {
    const m = new Map<string, number>();
    for (const r of records.requests)
      if (r.sent <= asOf) m.set(r.jurisdiction, (m.get(r.jurisdiction) ?? 0) + 1);
    if (m.size === 0) throw new Error('unreachable');
  }
  const group = (performance.now() - t) / rounds;

  // Cost curve: the same computation for growing slices of the registry.
  const curve = (quick ? [1000, 5000] : [1000, 2500, 5000, 10000]).map((size) => {
    const r = nationwideRecords(size);
    const t0 = performance.now();
    const k = computeStatus(r, { asOf }).jurisdictions.length;
    return `${k}:${Math.round(performance.now() - t0)}ms`;
  });
  return [
    {
      name: 'status-nationwide',
      value: full,
      unit: 'ms',
      baseline: group,
      ratio: full / group,
      note: `${n} jurisdictions × 7 conditions; baseline: grouping requests only; curve ${curve.join(' ')}`,
    },
  ];
}
