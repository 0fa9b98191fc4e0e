// Fuzzing the domain's parsers with generated inputs: any string gets a value or a DomainError, never a crash
// or another error type; and the deadline arithmetic keeps its invariants for any date and rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIsoDate, addDays } from './shared/iso-date.ts';
import { DomainError } from './shared/domain-error.ts';
import { parseOcdId } from './jurisdictions/jurisdiction.ts';
import { parseDeadlineRule } from './deadlines/deadline-rule.ts';
import { computeDeadline, nonBusinessReason } from './deadlines/compute-deadline.ts';
import { parseEscalationStep } from './escalation/check-escalation.ts';
import type { IsoDate } from './shared/brand.ts';

const RUNS = Number(process.env.ACCORDANCE_FUZZ_RUNS ?? 2000);
let cases = 0;
const onlyDomainErrors = (fn: (s: string) => unknown) => (s: string) => {
  cases++;
  try {
    fn(s);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
  }
};

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', '\u0000', '2018-02-30', '9999-99-99'),
);

test('parsers refuse anything malformed with a DomainError and nothing else', () => {
  for (const parse of [parseIsoDate, parseOcdId, parseDeadlineRule, parseEscalationStep]) {
    fc.assert(fc.property(anyText, onlyDomainErrors(parse)), { numRuns: RUNS });
  }
  // Near-misses are the interesting inputs: date-shaped and id-shaped strings.
  fc.assert(
    fc.property(
      fc.tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
      ),
      ([y, m, d]) =>
        onlyDomainErrors(parseIsoDate)(
          `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        ),
    ),
    { numRuns: RUNS },
  );
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('state:', 'county:', 'place:', 'il', 'x/', '/', '~', '-', 'a', 'É', ':'), {
        maxLength: 12,
      }),
      (parts) => onlyDomainErrors(parseOcdId)(`ocd-division/country:us/${parts.join('')}`),
    ),
    { numRuns: RUNS },
  );
  process.stdout.write(`# fuzz: ${cases} parser cases\n`);
});

test('a valid date parses to itself', () => {
  fc.assert(
    fc.property(
      fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2100-12-31T00:00:00Z'),
        noInvalidDate: true,
      }),
      (d) => {
        const s = d.toISOString().slice(0, 10);
        assert.equal(parseIsoDate(s), s);
      },
    ),
    { numRuns: RUNS },
  );
});

test('deadlines: never before the trigger; business-day deadlines land on business days; calendar ones roll at most past a long weekend', () => {
  const day = fc.integer({ min: 0, max: 365 * 60 }).map((n) => addDays('1990-01-01' as IsoDate, n));
  fc.assert(
    fc.property(
      day,
      fc.integer({ min: 1, max: 400 }),
      fc.constantFrom('calendar', 'business'),
      (trigger, n, kind) => {
        const d = computeDeadline(trigger, parseDeadlineRule(`${n} ${kind} days`));
        assert.ok(d.due > trigger);
        assert.equal(nonBusinessReason(d.due), undefined, `${d.due} is not a business day`);
        if (kind === 'calendar') assert.ok(d.due <= addDays(trigger, n + 4));
        else assert.ok(d.due >= addDays(trigger, n));
      },
    ),
    { numRuns: RUNS },
  );
});
