// `npm run bench:plot`: measures how cost grows with jurisdictions (status as of a date) and with text (provision
// review), and draws both curves into docs/img/cost-curves.svg beside the best proportional fit, so any departure
// from linear growth shows. Figures are main-thread CPU time, median of five runs.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { computeStatus } from '../src/domain/status/compute-status.ts';
import { reviewText } from '../src/domain/review/review-text.ts';
import { isoDate } from '../src/domain/shared/iso-date.ts';
import { nationwideRecords } from './status-bench.ts';

type Point = { x: number; y: number };

/** Main-thread CPU time (background GC and compiler threads excluded), median of five runs. */
const cpuMs = (fn: () => unknown): number => {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const c0 = process.threadCpuUsage();
    fn();
    const c = process.threadCpuUsage(c0);
    runs.push((c.user + c.system) / 1000);
  }
  return runs.sort((a, b) => a - b)[2]!;
};

function statusCurve(): Point[] {
  const asOf = isoDate('2018-08-01');
  const warm = nationwideRecords(5000);
  for (let i = 0; i < 3; i++) computeStatus(warm, { asOf }); // warm-up
  return [1000, 2500, 5000, 10000, 15000, 20000].map((size) => {
    const records = nationwideRecords(size);
    return { x: records.jurisdictions.length, y: cpuMs(() => computeStatus(records, { asOf })) };
  });
}

function reviewCurve(): Point[] {
  const dir = new URL('../data/corpus/review/main/', import.meta.url);
  const unit = readdirSync(dir)
    .sort()
    .map((f) => readFileSync(new URL(f, dir), 'utf8'))
    .join('\n\n');
  // Warm-up: V8 compiles the tagger's hot functions over the first megabytes; without this the first point is slow.
  const warm = Array.from({ length: Math.round(1048576 / unit.length) }, () => unit).join('\n\n');
  for (let i = 0; i < 3; i++) reviewText(warm);
  return [0.25, 0.5, 1, 2, 4].map((mb) => {
    const copies = Math.max(1, Math.round((mb * 1048576) / unit.length));
    const text = Array.from({ length: copies }, () => unit).join('\n\n');
    return { x: text.length / 1048576, y: cpuMs(() => reviewText(text)) };
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten) at least `v`: an axis top. */
const niceCeil = (v: number): number => {
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((k) => k * p).find((c) => c >= v)!;
};

/** One line chart: measured points, and the least-squares line through the origin (what linear growth would be). */
function chart(title: string, xLabel: string, points: Point[], ox: number): string {
  const w = 420;
  const h = 260;
  const m = { l: 56, r: 16, t: 34, b: 44 };
  const slope = points.reduce((a, p) => a + p.x * p.y, 0) / points.reduce((a, p) => a + p.x * p.x, 0);
  const maxX = niceCeil(Math.max(...points.map((p) => p.x)));
  const linear = [
    { x: 0, y: 0 },
    { x: maxX, y: slope * maxX },
  ];
  const maxY = niceCeil(Math.max(...points.map((p) => p.y), slope * maxX));
  const sx = (x: number) => ox + m.l + (x / maxX) * (w - m.l - m.r);
  const sy = (y: number) => m.t + (1 - y / maxY) * (h - m.t - m.b);
  const path = (ps: Point[]) =>
    ps.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join('');
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const fmt = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en-US') : String(+v.toFixed(2)));
  return [
    `<text x="${ox + m.l}" y="20" font-weight="bold">${esc(title)}</text>`,
    ...ticks.map(
      (t) =>
        `<line x1="${ox + m.l}" x2="${ox + w - m.r}" y1="${sy(t * maxY)}" y2="${sy(t * maxY)}" stroke="#ddd"/>` +
        `<text x="${ox + m.l - 6}" y="${sy(t * maxY) + 4}" text-anchor="end">${fmt(t * maxY)}</text>` +
        `<text x="${sx(t * maxX)}" y="${h - m.b + 16}" text-anchor="middle">${fmt(t * maxX)}</text>`,
    ),
    `<text x="${ox + (w + m.l) / 2}" y="${h - 8}" text-anchor="middle">${esc(xLabel)}</text>`,
    `<text transform="translate(${ox + 14},${(h + m.t - m.b) / 2}) rotate(-90)" text-anchor="middle">CPU ms</text>`,
    `<path d="${path(linear)}" fill="none" stroke="#999" stroke-dasharray="4 3"/>`,
    `<path d="${path(points)}" fill="none" stroke="#1f5fa8" stroke-width="2"/>`,
    ...points.map((p) => `<circle cx="${sx(p.x)}" cy="${sy(p.y)}" r="3" fill="#1f5fa8"/>`),
  ].join('\n');
}

const status = statusCurve();
const review = reviewCurve();
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="860" height="290" font-family="sans-serif" font-size="11">
<rect width="860" height="290" fill="#fff"/>
${chart('Status as of a date, every jurisdiction', 'jurisdictions with a request', status, 0)}
${chart('Provision review of policy-dense text', 'MB of text', review, 430)}
<text x="10" y="284" fill="#666">solid: measured (main-thread CPU, median of 5); dashed: least-squares proportional fit (linear growth). Generated by npm run bench:plot.</text>
</svg>
`;
const out = new URL('../docs/img/cost-curves.svg', import.meta.url);
writeFileSync(out, svg);
for (const [name, ps, unit] of [
  ['status', status, 'jurisdictions'],
  ['review', review, 'MB'],
] as const)
  process.stdout.write(
    `${name}: ${ps.map((p) => `${unit === 'MB' ? p.x.toFixed(2) : p.x} ${unit} ${p.y.toFixed(0)} ms`).join(', ')}\n`,
  );
process.stdout.write(`wrote docs/img/cost-curves.svg\n`);
