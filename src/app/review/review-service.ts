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

export type ReviewOutcome =
  | { readonly ok: true; readonly document: ReviewedDocument }
  | { readonly ok: false; readonly failure: ReviewFailure };

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
    /**
     * Reviews one file whose bytes may fail to load: unreadable or hostile input (and a file that has gone) becomes a
     * failure to report; anything else is a fault and is thrown.
     */
    async tryReviewOne(file: string, bytes: () => Promise<Uint8Array>): Promise<ReviewOutcome> {
      try {
        return { ok: true, document: await this.reviewOne(file, await bytes()) };
      } catch (e) {
        if (
          !isDomainError(e) &&
          !(e instanceof Error && 'code' in e && (e as NodeJS.ErrnoException).code === 'ENOENT')
        )
          throw e;
        return {
          ok: false,
          failure: { file, code: isDomainError(e) ? e.code : 'bad-input', error: (e as Error).message },
        };
      }
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;

export const noDocuments = () => new DomainError('bad-input', 'no files to review');
