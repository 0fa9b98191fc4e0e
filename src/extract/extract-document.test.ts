// Intake of each format and of hostile files: every readable file gives text and locators, every hostile one a DomainError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { isDomainError } from '../domain/shared/domain-error.ts';
import { extractDocument } from './extract-document.ts';
import { detectFormat } from './detect-format.ts';

const FIXTURES = new URL('../../data/fixtures/', import.meta.url);

// ---- fixture builders ---------------------------------------------------------------------------------------

interface PdfPage {
  readonly lines?: readonly string[];
  readonly image?: { readonly width: number; readonly height: number; readonly flate: Buffer };
}

/** A small, valid PDF written by hand: one Helvetica text page per `lines`, or a page painted with one gray image. */
function makePdf(pages: readonly PdfPage[]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: string | Buffer): number => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const stream = (dict: string, data: Buffer): Buffer =>
    Buffer.concat([
      Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream', 'latin1'),
    ]);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PLACEHOLDER');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids: number[] = [];
  for (const page of pages) {
    if (page.image) {
      const { width, height, flate } = page.image;
      const img = add(
        stream(
          `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors 1 /BitsPerComponent 8 /Columns ${width} >>`,
          flate,
        ),
      );
      const content = add(stream('', Buffer.from(`q ${width} 0 0 ${height} 0 0 cm /Im1 Do Q`, 'latin1')));
      kids.push(
        add(
          `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /XObject << /Im1 ${img} 0 R >> >> /Contents ${content} 0 R >>`,
        ),
      );
    } else {
      const esc = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);
      const ops = (page.lines ?? []).map((l, i) => `${i === 0 ? '' : 'T* '}(${esc(l)}) Tj`).join('\n');
      const content = add(stream('', Buffer.from(`BT /F1 11 Tf 14 TL 72 740 Td\n${ops}\nET`, 'latin1')));
      kids.push(
        add(
          `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`,
        ),
      );
    }
  }
  objects[1] = Buffer.from(
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`,
    'latin1',
  );
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const obj = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(obj);
    length += obj.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
  ].join('');
  parts.push(
    Buffer.from(
      `${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
}

/** Width, height and the zlib stream of an 8-bit gray, non-interlaced PNG: PDF's PNG predictors read it as is. */
function pngToFlate(png: Buffer): { width: number; height: number; flate: Buffer } {
  let p = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (p < png.length) {
    const len = png.readUInt32BE(p);
    const type = png.toString('latin1', p + 4, p + 8);
    const data = png.subarray(p + 8, p + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert.equal(data[8], 8, 'fixture must be 8-bit');
      assert.equal(data[9], 0, 'fixture must be grayscale');
    }
    if (type === 'IDAT') idat.push(data);
    p += 12 + len;
  }
  return { width, height, flate: Buffer.concat(idat) };
}

interface ZipFile {
  readonly name: string;
  readonly data: Buffer;
  /** Claim a different uncompressed size in the headers (a lying archive). */
  readonly claimedSize?: number;
}

/** A ZIP archive written by hand (deflate), enough for mammoth and for hostile variants. */
function makeZip(files: readonly ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const f of files) {
    const name = Buffer.from(f.name, 'utf8');
    const compressed = deflateRawSync(f.data);
    const size = f.claimedSize ?? f.data.length;
    const crc = crc32(f.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const docxParts = (paragraphs: readonly string[]): ZipFile[] => [
  {
    name: '[Content_Types].xml',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
  },
  {
    name: '_rels/.rels',
    data: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
  },
  {
    name: 'word/document.xml',
    data: Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs
        .map(
          (p) =>
            `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`,
        )
        .join('')}</w:body></w:document>`,
    ),
  },
];

/** Deterministic pseudo-random bytes (xorshift), so the hostile-input test is reproducible. */
function randomBytes(n: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

async function rejectsWith(promise: Promise<unknown>, code: string, pattern?: RegExp): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(isDomainError(e), `expected a DomainError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.ok(!e.message.includes('\n'), 'the reason is one line');
    if (pattern) assert.match(e.message, pattern);
    return true;
  });
}

// ---- readable formats -----------------------------------------------------------------------------------------

test('a text PDF gives its words with a locator per page and the SHA-256 of the bytes', async () => {
  const pdf = makePdf([
    { lines: ['Sec. 1. Title.', 'This ordinance is the Community Trust Ordinance.'] },
    {
      lines: [
        'Sec. 2. The Sheriff shall not honor an ICE detainer',
        'unless it is accompanied by a judicial warrant.',
      ],
    },
  ]);
  const doc = await extractDocument(pdf, 'ordinance.pdf');
  assert.equal(doc.format, 'pdf');
  assert.equal(doc.sha256, createHash('sha256').update(pdf).digest('hex'));
  assert.equal(doc.pages?.length, 2);
  const [p1, p2] = doc.pages!;
  assert.match(doc.text.slice(p1!.start, p1!.end), /Community Trust Ordinance/);
  assert.match(doc.text.slice(p2!.start, p2!.end), /honor an ICE detainer/);
  assert.equal(p2!.source, 'text-layer');
  assert.ok(p1!.end <= p2!.start);
});

test('a scanned PDF page without a text layer is read by OCR, offline', async () => {
  const png = readFileSync(new URL('ocr-detainer-notice.png', FIXTURES));
  const pdf = makePdf([
    { lines: ['Cover page of the Sheriff order on immigration holds.'] },
    { image: pngToFlate(png) },
  ]);
  const doc = await extractDocument(pdf, 'scan.pdf');
  assert.equal(doc.pages?.[1]?.source, 'ocr');
  const page2 = doc.text.slice(doc.pages![1]!.start, doc.pages![1]!.end);
  assert.match(page2, /Sheriff shall not honor an ICE/);
  assert.match(page2, /judicial warrant/);
  assert.ok(doc.warnings.some((w) => /OCR used on 1 page/.test(w)));
});

test('a DOCX gives its paragraphs', async () => {
  const docx = makeZip(
    docxParts([
      'Section 1. No City employee shall inquire about immigration status.',
      'Section 2. Severability.',
    ]),
  );
  const doc = await extractDocument(docx, 'policy.docx');
  assert.equal(doc.format, 'docx');
  assert.match(doc.text, /No City employee shall inquire about immigration status\./);
  assert.match(doc.text, /Section 2\. Severability\./);
});

test('HTML loses scripts, styles, navigation, header and footer but keeps the policy text', async () => {
  const html = `<!DOCTYPE html><html><head><title>Policy</title><style>p{color:red}</style><script>var x = "shall not";</script></head>
    <body><header>City of Alder Falls</header><nav><a href="/">Home</a> | <a href="/x">Sitemap</a></nav>
    <main><h2>Sec. 3. Detainers</h2><p>The Sheriff shall not honor civil immigration detainers &amp; hold requests.</p></main>
    <footer>Copyright 2018</footer><script>track()</script></body></html>`;
  const doc = await extractDocument(Buffer.from(html), 'policy.html');
  assert.equal(doc.format, 'html');
  assert.match(doc.text, /Sec\. 3\. Detainers/);
  assert.match(doc.text, /shall not honor civil immigration detainers & hold requests\./);
  for (const gone of ['var x', 'track()', 'Sitemap', 'Copyright', 'City of Alder Falls', 'color:red'])
    assert.ok(!doc.text.includes(gone), gone);
});

test('plain text is decoded from UTF-16 (with and without BOM), UTF-8 with BOM and Windows-1252', async () => {
  const sample = 'Sec. 5. “Notification request” means a request by ICE — § 1373.';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]);
  const be = Buffer.from(sample, 'utf16le').swap16();
  const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]);
  for (const [bytes, encoding] of [
    [le, 'utf-16le (BOM)'],
    [be, 'utf-16be'],
    [bom8, 'utf-8 (BOM)'],
  ] as const) {
    const doc = await extractDocument(bytes, 'policy.txt');
    assert.equal(doc.format, 'text');
    assert.equal(doc.text, sample);
    assert.equal(doc.encoding, encoding);
  }
  // "§ 5 ‘quoted’ text" in Windows-1252: § = A7, ‘ = 91, ’ = 92 (not valid UTF-8)
  const cp1252 = Buffer.from([
    0xa7, 0x20, 0x35, 0x20, 0x91, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x92, 0x20, 0x74, 0x65, 0x78, 0x74,
    0x2e,
  ]);
  const doc = await extractDocument(cp1252, 'old.txt');
  assert.equal(doc.text, '§ 5 ‘quoted’ text.');
});

