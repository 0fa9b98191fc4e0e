// `accordance resolve [--json] [--state XX] [--limit N] TEXT`: free text to ranked OCD-ID candidates.
import { parseArgs } from 'node:util';
import { UsageError, type CliIo } from './cli-context.ts';
import type { JurisdictionService } from '../app/jurisdictions/jurisdiction-service.ts';

export const RESOLVE_USAGE = 'usage: accordance resolve [--json] [--state XX] [--limit N] TEXT';

export async function resolveCommand(
  args: string[],
  ctx: CliIo & { jurisdictions(): JurisdictionService },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        json: { type: 'boolean', default: false },
        state: { type: 'string' },
        limit: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}; ${RESOLVE_USAGE}`);
  }
  const text = parsed.positionals.join(' ');
  if (!text.trim()) throw new UsageError(`a name to resolve is required; ${RESOLVE_USAGE}`);
  const limit = parsed.values.limit === undefined ? undefined : Number(parsed.values.limit);
  const candidates = ctx.jurisdictions().resolve(text, {
    ...(parsed.values.state ? { state: parsed.values.state } : {}),
    ...(limit !== undefined ? { limit } : {}),
  });
  if (parsed.values.json) {
    ctx.out(JSON.stringify(candidates, null, 2));
  } else if (candidates.length === 0) {
    ctx.out(`no jurisdiction matches "${text}"`);
  } else {
    for (const c of candidates)
      ctx.out(`${c.score.toFixed(3)}  ${c.kind.padEnd(9)} ${c.name.padEnd(36)} ${c.id}`);
  }
  return 0;
}
