// Several sources about the same events: merged with all sources, disagreements shown and reconciled (BRIEF §2.7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { loadRegistry } from '../../db/registry/load-registry.ts';
import type { IsoDate } from '../shared/brand.ts';
import { DomainError } from '../shared/domain-error.ts';
import { buildCaseFile } from './build-case-file.ts';
import type { CaseDocument } from './case-facts.ts';
import { extractCaseFacts } from './extract-case-facts.ts';
import { mergeCaseFacts } from './merge-case-facts.ts';

const registry = loadRegistry();
const ocd = (tail: string): string => `ocd-division/country:us/${tail}`;
const read = (name: string, date: string, text: string): CaseDocument => ({
  name,
  date: date as IsoDate,
  kind: 'news',
  text,
});
const merge = (...docs: CaseDocument[]) => mergeCaseFacts(docs.map((d) => extractCaseFacts(d, registry)));

const WIRE = read(
  'wire.txt',
  '2018-01-24',
  'The Justice Department on Wednesday demanded documents from 23 jurisdictions, including Chicago and Cook County, and gave them until Feb. 23 to respond.',
);
const LOCAL = read(
  'local.txt',
  '2018-01-25',
  'Chicago was among 23 jurisdictions ordered by the Justice Department on Wednesday to turn over records by Feb. 23.',
);

test('the same request told by two sources is one event with both sources and no conflict', () => {
  const m = merge(WIRE, LOCAL);
  const requests = m.events.filter((e) => e.type === 'document-request');
  assert.equal(requests.length, 1);
  const [r] = requests;
  assert.equal(r?.date, '2018-01-24');
  assert.equal(r?.count?.value, 23);
  assert.equal(r?.deadline, '2018-02-23');
  assert.deepEqual(r?.jurisdictions, [ocd('state:il/place:chicago'), ocd('state:il/county:cook')]);
  assert.deepEqual([...new Set(r?.sources.map((s) => s.document))], ['wire.txt', 'local.txt']);
  assert.deepEqual(m.conflicts, []);
  assert.equal(m.events.filter((e) => e.type === 'deadline').length, 1);
});

test('"38 in November" against 29 is a count conflict, reconciled as 9 + 29 across two waves', () => {
  const m = merge(
    read(
      'april.txt',
      '2017-04-21',
      'The Justice Department on Friday sent letters to nine jurisdictions, including Chicago.',
    ),
    read(
      'november.txt',
      '2017-11-16',
      'The Justice Department on Wednesday sent letters to 29 jurisdictions, including Seattle.',
    ),
    read('column.txt', '2018-02-02', 'In November the department sent warning letters to 38 jurisdictions.'),
  );
  const requests = m.events.filter((e) => e.type === 'document-request');
  assert.equal(requests.length, 2);
  const [conflict] = m.conflicts;
  assert.equal(m.conflicts.length, 1);
  assert.equal(conflict?.kind, 'count');
  assert.deepEqual(
    conflict?.values.map((v) => v.value),
    [29, 38],
  );
  assert.deepEqual(
    conflict?.values[1]?.sources.map((s) => s.document),
    ['column.txt'],
  );
  assert.deepEqual(conflict?.reconciliation?.parts.map((p) => [p.value, p.label]).sort(), [
    [29, '2017-11-15'],
    [9, '2017-04-21'],
  ]);
  assert.equal(m.reconciliations.length, 1);
  // The event keeps the figure most sources give.
  assert.equal(requests.find((r) => r.date === '2017-11-15')?.count?.value, 29);
});

test('a count no other wave explains stays an open conflict', () => {
  const m = merge(
    read(
      'a.txt',
      '2018-01-24',
      'The Justice Department on Wednesday demanded documents from 23 jurisdictions.',
    ),
    read(
      'b.txt',
      '2018-01-24',
      'The Justice Department on Wednesday demanded documents from 24 jurisdictions.',
    ),
  );
  assert.equal(m.conflicts.length, 1);
  assert.equal(m.conflicts[0]?.kind, 'count');
  assert.equal(m.conflicts[0]?.reconciliation, undefined);
});

test('a letter dated by its receipt conflicts by a day, reconciled as receipt versus sending', () => {
  const m = merge(
    WIRE,
    read(
      'seattle.txt',
      '2018-01-25',
      "King County received the department's letter on Thursday, as one of 23 jurisdictions asked for records.",
    ),
  );
  const date = m.conflicts.find((c) => c.kind === 'date');
  assert.deepEqual(
    date?.values.map((v) => v.value),
    ['2018-01-24', '2018-01-25'],
  );
  assert.match(date?.reconciliation?.explanation ?? '', /receipt/);
});

