// Read models for the web app: a jurisdiction's dossier and the campaign board, as of a date.
import type { Clock } from '../ports/clock.ts';
import type { Stores } from '../ports/stores.ts';
import type { StatusService } from '../status/status-service.ts';
import type { JurisdictionService } from '../jurisdictions/jurisdiction-service.ts';
import type { IsoDate } from '../../domain/shared/brand.ts';
import { parseIsoDate } from '../../domain/shared/iso-date.ts';
import { jurisdictionDossier, type Dossier } from '../../domain/status/jurisdiction-dossier.ts';
import { campaignBoard, type BoardWave } from '../../domain/campaign/campaign-board.ts';
import type { RegistryEntry } from '../../domain/registry/registry-entry.ts';
import type { Source } from '../../domain/sources/source.ts';
import { createRevisionMemo } from '../shared/revision-memo.ts';

export type DateQuery = { readonly asOf?: string | undefined; readonly knownAt?: string | undefined };

export type JurisdictionPage = {
  readonly asOf: IsoDate;
  readonly knownAt: IsoDate | null;
  readonly entry: RegistryEntry;
  /** Null when the campaign record holds nothing about this jurisdiction. */
  readonly dossier: Dossier | null;
  /** What ingested articles, letters and orders say about it: events and attributed claims, with their spans. */
  readonly record: readonly PublicRecordItem[];
};

export type PublicRecordItem = {
  readonly document: string;
  readonly sha256: string;
  readonly documentDate: string | null;
  readonly kind: 'event' | 'claim';
  readonly type: string;
  readonly date: string | null;
  readonly text: string;
  readonly spans: readonly { start: number; end: number; text: string }[];
};

type FactsShape = {
  date?: { date?: string } | string | null;
  jurisdictions?: { id: string }[];
  events?: {
    type: string;
    date?: string | null;
    jurisdictions?: string[];
    sources?: { start: number; end: number; text: string }[];
  }[];
  claims?: {
    speaker?: string | null;
    role?: string;
    text?: string;
    date?: string;
    span?: { start: number; end: number; text: string };
  }[];
};

/** Events and claims of ingested documents that name this jurisdiction. Claims stay claims (BRIEF §2.7). */
export function publicRecordFor(
  id: string,
  docs: readonly { sha256: string; fileName: string; facts: unknown }[],
): PublicRecordItem[] {
  const out: PublicRecordItem[] = [];
  for (const d of docs) {
    const f = d.facts as FactsShape | null;
    if (!f || !f.jurisdictions?.some((j) => j.id === id)) continue;
    const documentDate = typeof f.date === 'string' ? f.date : (f.date?.date ?? null);
    for (const e of f.events ?? []) {
      if (!(e.jurisdictions ?? []).includes(id)) continue;
      const spans = (e.sources ?? []).map((s) => ({ start: s.start, end: s.end, text: s.text }));
      out.push({
        document: d.fileName,
        sha256: d.sha256,
        documentDate,
        kind: 'event',
        type: e.type,
        date: e.date ?? null,
        text: spans[0]?.text ?? e.type,
        spans,
      });
    }
    for (const c of f.claims ?? []) {
      // A claim in a document that names this jurisdiction, kept as the speaker's words, never as a fact.
      out.push({
        document: d.fileName,
        sha256: d.sha256,
        documentDate,
        kind: 'claim',
        type: `claim by ${c.speaker ?? 'unnamed speaker'}${c.role ? `, ${c.role}` : ''}`,
        date: c.date ?? documentDate,
        text: c.text ?? '',
        spans: c.span ? [c.span] : [],
      });
    }
  }
  return out.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

export type CampaignViews = {
  jurisdiction(id: string, q: DateQuery): Promise<JurisdictionPage>;
  board(q: DateQuery): Promise<{ asOf: IsoDate; knownAt: IsoDate | null; waves: BoardWave[] }>;
  sources(): Promise<Source[]>;
};

export function createCampaignViews(deps: {
  stores: Stores;
  clock: Clock;
  status: StatusService;
  jurisdictions: JurisdictionService;
  /** Ingested documents with their facts (most recent first). */
  documents?: () => Promise<readonly { sha256: string; fileName: string; facts: unknown }[]>;
}): CampaignViews {
  // Sources, pages and boards are answered once per store revision and question (the web app asks again on every
  // slider move).
  const revision = () => deps.stores.records.revision();
  const sourceList = createRevisionMemo<Source[]>(revision, 1);
  const sources = () => sourceList.get('all', () => deps.stores.records.sources());
  const pages = createRevisionMemo<JurisdictionPage>(revision);
  const boards = createRevisionMemo<{ asOf: IsoDate; knownAt: IsoDate | null; waves: BoardWave[] }>(revision);
  const dates = (q: DateQuery) => ({
    asOf: q.asOf ? parseIsoDate(q.asOf, 'as-of date') : deps.clock.today(),
    knownAt: q.knownAt ? parseIsoDate(q.knownAt, 'known-at date') : undefined,
  });
  return {
    sources,
    async jurisdiction(id, q) {
      const { asOf, knownAt } = dates(q);
      const entry = deps.jurisdictions.entry(id);
      return pages.get(`${entry.id}|${asOf}|${knownAt ?? ''}`, () => page(entry, asOf, knownAt));
    },
    async board(q) {
      const { asOf, knownAt } = dates(q);
      return boards.get(`${asOf}|${knownAt ?? ''}`, async () => ({
        asOf,
        knownAt: knownAt ?? null,
        waves: campaignBoard(await deps.status.records(), asOf, knownAt),
      }));
    },
  };

  async function page(
    entry: RegistryEntry,
    asOf: IsoDate,
    knownAt: IsoDate | undefined,
  ): Promise<JurisdictionPage> {
    const records = await deps.status.records();
    const onRecord = records.jurisdictions.find((j) => j.id === entry.id);
    const dossier = onRecord
      ? jurisdictionDossier(records, await sources(), {
          id: entry.id,
          asOf,
          ...(knownAt ? { knownAt } : {}),
        })
      : null;
    const record = deps.documents ? publicRecordFor(entry.id, await deps.documents()) : [];
    return { asOf, knownAt: knownAt ?? null, entry, dossier, record };
  }
}