test('a PNG of a typed notice is read by OCR with the shipped English data', async () => {
  const doc = await extractDocument(readFileSync(new URL('ocr-detainer-notice.png', FIXTURES)), 'notice.png');
  assert.equal(doc.format, 'image');
  assert.match(doc.text, /honor an ICE\s+detainer unless it is accompanied/);
});

test('magic bytes decide the format before the extension does', () => {
  assert.equal(detectFormat(makePdf([{ lines: ['x'] }]), 'mislabelled.txt'), 'pdf');
  assert.equal(detectFormat(Buffer.from('<html><body>x</body></html>'), 'page.txt'), 'html');
  assert.equal(detectFormat(Buffer.from('Sec. 1. Text.'), 'policy.htm'), 'html');
  assert.equal(detectFormat(Buffer.from('Sec. 1. Text.'), 'policy'), 'text');
});

// ---- hostile input --------------------------------------------------------------------------------------------

test('a truncated PDF is refused as bad input', async () => {
  const pdf = makePdf([{ lines: ['Sec. 1. The Sheriff shall not honor detainers.'] }]);
  await rejectsWith(
    extractDocument(pdf.subarray(0, Math.floor(pdf.length * 0.6)), 'cut.pdf'),
    'bad-input',
    /truncated/,
  );
});

