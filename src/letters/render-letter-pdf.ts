// Renders a letter as PDF with pdfkit (STACK.md: ~25 ms a page), deterministic for the same content.
import PDFDocument from 'pdfkit';
import type { LetterContent } from '../domain/campaign/letter-content.ts';
import { letterDateText } from '../domain/campaign/letter-content.ts';

export function renderLetterPdf(letter: LetterContent, issuer: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // Fixed dates keep the bytes, and so the content hash, the same for the same letter.
    const stamp = new Date(`${letter.date}T12:00:00Z`);
    const doc = new PDFDocument({
      size: 'LETTER',
      margin: 72,
      info: {
        Title: `${letter.subject} — ${letter.to}`,
        Author: issuer,
        CreationDate: stamp,
        ModDate: stamp,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(11).text(issuer);
    doc.font('Helvetica').fontSize(10).text(letterDateText(letter.date)).moveDown();
    doc.text(letter.to).text(letter.toId, { oblique: true }).moveDown();
    doc.font('Helvetica-Bold').text(`Re: ${letter.subject}`).moveDown();
    doc.font('Helvetica');
    for (const p of letter.paragraphs) doc.text(p).moveDown(0.5);
    letter.requested.forEach((r, i) => doc.text(`${i + 1}. ${r}`, { indent: 18 }));
    doc.moveDown();
    doc
      .font('Helvetica-Bold')
      .text(`Deadline: ${letterDateText(letter.deadline.due)} (${letter.deadline.rule})`);
    doc.font('Helvetica').fontSize(8);
    for (const t of letter.deadline.trace) doc.text(t, { indent: 18 });
    doc.fontSize(10).moveDown();
    if (letter.consequences.length > 0) {
      doc.text('If the documents are not provided, the Department may take the following actions:');
      for (const c of letter.consequences) doc.text(`• ${c}`, { indent: 18 });
      doc.moveDown();
    }
    if (letter.citations.length > 0) {
      doc.font('Helvetica-Bold').text('Provisions cited');
      doc.font('Helvetica').fontSize(9);
      for (const c of letter.citations) doc.text(c).moveDown(0.3);
    }
    doc.end();
  });
}
