// Rejects "text" that is really binary junk, and normalises line ends and stray NULs in text that is fine.
import { DomainError } from '../domain/shared/domain-error.ts';
import type { ExtractLimits } from './extract-options.ts';

/** Share of control and replacement characters above which a decoded text is taken to be binary data. */
const MAX_JUNK_SHARE = 0.05;

/**
 * Normalises line ends (CRLF and CR to LF; callers with page offsets normalise first) and checks the text: over `maxTextChars` is `too-large`; mostly control
 * characters (random bytes, a binary file with a .txt name) is `bad-input`. Returns the normalised text.
 */
export function assertReadableText(
  raw: string,
  limits: Pick<ExtractLimits, 'maxTextChars'>,
  what: string,
): string {
  if (raw.length > limits.maxTextChars) {
    throw new DomainError(
      'too-large',
      `${what}: extracted text is longer than ${limits.maxTextChars} characters`,
      {
        chars: raw.length,
      },
    );
  }
  const text = raw.indexOf('\r') === -1 ? raw : raw.replace(/\r\n?/g, '\n');
  let junk = 0;
  let counted = 0;
  const sample = Math.min(text.length, 1_000_000);
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 9 || c === 12 || c === 32) continue;
    counted++;
    if (c < 32 || (c >= 127 && c < 160) || c === 0xfffd) junk++;
  }
  if (counted > 0 && junk / counted > MAX_JUNK_SHARE) {
    throw new DomainError('bad-input', `${what}: content is binary data, not readable text`, {
      junkShare: Number((junk / counted).toFixed(3)),
    });
  }
  // A stray NUL becomes a space, so offsets into the text stay valid.
  return junk > 0 ? text.replace(/\u0000/g, ' ') : text;
}
