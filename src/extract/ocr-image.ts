// OCR with tesseract.js using the English data shipped in @tesseract.js-data/eng; nothing is fetched (STACK.md).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker } from 'tesseract.js';
import type { Worker as TesseractWorker } from 'tesseract.js';
import { DomainError } from '../domain/shared/domain-error.ts';

const require = createRequire(import.meta.url);

/** The directory holding eng.traineddata.gz from the npm package; tesseract.js reads it from disk when given a path. */
export function englishDataPath(): string {
  return join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0');
}

/** One OCR engine for a batch of images (pages of one scanned PDF); `close` must be called. */
export interface OcrEngine {
  readonly recognize: (image: Buffer) => Promise<string>;
  readonly close: () => Promise<void>;
}

export async function openOcrEngine(): Promise<OcrEngine> {
  let worker: TesseractWorker;
  try {
    // OEM 1 = LSTM only. cacheMethod 'none' stops tesseract.js writing or reading a cache (and so trying a CDN).
    worker = await createWorker('eng', 1, {
      langPath: englishDataPath(),
      cacheMethod: 'none',
      gzip: true,
      logger: () => {},
      errorHandler: () => {},
    });
  } catch (e) {
    throw new DomainError(
      'bad-input',
      `OCR engine could not start: ${String((e as Error)?.message ?? e).split('\n')[0]}`,
    );
  }
  return {
    recognize: async (image: Buffer): Promise<string> => {
      try {
        const result = await worker.recognize(image);
        return result.data.text;
      } catch (e) {
        throw new DomainError(
          'bad-input',
          `image could not be read by OCR: ${String((e as Error)?.message ?? e).split('\n')[0]}`,
        );
      }
    },
    close: async () => {
      await worker.terminate();
    },
  };
}

/** OCRs one image file (PNG, JPEG, TIFF). */
export async function ocrImage(image: Buffer): Promise<string> {
  const engine = await openOcrEngine();
  try {
    return await engine.recognize(image);
  } finally {
    await engine.close();
  }
}
