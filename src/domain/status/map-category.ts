// One colour per jurisdiction for the map and exports: the most pressing thing about it on the date.
import type { JurisdictionStatus } from './compute-status.ts';

export const MAP_CATEGORIES = [
  'in-litigation',
  'overdue',
  'request-open',
  'responded',
  'preliminary-finding',
  'cleared',
  'targeted',
] as const;
export type MapCategory = (typeof MAP_CATEGORIES)[number];

export const MAP_CATEGORY_LABELS: Record<MapCategory, string> = {
  'in-litigation': 'In litigation (a court order protects it)',
  overdue: 'Request overdue, no response on record',
  'request-open': 'Request open',
  responded: 'Responded',
  'preliminary-finding': 'Preliminary finding of possible violation',
  cleared: 'Cleared',
  targeted: 'Targeted',
};

/**
 * Order of precedence: a clearance settles the matter; otherwise a court order naming the jurisdiction, then
 * what needs action (overdue, open), then what was answered, then the agency's finding.
 */
export function mapCategory(
  j: Pick<JurisdictionStatus, 'requests' | 'determination'>,
  isPlaintiff: boolean,
): MapCategory {
  const states = new Set(j.requests.map((r) => r.state));
  if (j.determination?.kind === 'cleared' && !states.has('open') && !states.has('overdue')) return 'cleared';
  if (isPlaintiff) return 'in-litigation';
  if (states.has('overdue')) return 'overdue';
  if (states.has('open')) return 'request-open';
  if (states.has('responded')) return 'responded';
  if (j.determination?.kind === 'possible-violation') return 'preliminary-finding';
  if (j.determination?.kind === 'cleared') return 'cleared';
  return 'targeted';
}
