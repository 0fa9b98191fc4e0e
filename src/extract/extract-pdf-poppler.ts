// Fast path for PDF text layers: poppler's `pdftotext` (Debian poppler-utils) in a child process, killed at the
// time budget, output bounded. Returns null whenever the pdf.js path should decide instead (no pdftotext, an
// incomplete file, a page without a text layer that needs OCR, or any poppler error), so behaviour stays the same.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '../domain/shared/domain-error.ts';
import type { ExtractLimits, PageLocator, ParsedText } from './extract-options.ts';

let available: boolean | undefined;
/** Whether pdftotext can be run here; `ACCORDANCE_PDFTOTEXT=0` turns the fast path off. */
export function hasPdftotext(): boolean {
  if (process.env.ACCORDANCE_PDFTOTEXT === '0') return false;
  available ??= spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
  return available;
}

const endsLikePdf = (bytes: Uint8Array) =>
  Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).includes('%%EOF');

export async function extractPdfWithPoppler(
  bytes: Uint8Array,
  fileName: string,
  limits: ExtractLimits,
): Promise<ParsedText | null> {
  if (!hasPdftotext() || !endsLikePdf(bytes)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'accordance-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, bytes);
    const out = await new Promise<string | null>((resolve, reject) => {
      execFile(
        'pdftotext',
        ['-enc', 'UTF-8', '-l', String(limits.maxPages), file, '-'],
        {
          timeout: limits.timeBudgetMs,
          maxBuffer: limits.maxTextChars * 4,
          encoding: 'utf8',
          killSignal: 'SIGKILL',
        },
        (err, stdout) => {
          if (!err) return resolve(stdout);
          if ((err as { killed?: boolean }).killed) {
            return reject(
              new DomainError(
                'too-large',
                `${fileName}: reading the PDF took longer than ${limits.timeBudgetMs} ms`,
              ),
            );
          }
          if ((err as { code?: string }).code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
            return reject(
              new DomainError(
                'too-large',
                `${fileName}: the PDF's text is longer than ${limits.maxTextChars} characters`,
              ),
            );
          }
          resolve(null); // let pdf.js explain what is wrong with the file
        },
      );
    });
    if (out === null) return null;
    // pdftotext ends every page with a form feed.
    const raw = out.endsWith('\f') ? out.slice(0, -1) : out;
    const chunks = raw.split('\f');
    if (chunks.some((c) => c.trim() === '') && limits.ocr) return null; // a scanned page: the OCR path handles it
    const pages: PageLocator[] = [];
    let text = '';
    chunks.forEach((chunk, i) => {
      if (i > 0) text += '\n\n';
      const start = text.length;
      text += chunk.replace(/\s+$/, '');
      pages.push({ page: i + 1, start, end: text.length, source: 'text-layer' });
    });
    return { text, pages, warnings: [] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
