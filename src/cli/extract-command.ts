// `accordance extract FILE|DIR... [--recursive] [--json]` (BRIEF §5): jurisdictions, events, amounts, statutes,
// programs, claims and conflicts from news articles, letters and court orders, each tied to its source span.
import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { UsageError, type CliContext } from './cli-context.ts';
import { collectFiles } from './review-command.ts';
import { DomainError } from '../domain/shared/domain-error.ts';
import type { CaseFile } from '../domain/case-file/build-case-file.ts';
import type { CaseDocument } from '../domain/case-file/case-facts.ts';

export const EXTRACT_USAGE = 'usage: accordance extract FILE|DIR... [--recursive] [--json]';

export type CaseFilePort = {
  read(bytes: Uint8Array, fileName: string): Promise<{ text: string }>;
  build(docs: readonly CaseDocument[]): CaseFile;
};

export function formatCaseFile(cf: CaseFile): string {
  const lines: string[] = [`${cf.documents.length} document(s)`];
  lines.push('', 'Jurisdictions:');
  for (const j of cf.jurisdictions)
    lines.push(`  ${j.name.padEnd(34)} ${j.id}  (${j.mentions.length} mention(s))`);
  lines.push('', 'Events:');
  for (const e of cf.events) {
    const who = e.jurisdictions.length ? ` — ${e.jurisdictions.length} jurisdiction(s)` : '';
    lines.push(
      `  ${(e.date ?? '          ').padEnd(10)} ${e.type.padEnd(18)}${e.count !== undefined ? ` count ${String(e.count)}` : ''}${who}  [${e.sources.map((s) => s.document).join(', ')}]`,
    );
  }
  if (cf.amounts.length)
    lines.push('', 'Amounts:', ...cf.amounts.map((a) => `  ${JSON.stringify(a).slice(0, 160)}`));
  if (cf.claims.length)
    lines.push(
      '',
      'Claims (attributed, not facts):',
      ...cf.claims.map((c) => `  ${JSON.stringify(c).slice(0, 200)}`),
    );
  if (cf.conflicts.length)
    lines.push('', 'Conflicts:', ...cf.conflicts.map((c) => `  ${JSON.stringify(c).slice(0, 200)}`));
  return lines.join('\n');
}

export async function extractCommand(
  args: string[],
  ctx: CliContext & { caseFile(): CaseFilePort },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        json: { type: 'boolean', default: false },
        recursive: { type: 'boolean', short: 'r', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}; ${EXTRACT_USAGE}`);
  }
  if (parsed.positionals.length === 0) throw new UsageError(`name at least one file; ${EXTRACT_USAGE}`);
  const files = await collectFiles(parsed.positionals, parsed.values.recursive);
  if (files.length === 0) throw new DomainError('bad-input', 'no files to read');
  const port = ctx.caseFile();
  const docs: CaseDocument[] = [];
  for (const file of files) {
    try {
      const { text } = await port.read(new Uint8Array(await readFile(file)), basename(file));
      docs.push({ name: basename(file), text });
    } catch (e) {
      // Every file is read before anything is reported: one bad file stops the run with its name.
      if (e instanceof DomainError) throw new DomainError(e.code, `${file}: ${e.message}`);
      throw e;
    }
  }
  const cf = port.build(docs);
  ctx.out(parsed.values.json ? JSON.stringify(cf, null, 2) : formatCaseFile(cf));
  return 0;
}
