// Decides a document's format from its first bytes, using the file name only when the bytes say nothing (BRIEF C5).
import { DomainError } from '../domain/shared/domain-error.ts';
import type { DocumentFormat } from './extract-options.ts';

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0): boolean =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

const ascii = (bytes: Uint8Array, from: number, to: number): string => {
  let s = '';
  for (let i = from; i < Math.min(to, bytes.length); i++) s += String.fromCharCode(bytes[i]!);
  return s;
};

/** Finds "%PDF-" in the first KB (some producers put junk before the header). */
export function findPdfHeader(bytes: Uint8Array): number {
  const head = ascii(bytes, 0, 1024);
  return head.indexOf('%PDF-');
}

const extensionOf = (fileName: string): string => {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
};

const BINARY_EXTENSIONS: Record<string, string> = {
  pdf: 'a PDF (no %PDF header)',
  docx: 'a DOCX (not a ZIP archive)',
  png: 'a PNG image',
  jpg: 'a JPEG image',
  jpeg: 'a JPEG image',
  tif: 'a TIFF image',
  tiff: 'a TIFF image',
};

/**
 * Magic bytes first: %PDF, ZIP (DOCX), PNG, JPEG, TIFF; then HTML by its opening tags; then the extension. Known
 * formats intake does not read (legacy .doc, RTF, GIF, ...) and a binary extension on text-like bytes are `bad-input`.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): DocumentFormat {
  if (bytes.length === 0) throw new DomainError('bad-input', `${fileName}: the file is empty`);
  if (findPdfHeader(bytes) !== -1) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return 'docx';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'image';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new DomainError(
      'bad-input',
      `${fileName}: legacy Word (.doc) or encrypted Office files are not supported; save it as DOCX or PDF`,
    );
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) {
    throw new DomainError('bad-input', `${fileName}: RTF is not supported; save it as DOCX or PDF`);
  }
  if (
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(bytes, [0x42, 0x4d]) ||
    ascii(bytes, 8, 12) === 'WEBP'
  ) {
    throw new DomainError('bad-input', `${fileName}: only PNG, JPEG and TIFF images can be read`);
  }
  if (startsWith(bytes, [0x1f, 0x8b]))
    throw new DomainError('bad-input', `${fileName}: compressed (gzip) files are not supported`);
  const ext = extensionOf(fileName);
  const sniff = looksLikeHtml(bytes);
  if (sniff) return 'html';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  const claimed = BINARY_EXTENSIONS[ext];
  if (claimed)
    throw new DomainError(
      'bad-input',
      `${fileName}: the file is named .${ext} but its content is not ${claimed}`,
    );
  return 'text';
}

/** HTML by content: a doctype or an html/head/body tag near the start (after a BOM or whitespace, in UTF-8 or UTF-16). */
function looksLikeHtml(bytes: Uint8Array): boolean {
  let head = '';
  // UTF-16 text has NULs between ASCII letters; drop them for the sniff.
  for (let i = 0; i < Math.min(bytes.length, 2048); i++)
    if (bytes[i] !== 0) head += String.fromCharCode(bytes[i]!);
  head = head.replace(/^[\s\u00ef\u00bb\u00bf\u00fe\u00ff]+/, '').toLowerCase();
  if (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    head.startsWith('<head') ||
    head.startsWith('<body')
  )
    return true;
  if (head.startsWith('<?xml') && head.includes('<html')) return true;
  if (head.startsWith('<!--') && /<html[\s>]/.test(head)) return true;
  return false;
}