test('a corrupt PDF body is refused as bad input', async () => {
  const junk = Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    Buffer.from(randomBytes(4000)),
    Buffer.from('\n%%EOF\n'),
  ]);
  await rejectsWith(extractDocument(junk, 'corrupt.pdf'), 'bad-input');
});

test('a DOCX zip bomb is refused before it is inflated', async () => {
  const bomb = makeZip([
    ...docxParts(['Hello.']),
    { name: 'word/media/bomb.bin', data: Buffer.alloc(60 * 1024 * 1024) },
  ]);
  assert.ok(bomb.length < 200_000, 'the bomb is small on disk');
  await rejectsWith(extractDocument(bomb, 'bomb.docx'), 'too-large', /zip bomb|expands/);
});

test('a DOCX whose headers understate an entry is caught by the inflate limit', async () => {
  const liar = makeZip([
    ...docxParts(['Hello.']),
    { name: 'word/media/liar.bin', data: Buffer.alloc(8 * 1024 * 1024), claimedSize: 100 },
  ]);
  await rejectsWith(extractDocument(liar, 'liar.docx'), 'too-large', /inflates beyond/);
});

test('HTML nested 100 000 elements deep is refused quickly', async () => {
  const deep = `<html><body>${'<div>'.repeat(100_000)}text${'</div>'.repeat(100_000)}</body></html>`;
  const t0 = performance.now();
  await rejectsWith(extractDocument(Buffer.from(deep), 'deep.html'), 'bad-input', /nested/);
  assert.ok(performance.now() - t0 < 5000);
});

test('random bytes are refused whatever the file is called', async () => {
  const junk = randomBytes(64 * 1024);
  await rejectsWith(extractDocument(junk, 'notes.txt'), 'bad-input', /binary/);
  await rejectsWith(extractDocument(junk, 'scan.pdf'), 'bad-input', /not a PDF/);
  await rejectsWith(extractDocument(junk, 'blob'), 'bad-input');
});

test('size limits, the time budget and unsupported formats give one-line DomainErrors', async () => {
  await rejectsWith(
    extractDocument(Buffer.alloc(2048, 0x41), 'big.txt', { maxBytes: 1024 }),
    'too-large',
    /limit/,
  );
  await rejectsWith(
    extractDocument(Buffer.alloc(4096, 0x41), 'long.txt', { maxTextChars: 1000 }),
    'too-large',
  );
  const png = readFileSync(new URL('ocr-detainer-notice.png', FIXTURES));
  await rejectsWith(extractDocument(png, 'slow.png', { timeBudgetMs: 50 }), 'too-large', /budget/);
  await rejectsWith(extractDocument(new Uint8Array(0), 'empty.txt'), 'bad-input', /empty/);
  await rejectsWith(
    extractDocument(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.doc'),
    'bad-input',
    /legacy Word/,
  );
  await rejectsWith(extractDocument(Buffer.from('plain words'), 'fake.docx'), 'bad-input', /not a DOCX/);
  await rejectsWith(
    extractDocument(makeZip([{ name: 'a.txt', data: Buffer.from('x') }]), 'archive.docx'),
    'bad-input',
    /not a Word document/,
  );
});
