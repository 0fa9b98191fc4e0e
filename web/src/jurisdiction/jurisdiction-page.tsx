// One jurisdiction: conditions in force and why, requests, timeline, money and sources, as of the chosen date.
import type { PageProps } from '../shell/app.tsx';
import { useJson, withDate } from '../shell/use-json.ts';
import type { JurisdictionPage as Page, Source } from '../../../src/api/response-types.ts';
import { MAP_CATEGORY_LABELS } from '../../../src/domain/status/map-category.ts';

const usd = (n: number) =>
  n.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const QUALIFIER: Record<string, string> = {
  exact: '',
  about: 'about ',
  'more-than': 'more than ',
  'less-than': 'less than ',
};

function SourceRefs({ ids, sources }: { ids: readonly string[]; sources: readonly Source[] }) {
  if (ids.length === 0) return null;
  return (
    <span className="refs">
      {[...new Set(ids)].map((id) => {
        const n = sources.findIndex((s) => s.id === id);
        return n < 0 ? null : (
          <a key={id} href={`#source-${id}`} title={sources[n]?.title}>
            [{n + 1}]
          </a>
        );
      })}
    </span>
  );
}

export function JurisdictionPage({ id, asOf, knownAt }: PageProps & { id: string }) {
  const { data, error } = useJson<Page>(withDate(`/api/jurisdictions/${id}`, asOf, knownAt));
  if (error)
    return (
      <p role="alert">
        Could not load {id}: {error}
      </p>
    );
  if (!data) return <p aria-live="polite">Loading…</p>;
  const { entry, dossier } = data;
  const sources = dossier?.sources ?? [];
  const status = dossier?.status;
  return (
    <article data-testid="jurisdiction-page">
      <h1>{entry.legalName ?? entry.name}</h1>
      <p className="lede">
        {entry.kind}
        {entry.legalKind ? ` (${entry.legalKind})` : ''} · <code>{entry.id}</code>
        {entry.population ? ` · population ${entry.population.toLocaleString('en-US')}` : ''}
        {status && (
          <>
            {' '}
            · <span className={`chip cat-${status.category}`}>{MAP_CATEGORY_LABELS[status.category]}</span>
          </>
        )}
      </p>
      {!dossier && <p>No letters, rulings or grants about this jurisdiction are on record as of {asOf}.</p>}
      {status && (
        <>
          <section aria-labelledby="det-title">
            <h2 id="det-title">Determination</h2>
            {status.determination ? (
              <p>
                <strong>{status.determination.kind}</strong> ({status.determination.date}):{' '}
                {status.determination.text}{' '}
                <SourceRefs ids={status.determination.sources} sources={sources} />
              </p>
            ) : (
              <p>None on record.</p>
            )}
          </section>
          <section aria-labelledby="cond-title">
            <h2 id="cond-title">Conditions as of {data.asOf}</h2>
            <div className="table-wrap">
              <table data-testid="conditions">
                <thead>
                  <tr>
                    <th scope="col">Condition</th>
                    <th scope="col">Enforceable?</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {status.conditions.map((c) => (
                    <tr
                      key={c.requirement}
                      data-requirement={c.requirement}
                      data-enforceable={String(c.enforceable)}
                    >
                      <th scope="row">
                        {c.title}
                        <br />
                        <code>{c.requirement}</code>
                      </th>
                      <td>
                        <span
                          className={`verdict ${!c.inForce ? 'v-none' : c.enforceable ? 'v-yes' : 'v-no'}`}
                        >
                          {!c.inForce ? 'not in force' : c.enforceable ? 'enforceable' : 'not enforceable'}
                        </span>
                      </td>
                      <td>
                        <ul className="because">
                          {c.reasons.map((r, i) => (
                            <li key={i}>
                              {r.text} <SourceRefs ids={r.sources} sources={sources} />
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="req-title">
            <h2 id="req-title">Requests</h2>
            {status.requests.length === 0 ? (
              <p>None by {data.asOf}.</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Letter</th>
                      <th scope="col">Sent</th>
                      <th scope="col">Due</th>
                      <th scope="col">State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {status.requests.map((r) => (
                      <tr key={r.wave}>
                        <td>{r.waveName}</td>
                        <td>{r.sent}</td>
                        <td>
                          <details>
                            <summary>
                              {r.due} <span className="muted">({r.rule})</span>
                            </summary>
                            <ol className="trace">
                              {r.trace.map((t, i) => (
                                <li key={i}>
                                  <time dateTime={t.date}>{t.date}</time> {t.note}
                                </li>
                              ))}
                            </ol>
                          </details>
                        </td>
                        <td>
                          <span className={`state s-${r.state}`}>{r.state}</span>
                          {r.response === null && r.state === 'overdue' && (
                            <span className="muted"> (no response on record)</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
      {dossier && (
        <>
          <section aria-labelledby="tl-title">
            <h2 id="tl-title">Timeline</h2>
            <ol className="timeline">
              {dossier.timeline.map((e, i) => (
                <li key={i} className={`tl tl-${e.kind}${e.isFuture ? ' tl-future' : ''}`}>
                  <time dateTime={e.date}>{e.date}</time> <span className="tl__kind">{e.kind}</span>{' '}
                  <strong>{e.title}</strong>
                  {e.isFuture && <span className="muted"> (after {data.asOf})</span>}
                  <div>
                    {e.detail} <SourceRefs ids={e.sources} sources={sources} />
                  </div>
                </li>
              ))}
            </ol>
          </section>
          <section aria-labelledby="money-title">
            <h2 id="money-title">Money on record</h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Fiscal year</th>
                    <th scope="col">Role</th>
                    <th scope="col">Amounts reported</th>
                    <th scope="col">Basis</th>
                  </tr>
                </thead>
                <tbody>
                  {dossier.money.map((m, i) => (
                    <tr key={i}>
                      <td>FY{m.fiscalYear}</td>
                      <td>
                        {m.role}
                        {m.via ? ` via ${m.via.split('/').pop()}` : ''}
                      </td>
                      <td>
                        {m.amounts.length === 0
                          ? '—'
                          : m.amounts.map((a, k) => (
                              <div key={k}>
                                {QUALIFIER[a.qualifier]}
                                {usd(a.amount)} <SourceRefs ids={a.sources} sources={sources} />
                              </div>
                            ))}
                      </td>
                      <td>{m.basis}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          {data.record.length > 0 && (
            <section aria-labelledby="rec-title">
              <h2 id="rec-title">In the public record</h2>
              <p className="muted">
                From ingested articles, letters and orders. Claims are what someone said, not findings.
              </p>
              <ul className="record" data-testid="public-record">
                {data.record.map((r, i) => (
                  <li key={i}>
                    {r.date ?? 'undated'}{' '}
                    <span className="tl__kind">{r.kind === 'claim' ? r.type : r.type}</span>{' '}
                    {r.kind === 'claim' ? <q>{r.text}</q> : r.text}{' '}
                    <span className="muted">— {r.document}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="src-title">
            <h2 id="src-title">Sources</h2>
            <ol className="sources">
              {sources.map((s) => (
                <li key={s.id} id={`source-${s.id}`}>
                  {s.title}. {s.publisher}
                  {s.date ? `, ${s.date}` : ''}.{s.citation ? ` ${s.citation}.` : ''}
                  {s.note ? <span className="muted"> {s.note}</span> : null}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </article>
  );
}
