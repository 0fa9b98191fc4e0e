// Reads a ZIP (DOCX) central directory and checks declared and actual sizes before any parser touches it (zip bombs).
import { inflateRawSync } from 'node:zlib';
import { DomainError } from '../domain/shared/domain-error.ts';
import type { ExtractLimits } from './extract-options.ts';

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  readonly encrypted: boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Central directory entries, or `bad-input` for something that is not a readable ZIP. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength;
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1)
    throw new DomainError('bad-input', 'ZIP archive is damaged or truncated (no end of central directory)');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw new DomainError('bad-input', 'ZIP64 archives are not supported for DOCX');
  }
  if (offset + size > n)
    throw new DomainError(
      'bad-input',
      'ZIP archive is damaged or truncated (central directory out of range)',
    );
  const entries: ZipEntry[] = [];
  let p = offset;
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || view.getUint32(p, true) !== CENTRAL)
      throw new DomainError('bad-input', 'ZIP archive is damaged (bad central directory entry)');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.push({
      name,
      method,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      encrypted: (flags & 1) === 1,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's bytes inflated, refusing to produce more than `maxOutput` bytes whatever the header claims. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxOutput: number): Buffer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL) {
    throw new DomainError('bad-input', `ZIP entry ${entry.name} is damaged (bad local header)`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw new DomainError('bad-input', `ZIP entry ${entry.name} is truncated`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.byteLength > maxOutput)
      throw new DomainError('too-large', `ZIP entry ${entry.name} is too large`);
    return Buffer.from(data);
  }
  if (entry.method !== 8)
    throw new DomainError(
      'bad-input',
      `ZIP entry ${entry.name} uses unsupported compression method ${entry.method}`,
    );
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxOutput) });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger|maxOutputLength/i.test(String(e))) {
      throw new DomainError(
        'too-large',
        `ZIP entry ${entry.name} inflates beyond the allowed size (zip bomb?)`,
      );
    }
    throw new DomainError(
      'bad-input',
      `ZIP entry ${entry.name} is damaged (${(e as Error).message.split('\n')[0]})`,
    );
  }
}

/**
 * Checks a DOCX archive before mammoth reads it: entry count, declared total size, compression ratio, encryption,
 * and then the actual inflated size of every entry against the remaining budget (headers can lie).
 */
export function inspectDocxZip(bytes: Uint8Array, limits: ExtractLimits): ZipEntry[] {
  const entries = readZipDirectory(bytes);
  if (entries.length > limits.maxZipEntries) {
    throw new DomainError(
      'too-large',
      `DOCX has ${entries.length} ZIP entries (limit ${limits.maxZipEntries})`,
    );
  }
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new DomainError('bad-input', 'ZIP archive is not a Word document (no word/document.xml)');
  }
  let declared = 0;
  for (const e of entries) {
    if (e.encrypted) throw new DomainError('bad-input', 'DOCX is encrypted');
    declared += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > 1_000_000 && ratio > limits.maxCompressionRatio) {
      throw new DomainError('too-large', `DOCX entry ${e.name} expands ${Math.round(ratio)}:1 (zip bomb?)`, {
        ratio,
      });
    }
  }
  if (declared > limits.maxUnzippedBytes) {
    throw new DomainError(
      'too-large',
      `DOCX expands to ${declared} bytes (limit ${limits.maxUnzippedBytes})`,
    );
  }
  let budget = limits.maxUnzippedBytes;
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const out = readZipEntry(bytes, e, Math.min(budget, Math.max(e.uncompressedSize, 1) * 2 + 1024));
    if (out.byteLength !== e.uncompressedSize) {
      throw new DomainError('bad-input', `DOCX entry ${e.name} does not match its declared size`);
    }
    budget -= out.byteLength;
  }
  return entries;
}
