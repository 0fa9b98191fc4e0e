// Refuses text the extractor must not read (too large, binary) before any heavy work is done.
import { DomainError } from '../shared/domain-error.ts';

/**
 * The largest text read, in UTF-16 code units. A long court opinion is a few hundred kilobytes; 2 M characters leave room
 * for a book-length record (about 1,000 pages) while keeping every scan within a few seconds.
 */
export const MAX_TEXT_LENGTH = 2_000_000;

// C0 controls other than tab, line feed, form feed and carriage return, DEL, and the replacement character that a
// wrong decoding leaves behind.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f\ufffd]/g;

/**
 * Throws `too-large` above `MAX_TEXT_LENGTH` (checked first, on the length alone) and `bad-input` for text that
 * looks binary: any NUL, or more than 1% control or replacement characters.
 */
export function checkInputText(text: string, name = 'document'): void {
  if (typeof text !== 'string') throw new DomainError('bad-input', `${name}: text must be a string`);
  if (text.length > MAX_TEXT_LENGTH) {
    throw new DomainError(
      'too-large',
      `${name} is ${text.length} characters; the extractor reads at most ${MAX_TEXT_LENGTH}`,
      { length: text.length, max: MAX_TEXT_LENGTH },
    );
  }
  if (text.includes('\u0000')) {
    throw new DomainError('bad-input', `${name} looks binary (it holds NUL characters), not text`);
  }
  let controls = 0;
  CONTROL.lastIndex = 0;
  while (CONTROL.exec(text) !== null) controls++;
  if (controls > 8 && controls > text.length / 100) {
    throw new DomainError(
      'bad-input',
      `${name} looks binary (${controls} control or undecodable characters), not text`,
      {
        controls,
      },
    );
  }
}
