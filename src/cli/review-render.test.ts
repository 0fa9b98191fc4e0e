// The --json output written in pieces must be byte for byte what one JSON.stringify of the batch would give.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { reviewText } from '../domain/review/review-text.ts';
import type { ReviewedDocument, ReviewFailure } from '../app/review/review-service.ts';
import { chunked, documentJsonChunks, jsonPieces, reviewJsonWriter } from './review-render.ts';

const POLICY = `Sec. 1. Officers shall not inquire about a person's immigration status.
Sec. 2. The Sheriff shall not honor an ICE detainer request unless it is accompanied by a judicial warrant.
Sec. 3. Nothing in this order prohibits sending or receiving information as required by 8 U.S.C. § 1373.
Sec. 4. Parking permits are issued by the Department of Transportation.`;

const reviewed = (file: string, text: string): ReviewedDocument => {
  const r = reviewText(text);
  return {
    file,
    sha256: 'ab'.repeat(32),
    format: 'text',
    pages: [{ page: 1, start: 0, end: text.length }],
    warnings: [],
    provisions: r.provisions,
    summary: r.summary,
  };
};

const written = async (
  documents: readonly ReviewedDocument[],
  errors: readonly ReviewFailure[],
): Promise<string[]> => {
  const writes: string[] = [];
  const w = reviewJsonWriter(async (c) => {
    writes.push(c);
  });
  await w.begin();
  for (const d of documents) await w.document(documentJsonChunks(d));
  await w.end(errors);
  return writes;
};

test('streamed --json equals JSON.stringify of the whole batch, with and without documents or errors', async () => {
  const docs = [reviewed('a.txt', POLICY), reviewed('b.txt', 'Parking permits are issued monthly.')];
  const failure: ReviewFailure = { file: 'c.bin', code: 'bad-input', error: 'binary data' };
  for (const [documents, errors] of [
    [docs, [failure]],
    [docs, []],
    [[], [failure]],
    [[], []],
    [[docs[0]!], []],
  ] as const) {
    assert.equal(
      (await written(documents, errors)).join(''),
      `${JSON.stringify({ documents, errors }, null, 2)}\n`,
      `${documents.length} documents, ${errors.length} errors`,
    );
  }
});

test('jsonPieces matches JSON.stringify for any JSON value and depth (undefined members, empty containers)', () => {
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.constant(undefined),
      fc.constant(null),
      fc.boolean(),
      fc.double({ noNaN: false }),
      fc.string(),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(fc.string({ maxLength: 6 }), tie('node'), { maxKeys: 4 }),
    ),
  })).node;
  fc.assert(
    fc.property(
      // Long arrays too: members are stringified in batches whose size changes after the first.
      fc.oneof(
        fc.array(value),
        fc.array(value, { minLength: 30, maxLength: 300 }),
        fc.dictionary(fc.string({ maxLength: 6 }), value),
      ),
      fc.nat(5),
      fc.constantFrom('', '  ', '    '),
      (v, descend, pad) => {
        const expected = JSON.stringify(v, null, 2).replace(/\n/g, `\n${pad}`);
        assert.equal([...jsonPieces(v, pad, descend)].join(''), expected);
      },
    ),
    { numRuns: 500 },
  );
});

test('a long document is written in bounded chunks, never as one string', async () => {
  // About 0.2 MB of policy text gives about 5 MB of JSON: with 1 MB chunks no write may be far above that size.
  const long = reviewed('long.txt', Array.from({ length: 400 }, () => POLICY).join('\n\n'));
  const writes = await written([long], []);
  const total = writes.reduce((n, c) => n + c.length, 0);
  assert.ok(total > 3 * (1 << 20), `JSON of ${total} characters`);
  assert.ok(writes.length >= 4, `${writes.length} writes`);
  const largestProvision = Math.max(...long.provisions.map((p) => JSON.stringify(p, null, 2).length));
  // Chunks of about 1 MB from batches of about 256 KB: none far above 1.5 MB.
  for (const c of writes)
    assert.ok(c.length <= 1.5 * (1 << 20) + 2 * largestProvision, `a write of ${c.length}`);
  assert.equal(writes.join(''), `${JSON.stringify({ documents: [long], errors: [] }, null, 2)}\n`);
});

test('chunked joins pieces into chunks of about the given size, losing nothing', () => {
  const pieces = Array.from({ length: 100 }, (_, i) => 'x'.repeat(i % 7));
  const chunks = chunked(pieces, 10);
  assert.equal(chunks.join(''), pieces.join(''));
  for (const c of chunks.slice(0, -1)) assert.ok(c.length >= 10 && c.length < 16, `${c.length}`);
});
