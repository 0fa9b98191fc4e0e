// Confirming or overriding automated findings: a submission is reviewed once for all of its confirmations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../domain/access/authorize.ts';
import type { Clock } from '../ports/clock.ts';
import type { Crypto, ProvisionReviewRecord, SubmissionStore, Writer, WriteTx } from '../ports/writes.ts';
import { reviewText } from '../../domain/review/review-text.ts';
import {
  createProvisionReviewService,
  verdictEntries,
  verdictsFromEntries,
  type AutomatedVerdicts,
} from './provision-review-service.ts';

const POLICY = `Sec. 1. Officers shall not inquire about a person's immigration status.
Sec. 2. The Sheriff shall not honor an ICE detainer request unless it is accompanied by a judicial warrant.
Sec. 3. Parking permits are issued by the Department of Transportation.`;

function setup() {
  let reviews = 0;
  const stored: ProvisionReviewRecord[] = [];
  const files: Record<string, Uint8Array> = {
    aaa: new TextEncoder().encode(POLICY),
    bbb: new TextEncoder().encode(POLICY.replace('ICE', 'DHS')),
  };
  // As the worker thread does it: the verdicts go through their plain-data form.
  const verdicts: AutomatedVerdicts = {
    async of(_file: string, bytes: Uint8Array) {
      reviews++;
      const entries = verdictEntries(reviewText(new TextDecoder().decode(bytes)).provisions);
      return verdictsFromEntries(structuredClone(entries));
    },
    close: async () => undefined,
  };
  const submissions = {
    list: async () => [],
    get: async (id: string) =>
      id === 'sub-1' || id === 'sub-2'
        ? { id, sha256: id === 'sub-1' ? 'aaa' : 'bbb', fileName: `${id}.txt` }
        : id === 'sub-3'
          ? { id, sha256: 'aaa', fileName: 'sub-3.html' }
          : undefined,
    blob: async (sha: string) => files[sha],
  } as unknown as SubmissionStore;
  const tx = {
    insertProvisionReview: async (r: ProvisionReviewRecord) => (stored.push(r), true),
    audit: async () => ({}),
  } as unknown as WriteTx;
  const writer: Writer = { write: (fn) => fn(tx) };
  let n = 0;
  const crypto = { randomToken: () => String(++n) } as unknown as Crypto;
  const clock: Clock = { today: () => '2018-02-20' as never, now: () => new Date('2018-02-20T12:00:00Z') };
  const service = createProvisionReviewService({ writer, submissions, verdicts, crypto, clock });
  return { service, stored, reviews: () => reviews };
}

const analyst: Actor = {
  kind: 'user',
  id: 'u1',
  email: 'analyst@example.gov',
  role: 'analyst',
  jurisdiction: null,
};
const confirm = (submission: string, provision: string, interpretation: string) => ({
  submission,
  provision,
  requirement: 'usc-8-1373',
  interpretation,
  action: 'confirm',
  reason: 'read the provision',
});

test('confirmations on one submission review its file once; another file is reviewed on its own', async () => {
  const { service, stored, reviews } = setup();
  const first = await service.record(analyst, confirm('sub-1', 'p1', 'agency'));
  await service.record(analyst, confirm('sub-1', 'p1', 'judicial'));
  await service.record(analyst, confirm('sub-1', 'p2', 'agency'));
  assert.equal(reviews(), 1);
  assert.equal(first.automated, 'conflict');
  assert.equal(stored.length, 3);
  await service.record(analyst, confirm('sub-2', 'p1', 'agency'));
  assert.equal(reviews(), 2);
  // The same bytes under another name are another file: the name's extension can decide the format.
  await service.record(analyst, confirm('sub-3', 'p1', 'agency'));
  assert.equal(reviews(), 3);
});

test('unknown provisions and findings are refused with the same messages as before', async () => {
  const { service, stored } = setup();
  await assert.rejects(
    service.record(analyst, confirm('sub-1', 'p99', 'agency')),
    /no provision "p99" in sub-1\.txt/,
  );
  // The parking provision has no findings.
  await assert.rejects(
    service.record(analyst, confirm('sub-1', 'p3', 'agency')),
    /no agency finding on usc-8-1373 for p3/,
  );
  await assert.rejects(
    service.record(analyst, { ...confirm('sub-1', 'p1', 'agency'), action: 'override', verdict: 'conflict' }),
    /already conflict: confirm it instead/,
  );
  assert.equal(stored.length, 0);
});
