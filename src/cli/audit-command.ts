// `accordance audit verify [--json]`: recomputes the hash chain of the audit log.
import { parseArgs } from 'node:util';
import { UsageError, type CliContext } from './cli-context.ts';

export const AUDIT_USAGE = 'usage: accordance audit verify [--json]';

export async function auditCommand(args: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}; ${AUDIT_USAGE}`);
  }
  if (parsed.positionals[0] !== 'verify' || parsed.positionals.length !== 1)
    throw new UsageError(AUDIT_USAGE);
  const report = await (await ctx.local()).audit.verify();
  if (parsed.values.json) ctx.out(JSON.stringify(report, null, 2));
  else {
    ctx.out(
      report.ok
        ? `audit log intact: ${report.entries} entries`
        : `audit log BROKEN: ${report.problems.length} problem(s) in ${report.entries} entries`,
    );
    for (const p of report.problems) ctx.out(`  entry ${p.seq}: ${p.problem}`);
  }
  return report.ok ? 0 : 1;
}
