// The first page: the campaign on a map as of the chosen date, with a legend and the same facts as a table.
import type { PageProps } from '../shell/app.tsx';
import { useJson, withDate } from '../shell/use-json.ts';
import type { MapView } from '../../../src/api/response-types.ts';
import { UsMap } from './us-map.tsx';
import { MAP_CATEGORIES } from '../../../src/domain/status/map-category.ts';

export const jurisdictionHref = (id: string, asOf: string, knownAt: string | null) =>
  withDate(
    `/j/${id
      .split('/')
      .map((part) => encodeURIComponent(part).replace(/%3A/g, ':'))
      .join('/')}`,
    asOf,
    knownAt,
  );

export function MapPage({ asOf, knownAt }: PageProps) {
  const { data, error, loading } = useJson<MapView>(withDate('/api/map', asOf, knownAt));
  const counts = new Map<string, number>();
  for (const j of data?.jurisdictions ?? []) counts.set(j.category, (counts.get(j.category) ?? 0) + 1);
  return (
    <>
      <h1>
        The campaign as of <time dateTime={asOf}>{asOf}</time>
      </h1>
      <p className="lede" aria-live="polite" data-testid="map-summary">
        {data
          ? `${data.jurisdictions.length} jurisdictions had received requests by ${data.asOf}.`
          : loading
            ? 'Loading…'
            : ''}
      </p>
      {error && <p role="alert">Could not load the status: {error}</p>}
      <div className="map-layout">
        <UsMap
          jurisdictions={data?.jurisdictions ?? []}
          labels={data?.categories ?? {}}
          hrefOf={(id) => jurisdictionHref(id, asOf, knownAt)}
        />
        <section aria-labelledby="legend-title" className="legend">
          <h2 id="legend-title">Legend</h2>
          <ul>
            {MAP_CATEGORIES.map((c) => (
              <li key={c}>
                <span className={`swatch cat-${c}`} aria-hidden="true" /> {data?.categories[c] ?? c}{' '}
                <span className="count">{counts.get(c) ?? 0}</span>
              </li>
            ))}
          </ul>
          <p className="hint">States and counties are shaded; cities are dots.</p>
        </section>
      </div>
      <section aria-labelledby="list-title">
        <h2 id="list-title">Jurisdictions</h2>
        <div className="table-wrap">
          <table data-testid="status-table">
            <thead>
              <tr>
                <th scope="col">Jurisdiction</th>
                <th scope="col">Status</th>
                <th scope="col">Determination</th>
              </tr>
            </thead>
            <tbody>
              {data?.jurisdictions.map((j) => (
                <tr key={j.id} data-id={j.id} data-category={j.category}>
                  <td>
                    <a href={jurisdictionHref(j.id, asOf, knownAt)}>{j.name}</a>
                  </td>
                  <td>
                    <span className={`chip cat-${j.category}`}>{data.categories[j.category]}</span>
                  </td>
                  <td>{j.determination ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
