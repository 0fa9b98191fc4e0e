// `accordance user add --email E --role admin|analyst|respondent|public [--jurisdiction OCDID] --password-stdin`.
import { parseArgs } from 'node:util';
import { UsageError, type CliContext } from './cli-context.ts';

export const USER_USAGE =
  'usage: accordance user add --email EMAIL --role admin|analyst|respondent|public [--jurisdiction OCDID] --password-stdin';

export async function userCommand(args: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        role: { type: 'string' },
        jurisdiction: { type: 'string' },
        'password-stdin': { type: 'boolean', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}; ${USER_USAGE}`);
  }
  const v = parsed.values;
  if (parsed.positionals[0] !== 'add' || !v.email || !v.role) throw new UsageError(USER_USAGE);
  // Passwords never travel on the command line, where other users of the machine could read them.
  if (!v['password-stdin'])
    throw new UsageError(`give the password on standard input with --password-stdin; ${USER_USAGE}`);
  const password = (await ctx.stdin()).replace(/\r?\n$/, '');
  const { auth } = await ctx.local();
  const user = await auth.createUser('bootstrap', {
    email: v.email,
    role: v.role,
    password,
    ...(v.jurisdiction ? { jurisdiction: v.jurisdiction } : {}),
  });
  ctx.out(JSON.stringify(user));
  return 0;
}
