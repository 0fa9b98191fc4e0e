// `node scripts/review-snapshot.ts write|check`: records the review of every corpus text (and of variants that
// stress case folding, word boundaries and non-ASCII text), then checks a changed reviewer against that record.
//
// For work on the reviewer's speed: `write` before the change, `check` after each step; any difference in the JSON
// of reviewText is reported with the input's name, and the new output is written beside the old one for a diff.
// Snapshots live in scripts/tmp/review-snapshot/ (not committed: they describe one working copy's starting point).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { reviewText } from '../src/domain/review/review-text.ts';

const mode = process.argv[2];
if (mode !== 'write' && mode !== 'check') {
  process.stderr.write('usage: node scripts/review-snapshot.ts write|check\n');
  process.exit(2);
}
const corpus = new URL('../data/corpus/', import.meta.url);
const out = new URL('./tmp/review-snapshot/', import.meta.url);
mkdirSync(out, { recursive: true });

const inputs: Array<[string, string]> = [];
for (const dir of [
  'review/main',
  'review/held-out',
  'review/held-out-2',
  'review/held-out-3',
  'review/held-out-4',
  'case-file',
]) {
  const url = new URL(`${dir}/`, corpus);
  for (const f of readdirSync(url).sort())
    if (f.endsWith('.txt')) inputs.push([`${dir}/${f}`, readFileSync(new URL(f, url), 'utf8')]);
}
const all = inputs.map(([, t]) => t).join('\n\n');
inputs.push(
  ['ALL', all],
  ['ALL-upper', all.toUpperCase()],
  ['ALL-lower', all.toLowerCase()],
  ['ALL-nbsp', all.replace(/ /g, '\u00a0')],
  ['ALL-accents', all.replace(/e/g, 'é')],
  ['ALL-underscore', all.replace(/ /g, '_ ')],
);

let differ = 0;
for (const [name, text] of inputs) {
  const json = JSON.stringify(reviewText(text));
  const hash = createHash('sha256').update(json).digest('hex');
  const base = name.replace(/\//g, '__');
  const hashFile = new URL(`${base}.sha256`, out);
  if (mode === 'write') {
    writeFileSync(hashFile, hash);
    writeFileSync(new URL(`${base}.json`, out), json);
  } else if (!existsSync(hashFile) || readFileSync(hashFile, 'utf8') !== hash) {
    differ++;
    writeFileSync(new URL(`${base}.new.json`, out), json);
    process.stdout.write(`differs: ${name} (compare ${base}.json with ${base}.new.json)\n`);
  }
}
process.stdout.write(`${mode}: ${inputs.length} inputs, ${differ} differ\n`);
process.exitCode = differ === 0 ? 0 : 1;
