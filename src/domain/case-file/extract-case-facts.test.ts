// One document end to end: valid spans, the document's date and kind, requests with recipients, hostile input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { loadRegistry } from '../../db/registry/load-registry.ts';
import type { IsoDate, OcdId } from '../shared/brand.ts';
import { DomainError } from '../shared/domain-error.ts';
import type { ExtractedDocument, Span } from './case-facts.ts';
import { MAX_TEXT_LENGTH } from './check-input-text.ts';
import { extractCaseFacts, inferDocumentKind } from './extract-case-facts.ts';

const registry = loadRegistry();
const CORPUS = new URL('../../../data/corpus/case-file/', import.meta.url);
const corpus = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, text: readFileSync(new URL(f, CORPUS), 'utf8') }));
const ocd = (tail: string): OcdId => `ocd-division/country:us/${tail}` as OcdId;

function spansOf(d: ExtractedDocument): Span[] {
  return [
    ...d.jurisdictions.flatMap((j) => j.mentions),
    ...d.events.flatMap((e) => [...e.sources, ...(e.count ? [e.count.span] : [])]),
    ...d.amounts.map((a) => a.span),
    ...d.statutes.map((s) => s.span),
    ...d.programs.map((p) => p.span),
    ...d.claims.flatMap((c) => [c.span, c.speakerSpan]),
    ...d.removed,
    ...(d.dateSource && d.dateSource !== 'given' ? [d.dateSource] : []),
  ];
}

test('every extracted item of every corpus document has a span that is its slice of the text', () => {
  assert.ok(corpus.length >= 15);
  for (const doc of corpus) {
    const d = extractCaseFacts(doc, registry);
    const spans = spansOf(d);
    assert.ok(spans.length > 5, doc.name);
    for (const s of spans) {
      assert.ok(
        s.start >= 0 && s.end <= doc.text.length && s.start <= s.end,
        `${doc.name} ${JSON.stringify(s)}`,
      );
      assert.equal(doc.text.slice(s.start, s.end), s.text, doc.name);
    }
    for (const e of d.events) assert.ok(e.sources.length > 0, `${doc.name}: ${e.type} without a source`);
  }
});

test('a wire story: dateline, "on Wednesday", a 23-name list, "until Feb. 23", the subpoena threat', () => {
  const doc = corpus.find((d) => d.name.startsWith('08-')) as { name: string; text: string };
  const d = extractCaseFacts(doc, registry);
  assert.equal(d.kind, 'news');
  assert.equal(d.date, '2018-01-24');
  const [request] = d.events.filter((e) => e.type === 'document-request');
  assert.equal(request?.date, '2018-01-24');
  assert.equal(request?.count?.value, 23);
  assert.equal(request?.deadline, '2018-02-23');
  assert.equal(request?.jurisdictions.length, 23);
  assert.ok(
    !request?.jurisdictions.includes(ocd('state:pa/place:philadelphia')),
    'Philadelphia was left off',
  );
  assert.ok(d.events.some((e) => e.type === 'subpoena-threat' && e.date === '2018-01-24'));
  assert.ok(d.events.some((e) => e.type === 'deadline' && e.date === '2018-02-23'));
});

test('a letter is dated by its date line and asks its addressee, not its letterhead', () => {
  const doc = corpus.find((d) => d.name.startsWith('13-')) as { name: string; text: string };
  const d = extractCaseFacts(doc, registry);
  assert.equal(d.kind, 'letter');
  assert.equal(d.date, '2018-04-12');
  const request = d.events.find((e) => e.type === 'document-request');
  assert.deepEqual(request?.jurisdictions, [ocd('state:wa/place:seattle')]);
  assert.equal(request?.deadline, '2018-05-14');
  const dc = d.jurisdictions.find((j) => j.id === ocd('district:dc'));
  assert.deepEqual(
    dc?.mentions.map((m) => m.role),
    ['letterhead'],
  );
});

test('a court order is dated by its "Dated:" line and names its court from the caption', () => {
  const doc = corpus.find((d) => d.name.startsWith('15-')) as { name: string; text: string };
  const d = extractCaseFacts(doc, registry);
  assert.equal(d.kind, 'court-order');
  assert.equal(d.date, '2017-09-15');
  const ruling = d.events.find((e) => e.type === 'court-ruling');
  assert.equal(ruling?.ruling?.court, 'N.D. Ill.');
  assert.deepEqual([...(ruling?.ruling?.blocked ?? [])].sort(), ['jag-fy2017-access', 'jag-fy2017-notice']);
  assert.deepEqual(ruling?.ruling?.notBlocked, ['jag-fy2017-1373-compliance']);
  assert.equal(ruling?.ruling?.scope, 'nationwide');
});

test('a given date wins over the text; a request "within 30 days" gets a computed deadline with its rule', () => {
  const d = extractCaseFacts(
    {
      name: 'rule.txt',
      kind: 'press-release',
      date: '2018-01-24' as IsoDate,
      text: 'Today the Department of Justice sent letters to 23 jurisdictions demanding documents within 30 days.',
    },
    registry,
  );
  assert.equal(d.dateSource, 'given');
  const request = d.events.find((e) => e.type === 'document-request');
  assert.equal(request?.deadline, '2018-02-23');
  assert.equal(request?.deadlineRule, '30 calendar days after 2018-01-24');
  assert.ok(d.events.some((e) => e.type === 'deadline' && e.date === '2018-02-23'));
});

