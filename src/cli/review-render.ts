// Renders reviewed documents for `accordance review`: the readable report, and the --json output written piece by
// piece. One JSON.stringify of a whole batch fails past V8's longest string (about 20 MB of policy text reviewed), and
// holding every review until the end costs memory in proportion to the batch; pieces avoid both.
import type { ReviewedDocument, ReviewFailure } from '../app/review/review-service.ts';
import { verdictEntries } from '../app/review/provision-review-service.ts';

const mark = (
  text: string,
  spans: readonly { start: number; end: number }[],
  offset: number,
  color: boolean,
) => {
  const open = color ? '\x1b[1;33m' : '[[';
  const close = color ? '\x1b[0m' : ']]';
  const sorted = [...spans]
    .filter((s) => s.start >= offset && s.end <= offset + text.length)
    .sort((a, b) => a.start - b.start);
  let out = '';
  let at = offset;
  for (const s of sorted) {
    if (s.start < at) continue;
    out +=
      text.slice(at - offset, s.start - offset) + open + text.slice(s.start - offset, s.end - offset) + close;
    at = s.end;
  }
  return out + text.slice(at - offset);
};

export function formatReview(d: ReviewedDocument, color: boolean): string {
  const lines = [
    `${d.file}  (${d.format}, sha256 ${d.sha256.slice(0, 16)}…, ${d.summary.provisions} provisions, ${d.summary.tagged} tagged)`,
  ];
  for (const w of d.warnings) lines.push(`  warning: ${w}`);
  for (const [req, w] of Object.entries(d.summary.worst))
    lines.push(`  ${req.padEnd(28)} agency: ${w.agency.verdict.padEnd(17)} courts: ${w.judicial.verdict}`);
  for (const p of d.provisions) {
    if (p.topics.length === 0 && p.modifiers.length === 0) continue;
    lines.push('', `  ${p.label ?? p.id} [${[...p.topics, ...p.modifiers].join(', ')}]`);
    lines.push(
      `    ${mark(
        p.text,
        p.tagEvidence.flatMap((t) => t.spans),
        p.start,
        color,
      ).replace(/\s+/g, ' ')}`,
    );
    for (const f of p.findings) {
      if (f.verdict === 'no-conflict') continue;
      lines.push(`    ${f.interpretation.padEnd(8)} ${f.requirement}: ${f.verdict} — ${f.reasons[0] ?? ''}`);
    }
  }
  return lines.join('\n');
}

/** Values JSON.stringify leaves out of objects (and writes as null in arrays). */
const isSkipped = (v: unknown): boolean =>
  v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * `JSON.stringify(value, null, 2)` as a sequence of pieces, for a value printed `pad` deep: containers are opened
 * `descend` levels down and their members stringified one by one, so no piece is larger than one member there.
 */
export function* jsonPieces(value: unknown, pad: string, descend: number): Generator<string> {
  const open =
    descend > 0 &&
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (!open) {
    const s = JSON.stringify(value, null, 2);
    yield pad === '' ? s : s.replace(/\n/g, `\n${pad}`);
    return;
  }
  const inner = `${pad}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '\n' : ',\n'}${inner}`;
      const v: unknown = value[i];
      yield* jsonPieces(isSkipped(v) ? null : v, inner, descend - 1);
    }
    yield `\n${pad}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => !isSkipped(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  for (let i = 0; i < entries.length; i++) {
    const [k, v] = entries[i]!;
    yield `${i === 0 ? '\n' : ',\n'}${inner}${JSON.stringify(k)}: `;
    yield* jsonPieces(v, inner, descend - 1);
  }
  yield `\n${pad}}`;
}

/** Pieces joined into chunks of about `size` characters (fewer, larger writes and messages). */
export function chunked(pieces: Iterable<string>, size = 1 << 20): string[] {
  const out: string[] = [];
  let buffer: string[] = [];
  let length = 0;
  for (const p of pieces) {
    buffer.push(p);
    length += p.length;
    if (length >= size) {
      out.push(buffer.join(''));
      buffer = [];
      length = 0;
    }
  }
  if (length > 0) out.push(buffer.join(''));
  return out;
}

/**
 * How each reviewed document is rendered: the --json chunks, the readable report, one compact JSON string (the
 * HTTP answer), or the automated verdicts alone as JSON (VerdictEntries, for confirming findings); `maxTextChars`
 * lowers the extractor's limit on a document's text.
 */
export type RenderSpec = {
  readonly output: 'json' | 'text' | 'compact' | 'verdicts';
  readonly color: boolean;
  readonly maxTextChars?: number;
};

export type RenderedReview =
  | { readonly ok: true; readonly chunks: readonly string[] }
  | { readonly ok: false; readonly failure: ReviewFailure };

export const renderDocument = (d: ReviewedDocument, spec: RenderSpec): readonly string[] =>
  spec.output === 'json'
    ? documentJsonChunks(d)
    : spec.output === 'compact'
      ? [JSON.stringify(d)]
      : spec.output === 'verdicts'
        ? [JSON.stringify(verdictEntries(d.provisions))]
        : [formatReview(d, spec.color)];

/** One document of the --json output, as it stands inside `{ "documents": [ ... ] }`, in chunks. */
export const documentJsonChunks = (d: ReviewedDocument): string[] =>
  // Document, then its provisions array: each provision is one piece.
  chunked(jsonPieces(d, '    ', 2));

/**
 * Writes `{ "documents": [...], "errors": [...] }` exactly as `JSON.stringify(..., null, 2)` would, a document at a
 * time, through `write` (raw, no newline added), which resolves once the output can take more: a slow reader of a
 * pipe holds the review back instead of letting the output pile up in memory.
 */
export function reviewJsonWriter(write: (chunk: string) => Promise<void>) {
  let documents = 0;
  return {
    begin: (): Promise<void> => write('{\n  "documents": ['),
    async document(chunks: readonly string[]): Promise<void> {
      await write(documents++ === 0 ? '\n    ' : ',\n    ');
      for (const c of chunks) await write(c);
    },
    async end(errors: readonly ReviewFailure[]): Promise<void> {
      await write(documents === 0 ? '],\n' : '\n  ],\n');
      await write(`  "errors": ${JSON.stringify(errors, null, 2).replace(/\n/g, '\n  ')}\n}\n`);
    },
  };
}
