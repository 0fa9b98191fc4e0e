// Exports of the status as of the chosen date, and the API description.
import type { PageProps } from '../shell/app.tsx';
import { withDate } from '../shell/use-json.ts';

export function ExportsPage({ asOf, knownAt }: PageProps) {
  const link = (path: string) => withDate(path, asOf, knownAt);
  return (
    <>
      <h1>Exports and API</h1>
      <p className="lede">
        The status of every jurisdiction with requests, as of {asOf}
        {knownAt ? `, as recorded on ${knownAt}` : ''}.
      </p>
      <ul className="exports">
        <li>
          <a href={link('/api/export/status.csv')} download data-testid="export-csv">
            CSV
          </a>{' '}
          — one row per jurisdiction: status, determination, latest request, enforceable and blocked
          conditions.
        </li>
        <li>
          <a href={link('/api/export/status.json')} download>
            JSON
          </a>{' '}
          — the full status report, with deadlines, traces, reasons and sources.
        </li>
        <li>
          <a href={link('/api/export/status.geojson')} download>
            GeoJSON
          </a>{' '}
          — state and county outlines and city points with the same properties as the CSV.
        </li>
      </ul>
      <h2>API</h2>
      <p>
        Every view of this site is served by a documented HTTP API: <a href="/api/docs">API reference</a> ·{' '}
        <a href="/api/openapi.json">OpenAPI 3.1 document</a>.
      </p>
    </>
  );
}
