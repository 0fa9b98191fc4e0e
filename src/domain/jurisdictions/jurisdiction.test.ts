// OCD-ID grammar for jurisdictions: county-equivalents, nested places, and what is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kindOfOcdId, parseOcdId, stateIdOf } from './jurisdiction.ts';
import { DomainError } from '../shared/domain-error.ts';

const P = 'ocd-division/country:us/';

test('county-equivalents and nested places are accepted and classified', () => {
  const cases: [string, string, string][] = [
    ['state:la/parish:orleans', 'county', 'state:la'],
    ['state:ak/borough:juneau', 'county', 'state:ak'],
    ['state:ky/county:mercer/place:jackson', 'place', 'state:ky'],
    ['state:fl/county:miami-dade', 'county', 'state:fl'],
    ['district:dc', 'district', 'district:dc'],
    ['state:ca', 'state', 'state:ca'],
  ];
  for (const [id, kind, state] of cases) {
    const parsed = parseOcdId(P + id);
    assert.equal(kindOfOcdId(parsed), kind, id);
    assert.equal(stateIdOf(parsed), P + state, id);
  }
});

test('malformed, non-US and padded ids are refused as bad-ocd-id', () => {
  for (const bad of [
    'Chicago',
    'ocd-division/country:ca/province:on',
    `${P}State:IL`,
    `${P}state:il/place:`,
    '',
    'ocd-division/',
  ]) {
    assert.throws(
      () => parseOcdId(bad),
      (e: unknown) => e instanceof DomainError && e.code === 'bad-ocd-id',
      bad,
    );
  }
});
