// A generated corpus of hostile files — valid PDFs, HTML, UTF-16 text and a PNG, truncated, bit-flipped and spliced
// — through what `review` and `extract` run: each file is read and reviewed, or refused with a DomainError (exit 2).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { extractDocument } from './extract-document.ts';
import { reviewText } from '../domain/review/review-text.ts';
import { buildCaseFile } from '../domain/case-file/build-case-file.ts';
import { loadRegistry } from '../db/registry/load-registry.ts';
import { isDomainError } from '../domain/shared/domain-error.ts';
import { makePolicyPdf } from '../../bench/worker-bench.ts';

const RUNS = Number(process.env.ACCORDANCE_FUZZ_FILES ?? 25);

test('mutated files of every format: reviewed and read for facts, or refused with a clear error', async () => {
  const registry = loadRegistry();
  const html = Buffer.from(
    '<!doctype html><html><head><script>alert(1)</script><style>p{}</style></head><body><nav>menu</nav>' +
      '<p>Sec. 1. Officers shall not inquire about immigration status.</p><p>Chicago and Cook County were asked by Feb. 23.</p></body></html>',
  );
  const utf16 = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from('Sec. 2. The jail shall not honor ICE detainers.\n', 'utf16le'),
  ]);
  const samples: [string, Uint8Array][] = [
    ['policy.pdf', await makePolicyPdf(2, 5)],
    ['page.html', html],
    ['order.txt', utf16],
    [
      'scan.png',
      new Uint8Array(readFileSync(new URL('../../data/fixtures/ocr-detainer-notice.png', import.meta.url))),
    ],
  ];
  const mutate = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({
      kind: fc.constant('flip' as const),
      at: fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
    }),
    fc.record({
      kind: fc.constant('splice' as const),
      junk: fc.uint8Array({ minLength: 1, maxLength: 2000 }),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
    }),
  );
  let cases = 0;
  let refused = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...samples), mutate, async ([name, original], m) => {
      cases++;
      let bytes: Uint8Array;
      if (m.kind === 'truncate') bytes = original.subarray(0, Math.floor(original.length * m.at));
      else if (m.kind === 'flip') {
        bytes = new Uint8Array(original);
        for (const i of m.at) bytes[i % bytes.length] = (bytes[i % bytes.length] ?? 0) ^ 0xff;
      } else {
        const cut = Math.floor(original.length * m.at);
        bytes = new Uint8Array([...original.subarray(0, cut), ...m.junk, ...original.subarray(cut)]);
      }
      try {
        // The OCR path is exercised by the extraction tests; here the budget keeps the run short.
        const doc = await extractDocument(bytes, name, {
          timeBudgetMs: 20_000,
          ocr: name.endsWith('.png') ? false : true,
        });
        reviewText(doc.text);
        buildCaseFile([{ name, text: doc.text }], registry);
      } catch (e) {
        if (!isDomainError(e)) throw e;
        assert.ok(!e.message.includes('\n    at '), 'no stack trace in the message');
        refused++;
      }
    }),
    { numRuns: RUNS * samples.length },
  );
  process.stdout.write(
    `# fuzz: ${cases} hostile files, ${refused} refused with a clear error, the rest read\n`,
  );
});