test('kinds are read from the text when intake does not give them', () => {
  assert.equal(inferDocumentKind('FOR IMMEDIATE RELEASE\nFriday, April 21, 2017'), 'press-release');
  assert.equal(inferDocumentKind('Re: Request\n\nDear Mayor:\n\nWe write ...\n\nSincerely,'), 'letter');
  assert.equal(
    inferDocumentKind('IN THE UNITED STATES DISTRICT COURT\nIT IS HEREBY ORDERED that'),
    'court-order',
  );
  assert.equal(inferDocumentKind('CHICAGO (AP) — The city sued.'), 'news');
});

test('money with qualifiers, fiscal years and the jurisdiction it belongs to', () => {
  const d = extractCaseFacts(
    {
      name: 'm.txt',
      kind: 'news',
      date: '2018-01-26' as IsoDate,
      text:
        'Chicago received about $2.1 million in Byrne JAG funds in fiscal 2016. Jackson, Miss., got $260,499 in FY2016. ' +
        'Nationally, the program distributed about $275 million. New York City received more than $2 million.',
    },
    registry,
  );
  assert.deepEqual(
    d.amounts.map((a) => [
      a.value,
      a.qualifier,
      a.fiscalYear,
      a.jurisdiction?.slice('ocd-division/country:us/'.length),
      a.scope,
      a.span.text,
    ]),
    [
      [2100000, 'about', 2016, 'state:il/place:chicago', undefined, 'about $2.1 million'],
      [260499, 'exact', 2016, 'state:ms/place:jackson', undefined, '$260,499'],
      [275000000, 'about', undefined, undefined, 'national', 'about $275 million'],
      [2000000, 'more-than', undefined, 'state:ny/place:new_york', undefined, 'more than $2 million'],
    ],
  );
  assert.equal(d.amounts[0]?.program, 'byrne-jag');
});

test('statutes and programs in their usual spellings', () => {
  const d = extractCaseFacts(
    {
      name: 's.txt',
      kind: 'news',
      date: '2018-01-26' as IsoDate,
      text:
        'Under 8 U.S.C. 1373, Section 1373(a), §§ 1373 and 1644, and Section 9(a) of Executive Order 13768, ' +
        "the Edward Byrne Memorial Justice Assistance Grant and COPS grants; California's SB 54.",
    },
    registry,
  );
  assert.deepEqual(
    d.statutes.map((s) => [s.citation, s.subsection]),
    [
      ['8 U.S.C. § 1373', undefined],
      ['8 U.S.C. § 1373', '(a)'],
      ['8 U.S.C. § 1373', undefined],
      ['8 U.S.C. § 1644', undefined],
      ['Executive Order 13768', '9(a)'],
      ['California SB 54', undefined],
    ],
  );
  assert.deepEqual(
    d.programs.map((p) => p.id),
    ['byrne-jag', 'cops'],
  );
});

test('a text over the size limit is refused before any work, whatever it holds', () => {
  const huge = 'x'.repeat(100 * 1024 * 1024);
  const t0 = performance.now();
  assert.throws(
    () => extractCaseFacts({ name: 'huge.txt', text: huge }, registry),
    (e: unknown) => e instanceof DomainError && e.code === 'too-large',
  );
  assert.ok(performance.now() - t0 < 200, 'refused on its length alone');
  assert.throws(
    () => extractCaseFacts({ name: 'limit.txt', text: 'a'.repeat(MAX_TEXT_LENGTH + 1) }, registry),
    (e: unknown) => e instanceof DomainError && e.code === 'too-large',
  );
});

test('binary junk is bad input', () => {
  const bytes = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
  assert.throws(
    () => extractCaseFacts({ name: 'blob.bin', text: bytes }, registry),
    (e: unknown) => e instanceof DomainError && e.code === 'bad-input',
  );
  assert.throws(
    () => extractCaseFacts({ name: 'nul.txt', text: 'Chicago\u0000Cook County' }, registry),
    (e: unknown) => e instanceof DomainError && e.code === 'bad-input',
  );
  assert.throws(
    () => extractCaseFacts({ name: 'garbled.txt', text: 'Chicago \ufffd\ufffd '.repeat(200) }, registry),
    (e: unknown) => e instanceof DomainError && e.code === 'bad-input',
  );
});

test('deeply repetitive text finishes quickly (no catastrophic backtracking, no quadratic scans)', () => {
  const cases: Record<string, string> = {
    names: 'Chicago, '.repeat(60_000),
    letters: 'a'.repeat(600_000),
    lowercaseGlue: 'toChicago'.repeat(60_000),
    dates: 'Jan. 1, '.repeat(60_000),
    money: '$1,'.repeat(150_000),
    quotes: '"said X, '.repeat(60_000),
    sentences:
      'The department sent letters to 23 jurisdictions on Wednesday and demanded documents by Feb. 23. '.repeat(
        5_000,
      ),
    semicolons: 'Chicago; Jan. 1; '.repeat(40_000),
    capitals: 'Justice Department Demands Records From '.repeat(15_000),
  };
  for (const [name, text] of Object.entries(cases)) {
    const t0 = performance.now();
    extractCaseFacts({ name, text, date: '2018-01-25' as IsoDate }, registry);
    const ms = performance.now() - t0;
    assert.ok(ms < 5000, `${name}: ${Math.round(ms)} ms for ${text.length} characters`);
  }
});
