// `accordance escalate --jurisdiction OCDID --step STEP --as-of D [--dry-run] [--authorized-by NAME] [--json]`.
import { parseArgs } from 'node:util';
import { UsageError, type CliContext } from './cli-context.ts';
import { ESCALATION_STEPS } from '../domain/escalation/escalation-step.ts';

export const ESCALATE_USAGE = `usage: accordance escalate --jurisdiction OCDID --step ${ESCALATION_STEPS.join('|')} --as-of YYYY-MM-DD [--dry-run] [--authorized-by NAME] [--json]`;

export async function escalateCommand(args: string[], ctx: CliContext): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        jurisdiction: { type: 'string' },
        step: { type: 'string' },
        'as-of': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'authorized-by': { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}; ${ESCALATE_USAGE}`);
  }
  if (!values.jurisdiction || !values.step || !values['as-of']) {
    throw new UsageError(`--jurisdiction, --step and --as-of are required; ${ESCALATE_USAGE}`);
  }
  const { campaign, operator } = await ctx.local();
  const d = await campaign.escalate(operator, {
    jurisdiction: values.jurisdiction,
    step: values.step,
    asOf: values['as-of'],
    isDryRun: values['dry-run'],
    ...(values['authorized-by'] ? { authorizedBy: values['authorized-by'] } : {}),
  });
  if (values.json) {
    ctx.out(
      JSON.stringify(
        {
          allowed: d.allowed,
          reasons: d.reasons,
          blockedBy: d.blockedBy,
          checks: d.checks,
          recorded: d.recorded,
        },
        null,
        2,
      ),
    );
  } else {
    for (const r of d.reasons) ctx.out(r);
    if (d.recorded) ctx.out(`recorded as ${d.recorded}`);
  }
  // A refused step is an answer, not a failure of the command.
  return 0;
}
