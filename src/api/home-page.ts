// A minimal server-rendered page at `/`: the status table as of a date, until the web app replaces it.
import type { StatusReport } from '../domain/status/compute-status.ts';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function homePage(report: StatusReport): string {
  const rows = report.jurisdictions
    .map((j) => {
      const reqs = j.requests
        .map((r) => `${esc(r.sent)} → ${esc(r.due)} <b class="s-${esc(r.state)}">${esc(r.state)}</b>`)
        .join('<br>');
      const blocked = j.conditions
        .filter((c) => c.inForce && !c.enforceable)
        .map((c) => `<span title="${esc(c.because.join('; '))}">${esc(c.requirement)}</span>`)
        .join('<br>');
      const det = j.determination ? `${esc(j.determination.kind)} (${esc(j.determination.date)})` : '—';
      return `<tr><td>${esc(j.name)}<br><small>${esc(j.id)}</small></td><td>${reqs}</td><td>${blocked || '—'}</td><td>${det}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Accordance — status as of ${esc(report.asOf)}</title>
<style>
body{font:15px/1.4 system-ui,sans-serif;margin:2rem;color:#1b1f24}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #d0d7de;padding:.4rem;vertical-align:top;text-align:left}small{color:#57606a}
.s-overdue{color:#b42318}.s-responded{color:#1a7f37}.s-open{color:#0969da}.s-closed{color:#57606a}
</style></head><body>
<h1>Accordance</h1>
<form method="get" action="/"><label>As of <input type="date" name="asOf" value="${esc(report.asOf)}"></label>
<button type="submit">Show</button> · <a href="/api/status?asOf=${esc(report.asOf)}">JSON</a> · <a href="/api/openapi.json">OpenAPI</a></form>
<p>${report.jurisdictions.length} jurisdictions with requests as of ${esc(report.asOf)}.</p>
<table><thead><tr><th scope="col">Jurisdiction</th><th scope="col">Requests (sent → due, state)</th>
<th scope="col">Conditions not enforceable</th><th scope="col">Determination</th></tr></thead>
<tbody>
${rows}
</tbody></table></body></html>`;
}
