// `accordance review FILE|DIR... [--recursive] [--json]` (BRIEF §5): provisions, topics, modifiers, findings.
import { parseArgs } from 'node:util';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError, type CliContext } from './cli-context.ts';
import type { ReviewService, ReviewedDocument } from '../app/review/review-service.ts';
import { DomainError } from '../domain/shared/domain-error.ts';
import { progressBar } from './progress-bar.ts';

export const REVIEW_USAGE = 'usage: accordance review FILE|DIR... [--recursive] [--json]';

/** Files named on the command line, and with --recursive the files under directories (hidden ones skipped). */
export async function collectFiles(paths: readonly string[], recursive: boolean): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string) => {
    const s = await stat(p).catch(() => {
      throw new DomainError('bad-input', `${p}: no such file or directory`);
    });
    if (s.isDirectory()) {
      if (!recursive) throw new DomainError('bad-input', `${p} is a directory; add --recursive`);
      for (const name of (await readdir(p)).sort()) if (!name.startsWith('.')) await walk(join(p, name));
    } else if (s.isFile()) out.push(p);
  };
  for (const p of paths) await walk(p);
  return out;
}

const mark = (
  text: string,
  spans: readonly { start: number; end: number }[],
  offset: number,
  color: boolean,
) => {
  const open = color ? '\x1b[1;33m' : '[[';
  const close = color ? '\x1b[0m' : ']]';
  const sorted = [...spans]
    .filter((s) => s.start >= offset && s.end <= offset + text.length)
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = offset;
  for (const s of sorted) {
    if (s.start < at) continue;
    out +=
      text.slice(at - offset, s.start - offset) + open + text.slice(s.start - offset, s.end - offset) + close;
    at = s.end;
  }
  return out + text.slice(at - offset);
};

export function formatReview(d: ReviewedDocument, color: boolean): string {
  const lines = [
    `${d.file}  (${d.format}, sha256 ${d.sha256.slice(0, 16)}…, ${d.summary.provisions} provisions, ${d.summary.tagged} tagged)`,
  ];
  for (const w of d.warnings) lines.push(`  warning: ${w}`);
  for (const [req, w] of Object.entries(d.summary.worst))
    lines.push(`  ${req.padEnd(28)} agency: ${w.agency.verdict.padEnd(17)} courts: ${w.judicial.verdict}`);
  for (const p of d.provisions) {
    if (p.topics.length === 0 && p.modifiers.length === 0) continue;
    lines.push('', `  ${p.label ?? p.id} [${[...p.topics, ...p.modifiers].join(', ')}]`);
    lines.push(
      `    ${mark(
        p.text,
        p.tagEvidence.flatMap((t) => t.spans),
        p.start,
        color,
      ).replace(/\s+/g, ' ')}`,
    );
    for (const f of p.findings) {
      if (f.verdict === 'no-conflict') continue;
      lines.push(`    ${f.interpretation.padEnd(8)} ${f.requirement}: ${f.verdict} — ${f.reasons[0] ?? ''}`);
    }
  }
  return lines.join('\n');
}

export async function reviewCommand(
  args: string[],
  ctx: CliContext & { review(): ReviewService },
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
    throw new UsageError(`${(e as Error).message}; ${REVIEW_USAGE}`);
  }
  if (parsed.positionals.length === 0) throw new UsageError(`name at least one file; ${REVIEW_USAGE}`);
  const files = await collectFiles(parsed.positionals, parsed.values.recursive);
  if (files.length === 0) throw new DomainError('bad-input', 'no files to review');
  const bar = files.length > 1 ? progressBar('review', files.length) : undefined;
  const result = await ctx.review().reviewMany(
    files.map((file) => ({ file, bytes: async () => new Uint8Array(await readFile(file)) })),
    (done, total, file) => bar?.update(done, file),
  );
  bar?.done(`${result.documents.length} reviewed, ${result.errors.length} refused`);
  if (parsed.values.json)
    ctx.out(JSON.stringify({ documents: result.documents, errors: result.errors }, null, 2));
  else {
    ctx.out(result.documents.map((d) => formatReview(d, process.stdout.isTTY === true)).join('\n\n'));
  }
  if (result.errors.length > 0) {
    // One line per refused file; the exit code says the input was bad.
    for (const e of result.errors) ctx.err(`accordance: ${e.file}: ${e.error.replace(/\s+/g, ' ')}`);
    return 2;
  }
  return 0;
}
