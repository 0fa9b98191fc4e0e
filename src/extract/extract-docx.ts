// DOCX to text with mammoth's raw-text reader, after the archive has passed the zip-bomb checks.
import mammoth from 'mammoth';
import { inspectDocxZip } from './inspect-docx-zip.ts';
import type { ExtractLimits, ParsedText } from './extract-options.ts';

export async function extractDocx(bytes: Uint8Array, limits: ExtractLimits): Promise<ParsedText> {
  inspectDocxZip(bytes, limits);
  const result = await mammoth.extractRawText({
    buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  });
  const warnings = result.messages
    .filter((m) => m.type === 'warning' || m.type === 'error')
    .slice(0, 20)
    .map((m) => `docx: ${m.message}`);
  const text = result.value
    .replace(/\r\n?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, warnings };
}
