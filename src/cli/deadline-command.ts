// `accordance deadline --from D --rule "30 calendar days" [--json]`: a due date and its trace.
import { parseArgs } from 'node:util';
import { UsageError, type CliIo } from './cli-context.ts';
import { computeDeadline } from '../domain/deadlines/compute-deadline.ts';
import { parseDeadlineRule } from '../domain/deadlines/deadline-rule.ts';
import { parseIsoDate } from '../domain/shared/iso-date.ts';

export const DEADLINE_USAGE =
  'usage: accordance deadline --from YYYY-MM-DD --rule "30 calendar days"|"15 business days"|"by YYYY-MM-DD" [--json]';

export async function deadlineCommand(args: string[], ctx: CliIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        from: { type: 'string' },
        rule: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}; ${DEADLINE_USAGE}`);
  }
  if (!values.from || !values.rule) throw new UsageError(`--from and --rule are required; ${DEADLINE_USAGE}`);
  const d = computeDeadline(parseIsoDate(values.from, '--from date'), parseDeadlineRule(values.rule));
  if (values.json) {
    ctx.out(
      JSON.stringify(
        { due: d.due, trace: d.trace, trigger: d.trigger, rule: d.ruleText, ruleVersion: d.ruleVersion },
        null,
        2,
      ),
    );
  } else {
    ctx.out(`due ${d.due} (${d.ruleText} from ${d.trigger})`);
    for (const t of d.trace) ctx.out(`  ${t.date}  ${t.note}`);
  }
  return 0;
}
