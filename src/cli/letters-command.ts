// `accordance letters --wave ID [--out DIR] [--verbose]`: generate, store and record every letter of a wave.
import { parseArgs } from 'node:util';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError, type CliContext } from './cli-context.ts';
import type { LetterBatch } from '../app/campaign/campaign-service.ts';
import type { Actor } from '../domain/access/authorize.ts';
import { progressBar } from './progress-bar.ts';

export const LETTERS_USAGE = 'usage: accordance letters --wave WAVE-ID [--out DIR] [--verbose]';

export async function lettersCommand(
  args: string[],
  ctx: CliContext & { letterBatch(): Promise<{ batch: LetterBatch; operator: Actor }> },
): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        wave: { type: 'string' },
        out: { type: 'string' },
        verbose: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}; ${LETTERS_USAGE}`);
  }
  if (!values.wave) throw new UsageError(`--wave is required; ${LETTERS_USAGE}`);
  const { batch, operator } = await ctx.letterBatch();
  if (values.out) await mkdir(values.out, { recursive: true });
  let n = 0;
  const bar = progressBar('letters', 1);
  const result = await batch(operator, values.wave, async (l) => {
    if (values.out) await writeFile(join(values.out, l.fileName), l.pdf);
    // Printed after the letter's transaction committed: an acknowledgement.
    if (values.verbose)
      ctx.out(`letter ${l.sha256} ${l.jurisdiction}${l.isNew ? '' : ' (already recorded)'}`);
    bar.update(++n, l.jurisdiction);
  });
  bar.done(`${result.made} new of ${result.letters} letters for ${result.wave}`);
  return 0;
}
