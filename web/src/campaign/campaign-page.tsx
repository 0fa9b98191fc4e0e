// The campaign board: every wave with its recipients, deadlines and how they were computed, filters and selection.
import { useMemo, useState } from 'react';
import type { PageProps } from '../shell/app.tsx';
import { useJson, withDate } from '../shell/use-json.ts';
import type { BoardWave } from '../../../src/api/response-types.ts';
import { jurisdictionHref } from '../map/map-page.tsx';

type Board = { asOf: string; waves: BoardWave[] };
const STATES = ['open', 'overdue', 'responded', 'closed'] as const;

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function CampaignPage({ asOf, knownAt }: PageProps) {
  const { data, error } = useJson<Board>(withDate('/api/campaign', asOf, knownAt));
  const [stateFilter, setStateFilter] = useState<string>('all');
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const keyOf = (w: string, j: string) => `${w}|${j}`;

  const visible = useMemo(
    () =>
      (data?.waves ?? []).map((w) => ({
        wave: w,
        rows: w.recipients.filter(
          (r) =>
            (stateFilter === 'all' || r.state === stateFilter) &&
            (!text || r.name.toLowerCase().includes(text.toLowerCase()) || r.id.includes(text.toLowerCase())),
        ),
      })),
    [data, stateFilter, text],
  );

  const toggle = (k: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(k)) n.delete(k);
      else n.add(k);
      return n;
    });

  const downloadSelected = () => {
    const lines = ['wave,sent,due,id,name,state'];
    for (const { wave, rows } of visible)
      for (const r of rows)
        if (selected.has(keyOf(wave.id, r.id)))
          lines.push([wave.name, wave.sent, wave.due, r.id, r.name, r.state].map(csvCell).join(','));
    const url = URL.createObjectURL(new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `accordance-selection-${asOf}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };

  if (error) return <p role="alert">Could not load the campaign: {error}</p>;
  return (
    <>
      <h1>Campaign board as of {asOf}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
        <label htmlFor="filter-state">State</label>
        <select id="filter-state" value={stateFilter} onChange={(e) => setStateFilter(e.target.value)}>
          <option value="all">all</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label htmlFor="filter-name">Name</label>
        <input
          id="filter-name"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="e.g. County"
        />
        <span aria-live="polite">{selected.size} selected</span>
        <button type="button" disabled={selected.size === 0} onClick={downloadSelected}>
          Download selected (CSV)
        </button>
        <button type="button" disabled={selected.size === 0} onClick={() => setSelected(new Set())}>
          Clear selection
        </button>
      </form>
      {data && data.waves.length === 0 && <p>No letters had been sent by {asOf}.</p>}
      {visible.map(({ wave, rows }) => {
        const allKeys = rows.map((r) => keyOf(wave.id, r.id));
        const allOn = allKeys.length > 0 && allKeys.every((k) => selected.has(k));
        return (
          <section key={wave.id} className="wave" aria-labelledby={`w-${wave.id}`}>
            <h2 id={`w-${wave.id}`}>{wave.name}</h2>
            <p className="wave__meta">
              Sent {wave.sent} to {wave.recipients.length} · due {wave.due} ({wave.rule}) ·{' '}
              {STATES.map((s) => (
                <span key={s} className={`state s-${s}`}>
                  {wave.counts[s]} {s}
                </span>
              ))}
            </p>
            <details>
              <summary>How was this deadline computed?</summary>
              <ol className="trace">
                {wave.trace.map((t, i) => (
                  <li key={i}>
                    <time dateTime={t.date}>{t.date}</time> {t.note}
                  </li>
                ))}
              </ol>
            </details>
            <p className="wave__demand">{wave.demand}</p>
            {wave.consequences.length > 0 && (
              <p className="muted">Consequences named: {wave.consequences.join('; ')}.</p>
            )}
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label={`Select all shown in ${wave.name}`}
                        checked={allOn}
                        onChange={() =>
                          setSelected((s) => {
                            const n = new Set(s);
                            for (const k of allKeys) {
                              if (allOn) n.delete(k);
                              else n.add(k);
                            }
                            return n;
                          })
                        }
                      />
                    </th>
                    <th scope="col">Recipient</th>
                    <th scope="col">State</th>
                    <th scope="col">Response</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`Select ${r.name}`}
                          checked={selected.has(keyOf(wave.id, r.id))}
                          onChange={() => toggle(keyOf(wave.id, r.id))}
                        />
                      </td>
                      <td>
                        <a href={jurisdictionHref(r.id, asOf, knownAt)}>{r.name}</a>
                      </td>
                      <td>
                        <span className={`state s-${r.state}`}>{r.state}</span>
                      </td>
                      <td>
                        {r.response
                          ? `${r.response.precision === 'by' ? 'by ' : ''}${r.response.received}`
                          : 'none on record'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        );
      })}
    </>
  );
}
