// Decodes plain-text bytes in any common encoding (UTF-8 with or without BOM, UTF-16 LE/BE, Windows-1252, ...).
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  readonly text: string;
  readonly encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Guesses BOM-less UTF-16 from the NULs that ASCII characters leave in every other byte. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.3 && evenZero / pairs < 0.05) return 'utf-16le';
  if (evenZero / pairs > 0.3 && oddZero / pairs < 0.05) return 'utf-16be';
  return null;
}

/** Maps chardet's names to iconv-lite's; Latin-1 guesses become Windows-1252, its superset in practice. */
function normaliseEncoding(name: string): string {
  const n = name.toLowerCase();
  if (n === 'iso-8859-1' || n === 'ascii' || n === 'us-ascii') return 'windows-1252';
  return n;
}

/**
 * A byte-order mark decides; otherwise UTF-16 by its NUL pattern, then strict UTF-8, then chardet's guess, and
 * Windows-1252 when nothing better is known. The BOM is not part of the text.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: iconv.decode(buf.subarray(3), 'utf-8'), encoding: 'utf-8 (BOM)' };
  }
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0) {
    return { text: iconv.decode(buf.subarray(4), 'utf-32le'), encoding: 'utf-32le (BOM)' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
    return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le (BOM)' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff)
    return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be (BOM)' };
  const utf16 = sniffUtf16(buf);
  if (utf16) return { text: iconv.decode(buf, utf16), encoding: utf16 };
  try {
    return { text: utf8.decode(buf), encoding: 'utf-8' };
  } catch {
    // not UTF-8: guess below
  }
  const guess = chardet.detect(buf.subarray(0, 65536));
  const encoding = guess ? normaliseEncoding(guess) : 'windows-1252';
  if (encoding !== 'utf-8' && iconv.encodingExists(encoding))
    return { text: iconv.decode(buf, encoding), encoding };
  return { text: iconv.decode(buf, 'windows-1252'), encoding: 'windows-1252' };
}
