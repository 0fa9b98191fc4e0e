// Reviewing documents: bytes to text (the DocumentReader port, src/extract) to provisions and findings (domain).
import { reviewText } from '../../domain/review/review-text.ts';
import type { Provision, ReviewSummary } from '../../domain/review/provision.ts';
import { DomainError, isDomainError } from '../../domain/shared/domain-error.ts';

export type ReadDocument = {
  readonly format: string;
  readonly sha256: string;
  readonly text: string;
  readonly pages?: readonly {
    readonly page: number;
    readonly start: number;
    readonly end: number;
    readonly source?: string;
  }[];
  readonly warnings?: readonly string[];
};

/** Turns a file's bytes into text with locators; throws DomainError on unreadable or hostile input. */
export type DocumentReader = (bytes: Uint8Array, fileName: string) => Promise<ReadDocument>;

export type ReviewedDocument = {
  readonly file: string;
  readonly sha256: string;
  readonly format: string;
  readonly pages: ReadDocument['pages'];
  readonly warnings: readonly string[];
  readonly provisions: readonly Provision[];
  readonly summary: ReviewSummary;
};

export type ReviewFailure = { readonly file: string; readonly code: string; readonly error: string };

export function createReviewService(deps: { read: DocumentReader }) {
  return {
    async reviewOne(file: string, bytes: Uint8Array): Promise<ReviewedDocument> {
      const doc = await deps.read(bytes, file);
      const review = reviewText(doc.text);
      return {
        file,
        sha256: doc.sha256,
        format: doc.format,
        pages: doc.pages ?? [],
        warnings: doc.warnings ?? [],
        provisions: review.provisions,
        summary: review.summary,
      };
    },
    /** Reviews each file; a file that cannot be read is reported, not fatal to the others. */
    async reviewMany(
      files: readonly { file: string; bytes: () => Promise<Uint8Array> }[],
      onProgress?: (done: number, total: number, file: string) => void,
    ): Promise<{ documents: ReviewedDocument[]; errors: ReviewFailure[] }> {
      const documents: ReviewedDocument[] = [];
      const errors: ReviewFailure[] = [];
      let done = 0;
      for (const f of files) {
        try {
          documents.push(await this.reviewOne(f.file, await f.bytes()));
        } catch (e) {
          if (
            !isDomainError(e) &&
            !(e instanceof Error && 'code' in e && (e as NodeJS.ErrnoException).code === 'ENOENT')
          )
            throw e;
          errors.push({
            file: f.file,
            code: isDomainError(e) ? e.code : 'bad-input',
            error: (e as Error).message,
          });
        }
        onProgress?.(++done, files.length, f.file);
      }
      return { documents, errors };
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;

export const noDocuments = () => new DomainError('bad-input', 'no files to review');
