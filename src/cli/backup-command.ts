// `accordance export FILE` and `accordance import FILE`: whole-store backups (.jsonl, or .jsonl.gz compressed).
import { UsageError, type CliContext } from './cli-context.ts';

export type BackupPort = {
  exportTo(file: string): Promise<{ tables: Record<string, number> }>;
  importFrom(file: string): Promise<{
    tables: Record<string, number>;
    audit: { ok: boolean; entries: number };
    files: number;
    mismatched: number;
  }>;
};

export async function exportCommand(
  args: string[],
  ctx: CliContext & { backup(): Promise<BackupPort> },
): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0 || file.startsWith('-'))
    throw new UsageError('usage: accordance export FILE[.gz]');
  const r = await (await ctx.backup()).exportTo(file);
  const total = Object.values(r.tables).reduce((a, b) => a + b, 0);
  ctx.out(`exported ${total} rows from ${Object.keys(r.tables).length} tables to ${file}`);
  return 0;
}

export async function importCommand(
  args: string[],
  ctx: CliContext & { backup(): Promise<BackupPort> },
): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0 || file.startsWith('-'))
    throw new UsageError('usage: accordance import FILE[.gz]   (into an empty store)');
  const r = await (await ctx.backup()).importFrom(file);
  const total = Object.values(r.tables).reduce((a, b) => a + b, 0);
  ctx.out(
    `imported ${total} rows; ${r.files} stored files, ${r.mismatched} with a wrong hash; audit log ${r.audit.ok ? 'intact' : 'BROKEN'} (${r.audit.entries} entries)`,
  );
  return r.audit.ok && r.mismatched === 0 ? 0 : 1;
}
