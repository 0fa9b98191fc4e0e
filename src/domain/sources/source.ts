// A source: the document a record rests on. Every record of law, campaign or money cites at least one.
import type { IsoDate, SourceId } from '../shared/brand.ts';

export type SourceKind =
  | 'statute'
  | 'court-order'
  | 'agency-letter'
  | 'press-release'
  | 'news'
  | 'report'
  | 'guidance'
  | 'executive-order'
  | 'brief';

export type Source = {
  readonly id: SourceId;
  readonly title: string;
  readonly kind: SourceKind;
  readonly publisher: string;
  readonly date: IsoDate | null;
  /** Formal citation where one exists (reporter cite, docket, Federal Register). */
  readonly citation?: string;
  readonly url?: string;
  readonly note?: string;
};
