// The map read model and the exports (CSV, JSON, GeoJSON) of the status as of a date.
import type { Geometry } from 'geojson';
import type { StatusService } from '../status/status-service.ts';
import type { JurisdictionService } from '../jurisdictions/jurisdiction-service.ts';
import type { StatusReport } from '../../domain/status/compute-status.ts';
import { MAP_CATEGORY_LABELS, type MapCategory } from '../../domain/status/map-category.ts';
import type { DateQuery } from './campaign-views.ts';
import { createRevisionMemo } from '../shared/revision-memo.ts';

export type MapJurisdiction = {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly state: string;
  readonly category: MapCategory;
  /** us-atlas geometry id for states and counties. */
  readonly fips: string | null;
  /** [lon, lat] for places. */
  readonly point: readonly [number, number] | null;
  readonly determination: string | null;
};

export type MapView = {
  readonly asOf: string;
  readonly knownAt: string | null;
  readonly categories: Readonly<Record<MapCategory, string>>;
  readonly jurisdictions: readonly MapJurisdiction[];
};

const CSV_COLUMNS = [
  'id',
  'name',
  'kind',
  'category',
  'determination',
  'determination_date',
  'latest_request_sent',
  'latest_request_due',
  'latest_request_state',
  'requests',
  'enforceable_conditions',
  'blocked_conditions',
  'blocked_by',
] as const;

/** RFC 4180 quoting; cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function statusRows(report: StatusReport): Record<(typeof CSV_COLUMNS)[number], string>[] {
  return report.jurisdictions.map((j) => {
    const last = j.requests[j.requests.length - 1];
    const inForce = j.conditions.filter((c) => c.inForce);
    return {
      id: j.id,
      name: j.name,
      kind: j.kind,
      category: j.category,
      determination: j.determination?.kind ?? '',
      determination_date: j.determination?.date ?? '',
      latest_request_sent: last?.sent ?? '',
      latest_request_due: last?.due ?? '',
      latest_request_state: last?.state ?? '',
      requests: String(j.requests.length),
      enforceable_conditions: inForce
        .filter((c) => c.enforceable)
        .map((c) => c.requirement)
        .join(' '),
      blocked_conditions: inForce
        .filter((c) => !c.enforceable)
        .map((c) => c.requirement)
        .join(' '),
      blocked_by: [...new Set(inForce.flatMap((c) => c.blockedBy))].join(' '),
    };
  });
}

export type ExportViews = {
  map(q: DateQuery): Promise<MapView>;
  csv(q: DateQuery): Promise<{ asOf: string; body: string }>;
  geojson(q: DateQuery): Promise<{ asOf: string; body: unknown }>;
};

export function createExportViews(deps: {
  status: StatusService;
  jurisdictions: JurisdictionService;
  geometry: (fips: string) => Geometry | undefined;
  /** The store revision: map answers are computed once per revision and date. */
  revision: () => Promise<number>;
}): ExportViews {
  const maps = createRevisionMemo<MapView>(deps.revision);
  const entryOf = (id: string) => {
    try {
      return deps.jurisdictions.entry(id);
    } catch {
      return undefined;
    }
  };
  const report = (q: DateQuery) => deps.status.status({ asOf: q.asOf, knownAt: q.knownAt });
  return {
    async map(q) {
      const r = await report(q);
      return maps.get(`${r.asOf}|${r.knownAt ?? ''}`, async () => ({
        asOf: r.asOf,
        knownAt: r.knownAt,
        categories: MAP_CATEGORY_LABELS,
        jurisdictions: r.jurisdictions.map((j) => {
          const e = entryOf(j.id);
          return {
            id: j.id,
            name: j.name,
            kind: j.kind,
            state: e?.state ?? '',
            category: j.category,
            fips: e?.fips ?? null,
            point: e?.point ? [e.point[0], e.point[1]] : null,
            determination: j.determination?.kind ?? null,
          };
        }),
      }));
    },
    async csv(q) {
      const r = await report(q);
      const lines = [
        CSV_COLUMNS.join(','),
        ...statusRows(r).map((row) => CSV_COLUMNS.map((c) => csvCell(row[c])).join(',')),
      ];
      return { asOf: r.asOf, body: `${lines.join('\r\n')}\r\n` };
    },
    async geojson(q) {
      const r = await report(q);
      const rows = statusRows(r);
      const features = r.jurisdictions.map((j, i) => {
        const e = entryOf(j.id);
        const geometry: Geometry | null = e?.point
          ? { type: 'Point', coordinates: [e.point[0], e.point[1]] }
          : e?.fips
            ? (deps.geometry(e.fips) ?? null)
            : null;
        return { type: 'Feature', id: j.id, geometry, properties: rows[i] };
      });
      return { asOf: r.asOf, body: { type: 'FeatureCollection', asOf: r.asOf, features } };
    },
  };
}
