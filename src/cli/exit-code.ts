// Maps errors to the exit codes of BRIEF §5: 0 success, 1 failure, 2 bad usage or bad input.
import { isDomainError } from '../domain/shared/domain-error.ts';
import { UsageError } from './cli-context.ts';

const BAD_INPUT = new Set([
  'bad-date',
  'bad-ocd-id',
  'unknown-jurisdiction',
  'unknown-requirement',
  'unknown-record',
  'bad-rule',
  'bad-input',
  'too-large',
]);

export function exitCodeOf(e: unknown): 1 | 2 {
  if (e instanceof UsageError) return 2;
  if (isDomainError(e) && BAD_INPUT.has(e.code)) return 2;
  return 1;
}

/** One line, no stack trace. */
export const oneLine = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim().slice(0, 500);
