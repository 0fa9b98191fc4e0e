// Limits and switches for document intake; every limit is configurable and has a safe default (hostile input, BRIEF C5).

/** The formats intake understands (BRIEF C5). */
export type DocumentFormat = 'pdf' | 'docx' | 'html' | 'text' | 'image';

export interface ExtractOptions {
  /** Largest input accepted, in bytes (default 50 MB). */
  readonly maxBytes?: number;
  /** Longest extracted text accepted, in characters (default 20 million). */
  readonly maxTextChars?: number;
  /** Wall-clock budget for one document, in milliseconds (default 120 s); the extraction is stopped when it runs out. */
  readonly timeBudgetMs?: number;
  /** Heap limit of the extraction worker, in MB (default 1024). */
  readonly maxMemoryMb?: number;
  /** Most PDF pages read (default 5000). */
  readonly maxPages?: number;
  /** Run OCR on scanned pages and images (default true). */
  readonly ocr?: boolean;
  /** Most pages OCR'd in one PDF (default 200); later pages without text are reported in warnings. */
  readonly maxOcrPages?: number;
  /** Largest image OCR'd, in pixels (default 50 megapixels). */
  readonly maxImagePixels?: number;
  /** DOCX: total uncompressed size (default 300 MB), entries (default 10 000), compression ratio (default 200). */
  readonly maxUnzippedBytes?: number;
  readonly maxZipEntries?: number;
  readonly maxCompressionRatio?: number;
  /** HTML: deepest element nesting accepted (default 1000). */
  readonly maxHtmlDepth?: number;
  /** Run format parsers in a worker thread that is stopped at the time budget and heap limit (default true). */
  readonly isolate?: boolean;
}

export type ExtractLimits = Required<ExtractOptions>;

export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxTextChars: 20_000_000,
  timeBudgetMs: 120_000,
  maxMemoryMb: 1024,
  maxPages: 5000,
  ocr: true,
  maxOcrPages: 200,
  maxImagePixels: 50_000_000,
  maxUnzippedBytes: 300 * 1024 * 1024,
  maxZipEntries: 10_000,
  maxCompressionRatio: 200,
  maxHtmlDepth: 1000,
  isolate: true,
};

export function resolveExtractOptions(options: ExtractOptions = {}): ExtractLimits {
  const limits = { ...DEFAULT_EXTRACT_LIMITS };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (limits as Record<string, unknown>)[key] = value;
  }
  return limits;
}

/** A stretch of the extracted text that came from one page (PDF), with how it was read. */
export interface PageLocator {
  readonly page: number;
  readonly start: number;
  readonly end: number;
  readonly source: 'text-layer' | 'ocr' | 'none';
}

export interface ExtractedDocument {
  readonly format: DocumentFormat;
  /** Hex SHA-256 of the input bytes: the document's content address. */
  readonly sha256: string;
  readonly text: string;
  /** PDF only: where each page's text sits in `text`. */
  readonly pages?: readonly PageLocator[];
  /** Text encoding found (plain text and HTML). */
  readonly encoding?: string;
  readonly warnings: readonly string[];
}

/** What a format parser returns before the common checks (size, readability). */
export interface ParsedText {
  readonly text: string;
  readonly pages?: readonly PageLocator[];
  readonly encoding?: string;
  readonly warnings: readonly string[];
}
