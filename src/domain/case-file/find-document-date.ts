// Reads a document's own date from its "Dated:" line, release header, byline, timestamp, dateline or letter date.
import type { IsoDate } from '../shared/brand.ts';
import type { Span } from './case-facts.ts';
import { findDates } from './find-dates.ts';

export type DocumentDate = { readonly date: IsoDate; readonly span: Span; readonly how: string };

// Label lines, strongest first. Each is anchored at a line start and reads one line.
const LABELLED: readonly { readonly how: string; readonly pattern: RegExp }[] = [
  {
    how: 'dated line',
    pattern:
      /^[ \t]*(?:Dated|DATED|Date|DATE|Entered|ENTERED|Signed|SIGNED|Date[ \t]+Filed|Filed|FILED|Decided|DECIDED|Issued|ISSUED)[ \t]*:?[ \t]+[^\n]{0,80}$/gm,
  },
  {
    how: 'release header',
    pattern:
      /^[ \t]*(?:FOR[ \t]+IMMEDIATE[ \t]+RELEASE|For[ \t]+Immediate[ \t]+Release)\b[^\n]{0,80}(?:\n[ \t]*[^\n]{0,80})?$/gm,
  },
  {
    how: 'timestamp',
    pattern: /^[ \t]*(?:Published|Posted|Originally[ \t]+published|First[ \t]+published)\b[^\n]{0,100}$/gim,
  },
  { how: 'byline', pattern: /^[ \t]*(?:By|BY)[ \t]+[A-Z][^\n]{0,120}$/gm },
  {
    how: 'dateline',
    pattern:
      /^[ \t]*[A-Z][A-Z .'-]{2,40}(?:,[ \t]*[A-Z][A-Za-z.]{1,12})?,?[ \t]*\(?[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4}\)?[^\n]{0,10}[—–-]/gm,
  },
  { how: 'timestamp', pattern: /^[ \t]*(?:Updated|Last[ \t]+updated)\b[^\n]{0,100}$/gim },
];
// A line that is only a date ("January 24, 2018"), as at the head of a letter.
const DATE_LINE = /^[ \t]*(?:[A-Z][a-z]+day,[ \t]+)?[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]+\d{4}[ \t]*$/gm;

/**
 * The document's date from its own text, or undefined. A "Dated:" line wins (court orders sign at the end), then a
 * release header, a publication timestamp, a byline, a dateline, a date standing alone on one of the first lines.
 * Only dates that carry their year count: the document's date is what relative dates are resolved against.
 */
export function findDocumentDate(text: string): DocumentDate | undefined {
  const head = text.length > 200_000 ? text.slice(0, 200_000) : text;
  for (const { how, pattern } of LABELLED) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(head); m; m = pattern.exec(head)) {
      const found = findDates(m[0], undefined).find((d) => d.precision === 'day');
      if (found) {
        const start = m.index + found.start;
        const end = m.index + found.end;
        return { date: found.date, span: { start, end, text: text.slice(start, end) }, how };
      }
    }
  }
  DATE_LINE.lastIndex = 0;
  const firstLines = head.slice(0, 1500);
  const m = DATE_LINE.exec(firstLines);
  if (m) {
    const found = findDates(m[0], undefined)[0];
    if (found) {
      const start = m.index + found.start;
      const end = m.index + found.end;
      return { date: found.date, span: { start, end, text: text.slice(start, end) }, how: 'letter date' };
    }
  }
  return undefined;
}
