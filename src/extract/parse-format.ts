// Dispatches bytes of a detected format to its parser; shared by the worker and the in-process path.
import { DomainError } from '../domain/shared/domain-error.ts';
import { decodeText } from './decode-text.ts';
import { extractDocx } from './extract-docx.ts';
import { extractHtml } from './extract-html.ts';
import type { DocumentFormat, ExtractLimits, ParsedText } from './extract-options.ts';
import { extractPdf } from './extract-pdf.ts';
import { ocrImage } from './ocr-image.ts';
import { readImageSize } from './read-image-size.ts';

export async function parseFormat(
  format: DocumentFormat,
  bytes: Uint8Array,
  limits: ExtractLimits,
): Promise<ParsedText> {
  switch (format) {
    case 'text': {
      const decoded = decodeText(bytes);
      return { text: decoded.text, encoding: decoded.encoding, warnings: [] };
    }
    case 'html':
      return extractHtml(bytes, limits);
    case 'docx':
      return extractDocx(bytes, limits);
    case 'pdf':
      return extractPdf(bytes, limits);
    case 'image': {
      const size = readImageSize(bytes);
      if (size.width * size.height > limits.maxImagePixels) {
        throw new DomainError(
          'too-large',
          `image is ${size.width}×${size.height} pixels (limit ${limits.maxImagePixels} pixels)`,
        );
      }
      if (!limits.ocr) return { text: '', warnings: ['OCR is switched off; the image was not read'] };
      const text = await ocrImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return {
        text: text.replace(/\r\n?/g, '\n').trim(),
        warnings: [`text read by OCR from a ${size.kind.toUpperCase()} image; check it against the image`],
      };
    }
  }
}