test('"three states and twenty cities" for a full list with counties is reconciled by the kinds on the list', () => {
  const list =
    'The jurisdictions are Chicago, Cook County, New York City, the State of California, Albany, N.Y., Berkeley, ' +
    'Calif., Bernalillo County, N.M., Burlington, Vt., Denver, Fremont, Calif., Jackson, Miss., King County, Wash., ' +
    'Lawrence, Mass., Los Angeles, Louisville, Ky., Monterey County, Calif., Sacramento County, Calif., San Francisco, ' +
    'Sonoma County, Calif., Watsonville, Calif., West Palm Beach, Fla., and the states of Illinois and Oregon.';
  const m = merge(
    read(
      'full.txt',
      '2018-01-24',
      `The Justice Department on Wednesday demanded documents from 23 jurisdictions. ${list}`,
    ),
    read(
      'parts.txt',
      '2018-01-25',
      'The administration on Wednesday ordered three states and twenty cities to turn over records.',
    ),
  );
  const c = m.conflicts.find((x) => x.kind === 'count-parts');
  assert.ok(c);
  assert.deepEqual(c.reconciliation?.parts, [
    { value: 3, label: 'states' },
    { value: 13, label: 'cities' },
    { value: 7, label: 'counties' },
  ]);
});

test('a full list of recipients against a source naming one more is a recipients conflict', () => {
  const m = merge(
    read(
      'full.txt',
      '2017-04-21',
      'The Justice Department on Friday sent letters to two jurisdictions: Chicago and New York City.',
    ),
    read('other.txt', '2017-04-22', 'On Friday, the department sent letters to Chicago and Philadelphia.'),
  );
  const c = m.conflicts.find((x) => x.kind === 'recipients');
  assert.ok(c);
  assert.deepEqual(c.values[1]?.value, [ocd('state:pa/place:philadelphia')]);
});

test('different waves and different findings stay apart', () => {
  const m = merge(
    read('oct.txt', '2017-10-12', 'The department said Wednesday that Chicago appears to violate the law.'),
    read(
      'nov.txt',
      '2017-11-18',
      'The department on Friday cleared New Orleans, saying it found no evidence of non-compliance.',
    ),
    read(
      'apr.txt',
      '2018-04-13',
      'The department on Thursday sent new document requests to Seattle, due May 14.',
    ),
    read('jan.txt', '2018-01-24', 'The department on Wednesday demanded documents from 23 jurisdictions.'),
  );
  assert.equal(m.events.filter((e) => e.type === 'determination').length, 2);
  assert.equal(m.events.filter((e) => e.type === 'document-request').length, 2);
  assert.deepEqual(m.conflicts, []);
  // Events come in time order.
  const dates = m.events.map((e) => e.date ?? '9999');
  assert.deepEqual(dates, [...dates].sort());
});

test('incompatible figures for the same money are a conflict; "more than $2 million" and "about $2.1 million" are not', () => {
  const m = merge(
    read('a.txt', '2018-01-24', 'Chicago received more than $2 million in fiscal 2016.'),
    read('b.txt', '2018-01-25', 'Chicago received about $2.1 million in fiscal 2016.'),
    read('c.txt', '2018-01-26', 'Chicago received $3,500,000 in fiscal 2016.'),
  );
  // $3.5 million is "more than $2 million", but not "about $2.1 million".
  const amounts = m.conflicts.filter((c) => c.kind === 'amount');
  assert.equal(amounts.length, 1);
  assert.deepEqual(
    amounts[0]?.values.map((v) => v.value),
    [2100000, 3500000],
  );
});

test('claims are carried with their source, never merged into events', () => {
  const m = merge(
    read(
      'q.txt',
      '2018-01-24',
      '"We will not be bullied," said Malik Osei, a spokesman for one of the mayors.',
    ),
  );
  assert.equal(m.claims.length, 1);
  assert.equal(m.claims[0]?.speaker, 'Malik Osei');
  assert.equal(m.claims[0]?.source.document, 'q.txt');
  assert.deepEqual(m.events, []);
});

test('the corpus merges into one case file with the disagreements of BRIEF §2.7 reconciled', () => {
  const dir = new URL('../../../data/corpus/case-file/', import.meta.url);
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f, text: readFileSync(new URL(f, dir), 'utf8') }));
  const file = buildCaseFile(docs, registry);
  assert.deepEqual(Object.keys(file), [
    'documents',
    'jurisdictions',
    'events',
    'amounts',
    'statutes',
    'programs',
    'claims',
    'conflicts',
  ]);
  assert.equal(file.documents.length, docs.length);
  const january = file.events.find((e) => e.type === 'document-request' && e.date === '2018-01-24');
  assert.equal(january?.jurisdictions.length, 23);
  assert.ok(new Set(january?.sources.map((s) => s.document)).size >= 6);
  assert.deepEqual(file.conflicts.map((c) => c.kind).sort(), ['count', 'count-parts', 'date']);
  assert.ok(file.conflicts.every((c) => c.reconciliation));
  const texts = new Map(docs.map((d) => [d.name, d.text]));
  for (const e of file.events)
    for (const s of e.sources) assert.equal(texts.get(s.document)?.slice(s.start, s.end), s.text);
});

test('one unreadable document refuses the whole run before any is read', () => {
  assert.throws(
    () => buildCaseFile([WIRE, { name: 'bad.bin', text: 'x\u0000y' }], registry),
    (e: unknown) => e instanceof DomainError && e.code === 'bad-input',
  );
});
