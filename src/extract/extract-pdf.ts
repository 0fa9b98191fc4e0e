// PDF to text with page locators: unpdf's text layer, and OCR (tesseract.js) for pages that have no text layer.
import { getDocumentProxy, getResolvedPDFJS, renderPageAsImage } from 'unpdf';
import { DomainError } from '../domain/shared/domain-error.ts';
import { findPdfHeader } from './detect-format.ts';
import { encodePng } from './encode-png.ts';
import type { ExtractLimits, PageLocator, ParsedText } from './extract-options.ts';
import { openOcrEngine } from './ocr-image.ts';
import type { OcrEngine } from './ocr-image.ts';

/** A page with fewer visible characters than this is treated as scanned (no usable text layer). */
const MIN_TEXT_CHARS = 16;

interface TextItemLike {
  readonly str?: string;
  readonly hasEOL?: boolean;
}

interface PdfPageLike {
  getTextContent(): Promise<{ items: readonly unknown[] }>;
  getOperatorList(): Promise<{ fnArray: readonly number[]; argsArray: readonly unknown[][] }>;
  readonly objs: { get(id: string, callback: (value: unknown) => void): unknown };
  readonly commonObjs: { get(id: string, callback: (value: unknown) => void): unknown };
  cleanup(): unknown;
}

interface PdfImageLike {
  readonly width: number;
  readonly height: number;
  readonly kind?: number;
  readonly data?: Uint8Array | Uint8ClampedArray;
}

const visibleChars = (s: string): number => s.replace(/\s+/g, '').length;

/** Checks that the file looks complete before pdf.js tries to repair it: a truncated upload must be sent again. */
function assertComplete(bytes: Uint8Array): void {
  if (findPdfHeader(bytes) === -1) throw new DomainError('bad-input', 'not a PDF (no %PDF header)');
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .subarray(Math.max(0, bytes.byteLength - 2048))
    .toString('latin1');
  if (!tail.includes('%%EOF'))
    throw new DomainError('bad-input', 'PDF is truncated (no %%EOF marker at the end)');
}

/** Turns pdf.js's decoded image into 8-bit gray, RGB or RGBA pixels for the PNG encoder. */
function toPixels(img: PdfImageLike): { data: Uint8Array; channels: 1 | 3 | 4 } | null {
  const { width, height, data } = img;
  if (!data || !width || !height) return null;
  const count = width * height;
  if (data.length === count * 4)
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), channels: 4 };
  if (data.length === count * 3)
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), channels: 3 };
  if (data.length === count)
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), channels: 1 };
  const stride = Math.ceil(width / 8);
  if (data.length === stride * height) {
    // 1 bit per pixel: unpack, and invert if the page comes out mostly dark (OCR wants dark text on light ground).
    const out = new Uint8Array(count);
    let sum = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const bit = (data[y * stride + (x >> 3)]! >> (7 - (x & 7))) & 1;
        const v = bit ? 255 : 0;
        out[y * width + x] = v;
        sum += v;
      }
    }
    if (sum / count < 128) for (let i = 0; i < count; i++) out[i] = 255 - out[i]!;
    return { data: out, channels: 1 };
  }
  return null;
}

/** The largest image painted on the page, as a PNG, for OCR of a scanned page without a canvas renderer. */
async function largestPageImage(page: PdfPageLike, maxPixels: number): Promise<Buffer | null> {
  const { OPS } = await getResolvedPDFJS();
  const ops = await page.getOperatorList();
  let best: PdfImageLike | null = null;
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
    const key = ops.argsArray[i]![0] as string;
    const store = key.startsWith('g_') ? page.commonObjs : page.objs;
    const img = await new Promise<PdfImageLike | null>((resolve) => {
      try {
        store.get(key, (v) => resolve((v as PdfImageLike) ?? null));
      } catch {
        resolve(null);
      }
    });
    if (img && img.width * img.height > (best ? best.width * best.height : 0)) best = img;
  }
  if (!best) return null;
  if (best.width * best.height > maxPixels)
    throw new DomainError('too-large', `a scanned page image has ${best.width}×${best.height} pixels`);
  const px = toPixels(best);
  return px ? encodePng(px.data, best.width, best.height, px.channels) : null;
}

