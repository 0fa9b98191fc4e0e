// `accordance jurisdictions --count [--json]` and `accordance jurisdictions --search TEXT [--state XX] [--json]`.
import { parseArgs } from 'node:util';
import { UsageError, type CliIo } from './cli-context.ts';
import type { JurisdictionService } from '../app/jurisdictions/jurisdiction-service.ts';

export const JURISDICTIONS_USAGE =
  'usage: accordance jurisdictions --count [--json] | --search TEXT [--state XX] [--limit N] [--json] | --id OCDID [--json]';

export async function jurisdictionsCommand(
  args: string[],
  ctx: CliIo & { jurisdictions(): JurisdictionService },
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        count: { type: 'boolean', default: false },
        search: { type: 'string' },
        id: { type: 'string' },
        state: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}; ${JURISDICTIONS_USAGE}`);
  }
  const svc = ctx.jurisdictions();
  const modes = [values.count, values.search !== undefined, values.id !== undefined].filter(Boolean).length;
  if (modes !== 1)
    throw new UsageError(`give exactly one of --count, --search or --id; ${JURISDICTIONS_USAGE}`);
  if (values.count) {
    const c = svc.counts();
    ctx.out(
      values.json
        ? JSON.stringify(c)
        : Object.entries(c)
            .map(([k, v]) => `${k.padEnd(10)} ${v}`)
            .join('\n'),
    );
    return 0;
  }
  if (values.id !== undefined) {
    const e = svc.entry(values.id);
    ctx.out(
      values.json
        ? JSON.stringify(e, null, 2)
        : `${e.name} (${e.kind}${e.legalKind ? `, ${e.legalKind}` : ''})  ${e.id}`,
    );
    return 0;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  const hits = svc.search(values.search ?? '', {
    ...(values.state ? { state: values.state } : {}),
    ...(limit !== undefined ? { limit } : {}),
  });
  if (values.json) {
    ctx.out(
      JSON.stringify(
        hits.map((e) => ({
          id: e.id,
          name: e.name,
          kind: e.kind,
          state: e.state,
          population: e.population ?? null,
        })),
        null,
        2,
      ),
    );
  } else {
    for (const e of hits) ctx.out(`${e.kind.padEnd(9)} ${e.name.padEnd(36)} ${e.id}`);
    if (hits.length === 0) ctx.out(`no jurisdiction matches "${values.search}"`);
  }
  return 0;
}
