// Review workspace: upload a policy, see each provision with its evidence highlighted and the findings
// under the agency's and the courts' readings side by side.
import { useState } from 'react';
import type { Provision, ReviewedDocument, Span } from '../../../src/api/response-types.ts';

const MAX_BYTES = 20 * 1024 * 1024;
const REQUIREMENT_LABELS: Record<string, string> = {
  'usc-8-1373': '8 U.S.C. § 1373',
  'jag-fy2017-1373-compliance': 'FY2017 § 1373 condition',
  'jag-fy2017-access': 'FY2017 access condition',
  'jag-fy2017-notice': 'FY2017 notice condition',
};

/** The provision's text with every evidence span wrapped in <mark>, overlapping spans merged. */
function Highlighted({ p }: { p: Provision }) {
  const spans: Span[] = [
    ...p.tagEvidence.flatMap((t) => t.spans),
    ...p.appliedModifiers.flatMap((m) => m.spans),
  ]
    .filter((s) => s.start >= p.start && s.end <= p.end)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  const parts: React.ReactNode[] = [];
  let at = p.start;
  merged.forEach((m, i) => {
    if (m.start > at) parts.push(p.text.slice(at - p.start, m.start - p.start));
    parts.push(<mark key={i}>{p.text.slice(m.start - p.start, m.end - p.start)}</mark>);
    at = m.end;
  });
  if (at < p.end) parts.push(p.text.slice(at - p.start));
  return <p className="provision__text">{parts}</p>;
}

function ProvisionCard({ p }: { p: Provision }) {
  const requirements = [...new Set(p.findings.map((f) => f.requirement))];
  return (
    <li className="provision" data-testid="provision" data-topics={p.topics.join(' ')}>
      <div className="provision__head">
        {p.label && <strong>{p.label}</strong>} {p.heading && <span className="muted">{p.heading}</span>}
        {p.topics.map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
        {p.modifiers.map((m) => (
          <span key={m} className="tag tag--mod">
            {m}
          </span>
        ))}
      </div>
      <Highlighted p={p} />
      {p.tagEvidence.length > 0 && (
        <details>
          <summary>Why these tags</summary>
          <ul>
            {p.tagEvidence.map((t, i) => (
              <li key={i}>
                <code>{t.tag}</code> by rule <code>{t.rule}</code>:{' '}
                {t.spans.map((s) => `“${s.text}”`).join(', ')}
              </li>
            ))}
          </ul>
        </details>
      )}
      {requirements.length > 0 && (
        <div className="table-wrap">
          <table className="findings">
            <thead>
              <tr>
                <th scope="col">Requirement</th>
                <th scope="col">Agency reading</th>
                <th scope="col">Courts’ reading</th>
              </tr>
            </thead>
            <tbody>
              {requirements.map((r) => (
                <tr key={r}>
                  <th scope="row">{REQUIREMENT_LABELS[r] ?? r}</th>
                  {(['agency', 'judicial'] as const).map((i) => {
                    const f = p.findings.find((x) => x.requirement === r && x.interpretation === i);
                    return (
                      <td key={i}>
                        {f ? (
                          <>
                            <span className={`verdict v-${f.verdict}`}>{f.verdict}</span>
                            <ul className="because">
                              {f.reasons.map((x, k) => (
                                <li key={k}>{x}</li>
                              ))}
                            </ul>
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}

/** Provisions shown at first, and added per click: a long manual has thousands, and drawing them all at once stalls the page. */
const PAGE = 200;

function ProvisionList({
  provisions,
  onlyTagged,
}: {
  provisions: readonly Provision[];
  onlyTagged: boolean;
}) {
  const [shown, setShown] = useState(PAGE);
  const visible = onlyTagged
    ? provisions.filter((p) => p.topics.length > 0 || p.modifiers.length > 0)
    : provisions;
  const rest = visible.length - shown;
  return (
    <>
      <ol className="provisions">
        {visible.slice(0, shown).map((p) => (
          <ProvisionCard key={p.id} p={p} />
        ))}
      </ol>
      {rest > 0 && (
        <p>
          <button type="button" onClick={() => setShown((n) => n + PAGE)} data-testid="more-provisions">
            Show {Math.min(PAGE, rest)} more ({rest} not shown)
          </button>
        </p>
      )}
    </>
  );
}

export function ReviewPage() {
  const [docs, setDocs] = useState<ReviewedDocument[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [onlyTagged, setOnlyTagged] = useState(true);

  const upload = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setError(undefined);
    const body = new FormData();
    for (const f of Array.from(files)) {
      if (f.size > MAX_BYTES) {
        setError(`${f.name} is larger than ${MAX_BYTES / 1024 / 1024} MB`);
        return;
      }
      body.append('file', f, f.name);
    }
    setBusy(true);
    try {
      const res = await fetch('/api/review', { method: 'POST', body });
      const json = (await res.json()) as { documents?: ReviewedDocument[]; error?: { message: string } };
      if (!res.ok || !json.documents) throw new Error(json.error?.message ?? `HTTP ${res.status}`);
      setDocs(json.documents);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Review a policy</h1>
      <p className="lede">
        Upload an ordinance, order, statute or policy manual (PDF, DOCX, HTML, text or a scanned image). Each
        provision is tagged with what it limits and judged against § 1373 and the FY2017 conditions under both
        readings of the law. Nothing is stored.
      </p>
      <label className="upload">
        <span>Choose files</span>
        <input
          type="file"
          multiple
          accept=".pdf,.docx,.html,.htm,.txt,.png,.jpg,.jpeg,.tif,.tiff,text/plain,text/html,application/pdf"
          onChange={(e) => void upload(e.target.files)}
          data-testid="review-upload"
        />
      </label>
      {busy && <p aria-live="polite">Reviewing…</p>}
      {error && <p role="alert">{error}</p>}
      {docs.length > 0 && (
        <label className="only-tagged">
          <input type="checkbox" checked={onlyTagged} onChange={(e) => setOnlyTagged(e.target.checked)} />{' '}
          Show only provisions with tags
        </label>
      )}
      {docs.map((d) => (
        <section key={d.sha256} aria-label={d.file} data-testid="review-result">
          <h2>{d.file}</h2>
          <p className="muted">
            {d.format} · sha-256 <code>{d.sha256.slice(0, 16)}…</code> · {d.summary.provisions} provisions,{' '}
            {d.summary.tagged} tagged
          </p>
          <div className="table-wrap">
            <table className="findings">
              <thead>
                <tr>
                  <th scope="col">Requirement</th>
                  <th scope="col">Agency reading (worst)</th>
                  <th scope="col">Courts’ reading (worst)</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(d.summary.worst).map(([r, w]) => (
                  <tr key={r}>
                    <th scope="row">{REQUIREMENT_LABELS[r] ?? r}</th>
                    <td>
                      <span className={`verdict v-${w.agency.verdict}`}>{w.agency.verdict}</span>
                    </td>
                    <td>
                      <span className={`verdict v-${w.judicial.verdict}`}>{w.judicial.verdict}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ProvisionList provisions={d.provisions} onlyTagged={onlyTagged} />
        </section>
      ))}
    </>
  );
}
