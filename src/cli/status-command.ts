// `accordance status [--as-of D] [--known-at D] [--jurisdiction OCDID] [--json]` (BRIEF §5).
import { parseArgs } from 'node:util';
import type { CliContext } from './cli-context.ts';
import { UsageError } from './cli-context.ts';
import type { JurisdictionStatus, StatusReport } from '../domain/status/compute-status.ts';

export const STATUS_USAGE =
  'usage: accordance status [--as-of YYYY-MM-DD] [--known-at YYYY-MM-DD] [--jurisdiction OCDID] [--json]';

export async function statusCommand(args: string[], ctx: CliContext): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        'as-of': { type: 'string' },
        'known-at': { type: 'string' },
        jurisdiction: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}; ${STATUS_USAGE}`);
  }
  if (values.help) {
    ctx.out(STATUS_USAGE);
    return 0;
  }
  const service = await ctx.status();
  const report = await service.status({
    asOf: values['as-of'],
    knownAt: values['known-at'],
    jurisdiction: values.jurisdiction,
  });
  ctx.out(values.json ? JSON.stringify(report, null, 2) : formatStatus(report));
  return 0;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

function formatJurisdiction(j: JurisdictionStatus): string[] {
  const lines = [`${j.name}  (${j.id})`];
  if (j.requests.length === 0) lines.push('  requests       none on record');
  j.requests.forEach((r, i) => {
    const label = i === 0 ? '  requests       ' : '                 ';
    const resp = r.response
      ? ` — response ${r.response.precision === 'by' ? 'by ' : ''}${r.response.received}`
      : '';
    lines.push(
      `${label}${r.sent}  ${pad(r.waveKind, 22)} due ${r.due} (${r.rule})  ${r.state.toUpperCase()}${resp}`,
    );
  });
  const inForce = j.conditions.filter((c) => c.inForce);
  const enforceable = inForce.filter((c) => c.enforceable).map((c) => c.requirement);
  const blocked = inForce.filter((c) => !c.enforceable);
  lines.push(`  enforceable    ${enforceable.length ? enforceable.join(', ') : 'none'}`);
  for (const c of blocked) lines.push(`  not enforceable ${c.requirement}: ${c.because.join('; ')}`);
  const d = j.determination;
  lines.push(
    `  determination  ${d ? `${d.kind} (${d.precision === 'day' ? '' : d.precision + ' '}${d.date}): ${d.text}` : 'none on record'}`,
  );
  return lines;
}

export function formatStatus(report: StatusReport): string {
  const head = `Status as of ${report.asOf}${report.knownAt ? `, as the record stood on ${report.knownAt}` : ''}: ${report.jurisdictions.length} jurisdiction(s)`;
  const counts = new Map<string, number>();
  for (const j of report.jurisdictions)
    for (const r of j.requests) counts.set(r.state, (counts.get(r.state) ?? 0) + 1);
  const summary = [...counts].map(([k, v]) => `${v} ${k}`).join(', ');
  return [
    head,
    summary ? `requests: ${summary}` : '',
    '',
    ...report.jurisdictions.flatMap((j) => [...formatJurisdiction(j), '']),
  ]
    .filter((l, i) => l !== '' || i > 1)
    .join('\n');
}
