// The date every view is asked about: a slider over 2016–2020, a date field, and the campaign's key dates.
import { useEffect, useState } from 'react';

export const FIRST_DAY = '2016-01-01';
export const LAST_DAY = '2020-12-31';
const DAY = 86_400_000;
const toIndex = (d: string) =>
  Math.round((Date.parse(`${d}T00:00:00Z`) - Date.parse(`${FIRST_DAY}T00:00:00Z`)) / DAY);
const fromIndex = (i: number) =>
  new Date(Date.parse(`${FIRST_DAY}T00:00:00Z`) + i * DAY).toISOString().slice(0, 10);
const MAX = toIndex(LAST_DAY);

export const KEY_DATES: readonly [string, string][] = [
  ['2017-04-21', 'Letters to 9'],
  ['2017-09-15', 'Chicago injunction'],
  ['2017-11-15', 'Letters to 29'],
  ['2018-01-24', 'Document requests to 23'],
  ['2018-02-24', 'Day after the deadline'],
  ['2018-07-27', 'Chicago judgment'],
  ['2018-11-20', 'California judgment'],
  ['2019-03-01', 'After the 2019 clearances'],
];

export const isDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

export function DateBar(props: { asOf: string; onChange: (d: string) => void }) {
  const [draft, setDraft] = useState(props.asOf);
  useEffect(() => setDraft(props.asOf), [props.asOf]);
  // The slider moves a draft date at once and commits it after a short pause, so dragging stays smooth.
  useEffect(() => {
    if (draft === props.asOf || !isDate(draft)) return;
    const t = setTimeout(() => props.onChange(draft), 120);
    return () => clearTimeout(t);
  }, [draft, props]);
  return (
    <div className="date-bar" role="group" aria-label="Date">
      <label className="date-bar__field">
        <span>As of</span>
        <input
          type="date"
          min={FIRST_DAY}
          max={LAST_DAY}
          value={draft}
          onChange={(e) => isDate(e.target.value) && setDraft(e.target.value)}
          aria-label="As of date"
        />
      </label>
      <input
        className="date-bar__slider"
        type="range"
        min={0}
        max={MAX}
        step={1}
        value={Math.min(MAX, Math.max(0, toIndex(draft)))}
        onChange={(e) => setDraft(fromIndex(Number(e.target.value)))}
        aria-label="Date slider, 2016 to 2020"
        aria-valuetext={draft}
        data-testid="date-slider"
      />
      <div className="date-bar__keys" aria-label="Key dates">
        {KEY_DATES.map(([d, label]) => (
          <button
            key={d}
            type="button"
            onClick={() => props.onChange(d)}
            aria-pressed={props.asOf === d}
            title={label}
          >
            {d.slice(0, 7)} <span className="sr">{label}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
