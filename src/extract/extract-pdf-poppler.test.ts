// The poppler fast path and the pdf.js path read the same words and the same pages from a text PDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from './extract-document.ts';
import { extractPdfWithPoppler, hasPdftotext } from './extract-pdf-poppler.ts';
import { resolveExtractOptions } from './extract-options.ts';
import { makePolicyPdf } from '../../bench/worker-bench.ts';

const words = (s: string) => s.replace(/\s+/g, ' ').trim();

test(
  'pdftotext and pdf.js agree on the text and page locators of a 6-page PDF',
  { skip: hasPdftotext() ? false : 'pdftotext not installed' },
  async () => {
    const pdf = await makePolicyPdf(6, 3);
    const fast = await extractPdfWithPoppler(pdf, 'm.pdf', resolveExtractOptions());
    assert.ok(fast, 'the fast path took the file');
    const slow = await extractDocument(pdf, 'm.pdf', { isolate: false, ...({} as object) });
    assert.equal(fast.pages?.length, 6);
    for (const p of fast.pages ?? [])
      assert.match(fast.text.slice(p.start, p.end), new RegExp(`page ${p.page}\\b`));
    // pdf.js ran on the same bytes when the fast path is off.
    process.env.ACCORDANCE_PDFTOTEXT = '0';
    try {
      const viaPdfjs = await extractDocument(pdf, 'm.pdf');
      assert.equal(words(viaPdfjs.text), words(fast.text));
      assert.equal(viaPdfjs.pages?.length, 6);
    } finally {
      delete process.env.ACCORDANCE_PDFTOTEXT;
    }
    assert.equal(words(slow.text), words(fast.text));
  },
);

test('an incomplete PDF is left to the pdf.js path, which refuses it', async () => {
  const pdf = await makePolicyPdf(2, 1);
  const cut = pdf.subarray(0, Math.floor(pdf.length * 0.6));
  assert.equal(await extractPdfWithPoppler(cut, 'cut.pdf', resolveExtractOptions()), null);
  await assert.rejects(extractDocument(cut, 'cut.pdf'));
});
