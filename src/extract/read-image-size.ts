// Reads the pixel size of a PNG, JPEG or TIFF from its header, so huge images are refused before decoding.
import { DomainError } from '../domain/shared/domain-error.ts';

export interface ImageSize {
  readonly kind: 'png' | 'jpeg' | 'tiff';
  readonly width: number;
  readonly height: number;
}

function pngSize(v: DataView): ImageSize {
  if (v.byteLength < 24) throw new DomainError('bad-input', 'PNG is truncated');
  return { kind: 'png', width: v.getUint32(16), height: v.getUint32(20) };
}

function jpegSize(v: DataView): ImageSize {
  let p = 2;
  while (p + 9 < v.byteLength) {
    if (v.getUint8(p) !== 0xff) {
      p++;
      continue;
    }
    const marker = v.getUint8(p + 1);
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      p += 2;
      continue;
    }
    const length = v.getUint16(p + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { kind: 'jpeg', height: v.getUint16(p + 5), width: v.getUint16(p + 7) };
    }
    p += 2 + length;
  }
  throw new DomainError('bad-input', 'JPEG has no frame header (damaged or truncated)');
}

function tiffSize(v: DataView): ImageSize {
  const little = v.getUint8(0) === 0x49;
  const ifd = v.getUint32(4, little);
  if (ifd + 2 > v.byteLength) throw new DomainError('bad-input', 'TIFF is truncated');
  const count = v.getUint16(ifd, little);
  let width = 0;
  let height = 0;
  for (let k = 0; k < count; k++) {
    const e = ifd + 2 + k * 12;
    if (e + 12 > v.byteLength) break;
    const tag = v.getUint16(e, little);
    const type = v.getUint16(e + 2, little);
    const value = type === 3 ? v.getUint16(e + 8, little) : v.getUint32(e + 8, little);
    if (tag === 256) width = value;
    if (tag === 257) height = value;
  }
  if (!width || !height) throw new DomainError('bad-input', 'TIFF has no image size (damaged)');
  return { kind: 'tiff', width, height };
}

export function readImageSize(bytes: Uint8Array): ImageSize {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return pngSize(v);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(v);
  if ((bytes[0] === 0x49 && bytes[1] === 0x49) || (bytes[0] === 0x4d && bytes[1] === 0x4d))
    return tiffSize(v);
  throw new DomainError('bad-input', 'not a PNG, JPEG or TIFF image');
}