/** Optional renderer: @napi-rs/canvas is not a dependency; when it is installed, pages are rendered at 2x for OCR. */
let canvasModule: Promise<unknown> | null = null;
async function renderPage(pdf: Parameters<typeof renderPageAsImage>[0], n: number): Promise<Buffer | null> {
  const name = '@napi-rs/canvas';
  canvasModule ??= import(name).catch(() => null);
  const canvas = await canvasModule;
  if (!canvas) return null;
  try {
    const png = await renderPageAsImage(pdf, n, {
      canvasImport: () => Promise.resolve(canvas as never),
      scale: 2,
    });
    return Buffer.from(png);
  } catch {
    return null;
  }
}

export async function extractPdf(bytes: Uint8Array, limits: ExtractLimits): Promise<ParsedText> {
  assertComplete(bytes);
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given, so it gets a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    if (name === 'PasswordException') throw new DomainError('bad-input', 'PDF is password-protected');
    throw new DomainError(
      'bad-input',
      `PDF could not be read: ${String((e as Error)?.message ?? e).split('\n')[0]}`,
    );
  }
  const warnings: string[] = [];
  const pages: PageLocator[] = [];
  const parts: string[] = [];
  let length = 0;
  let engine: OcrEngine | null = null;
  let ocrPages = 0;
  const scannedWithoutOcr: number[] = [];
  try {
    if (pdf.numPages > limits.maxPages) {
      throw new DomainError('too-large', `PDF has ${pdf.numPages} pages (limit ${limits.maxPages})`, {
        pages: pdf.numPages,
      });
    }
    for (let n = 1; n <= pdf.numPages; n++) {
      let pageText = '';
      let source: PageLocator['source'] = 'text-layer';
      let page: PdfPageLike;
      try {
        page = (await pdf.getPage(n)) as unknown as PdfPageLike;
        const content = await page.getTextContent();
        pageText = (content.items as TextItemLike[])
          .filter((item) => typeof item.str === 'string')
          .map((item) => item.str! + (item.hasEOL ? '\n' : ''))
          .join('');
      } catch (e) {
        if (e instanceof DomainError) throw e;
        warnings.push(
          `page ${n}: text layer could not be read (${String((e as Error)?.message ?? e).split('\n')[0]})`,
        );
        pages.push({ page: n, start: length, end: length, source: 'none' });
        continue;
      }
      if (visibleChars(pageText) < MIN_TEXT_CHARS) {
        if (limits.ocr && ocrPages < limits.maxOcrPages) {
          const image = (await renderPage(pdf, n)) ?? (await largestPageImage(page, limits.maxImagePixels));
          if (image) {
            engine ??= await openOcrEngine();
            pageText = await engine.recognize(image);
            source = 'ocr';
            ocrPages++;
          } else if (visibleChars(pageText) === 0) {
            source = 'none';
            warnings.push(`page ${n}: no text layer and no page image to OCR`);
          }
        } else if (visibleChars(pageText) === 0) {
          source = 'none';
          scannedWithoutOcr.push(n);
        }
      }
      page.cleanup();
      const normalised = pageText
        .replace(/\r\n?/g, '\n')
        .replace(/[ \t]+\n/g, '\n')
        .trim();
      if (parts.length > 0) {
        parts.push('\n\n');
        length += 2;
      }
      parts.push(normalised);
      pages.push({ page: n, start: length, end: length + normalised.length, source });
      length += normalised.length;
      if (length > limits.maxTextChars) {
        throw new DomainError('too-large', `PDF text is longer than ${limits.maxTextChars} characters`);
      }
    }
  } finally {
    if (engine) await engine.close();
    await pdf.destroy();
  }
  if (ocrPages > 0)
    warnings.push(`OCR used on ${ocrPages} page(s) without a text layer; check the text against the scan`);
  if (scannedWithoutOcr.length > 0) {
    warnings.push(
      `pages without a text layer were not OCR'd: ${scannedWithoutOcr.slice(0, 20).join(', ')}${scannedWithoutOcr.length > 20 ? ', ...' : ''}`,
    );
  }
  return { text: parts.join(''), pages, warnings };
}
