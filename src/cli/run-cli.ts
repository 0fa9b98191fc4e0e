// Dispatches `accordance <command>`; every error becomes a one-line message and an exit code, never a stack trace.
import type { CliContext } from './cli-context.ts';
import { UsageError } from './cli-context.ts';
import { exitCodeOf, oneLine } from './exit-code.ts';
import { statusCommand } from './status-command.ts';
import { resolveCommand } from './resolve-command.ts';
import { jurisdictionsCommand } from './jurisdictions-command.ts';
import { deadlineCommand } from './deadline-command.ts';
import { escalateCommand } from './escalate-command.ts';
import { auditCommand } from './audit-command.ts';
import { userCommand } from './user-command.ts';
import { reviewCommand } from './review-command.ts';

export type Command = (args: string[], ctx: CliContext) => Promise<number>;

export const HELP = `accordance — compliance review for the § 1373 / Byrne JAG grant conditions

usage: accordance <command> [options]

commands:
  status         status of every jurisdiction with requests, as of a date (--as-of, --known-at, --jurisdiction, --json)
  resolve        free text ("King County, Wash.") to ranked OCD-IDs (--json, --state, --limit)
  jurisdictions  the registry of every US state, county and place (--count | --search TEXT | --id OCDID, --json)
  review         provisions of policy files, tagged and judged under both readings (--json, --recursive, --jobs N)
  extract        jurisdictions, events, amounts, statutes, claims and conflicts from articles and letters (--json)
  ingest         store documents by content hash and process them as jobs (--recursive, --json, --no-work)
  worker         take document jobs from the queue (needs DATABASE_URL; --concurrency N)
  letters        generate, store and record every letter of a wave as PDF (--wave, --out DIR, --verbose)
  deadline       a due date from a trigger and a rule, with the trace (--from, --rule, --json)
  escalate       may a step of the ladder be taken on a date, and why (--jurisdiction, --step, --as-of, --dry-run, --json)
  audit verify   check the hash chain of the audit log (--json)
  user add       create an account (--email, --role, --jurisdiction, --password-stdin)
  export FILE    back up the whole store (FILE.jsonl or FILE.jsonl.gz)
  import FILE    restore a backup into an empty store, then verify file hashes and the audit log
  serve          start the HTTP server (same as npm start)

exit codes: 0 success, 1 failure, 2 bad usage or bad input`;

export async function runCli(
  argv: string[],
  ctx: CliContext,
  extra: Record<string, Command> = {},
): Promise<number> {
  const commands: Record<string, Command> = {
    status: statusCommand,
    resolve: resolveCommand,
    jurisdictions: jurisdictionsCommand,
    deadline: deadlineCommand,
    escalate: escalateCommand,
    audit: auditCommand,
    user: userCommand,
    review: reviewCommand,
    ...extra,
  };
  const [name, ...args] = argv;
  try {
    if (!name || name === '--help' || name === '-h' || name === 'help') {
      ctx.out(HELP);
      return name ? 0 : 2;
    }
    // Own properties only: "toString" or "__proto__" must not reach Object.prototype.
    const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!command) throw new UsageError(`unknown command "${name}"; run "accordance --help"`);
    return await command(args, ctx);
  } catch (e) {
    const code = exitCodeOf(e);
    ctx.err(`accordance: ${oneLine(e)}`);
    return code;
  }
}
