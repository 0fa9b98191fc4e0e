// OCD-ID validation: well-formed ids pass, malformed ones fail with `bad-ocd-id`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../shared/domain-error.ts';
import { isOcdId, ocdIdParts, parseOcdId, stateCodeOfOcdId, usOcdId } from './parse-ocd-id.ts';

const good = [
  'ocd-division/country:us',
  'ocd-division/country:us/state:il',
  'ocd-division/country:us/district:dc',
  'ocd-division/country:us/territory:pr/municipio:san_juan',
  'ocd-division/country:us/state:fl/county:miami-dade',
  'ocd-division/country:us/state:id/place:coeur_d~alene',
  'ocd-division/country:us/state:pa/county:adams/place:liberty',
];

for (const id of good) {
  test(`accepts ${id}`, () => {
    assert.equal(parseOcdId(id), id);
    assert.ok(isOcdId(id));
  });
}

const bad: readonly (readonly [string, string])[] = [
  ['an empty string', ''],
  ['a bare place name', 'Chicago'],
  ['upper case', 'ocd-division/country:us/state:IL'],
  ['a missing country', 'ocd-division/state:il'],
  ['a space inside a slug', 'ocd-division/country:us/state:ca/place:los angeles'],
  ['a trailing slash', 'ocd-division/country:us/state:il/'],
  ['surrounding whitespace', ' ocd-division/country:us/state:il'],
  ['a part without a type', 'ocd-division/country:us/il'],
  ['a jurisdiction id instead of a division id', 'ocd-jurisdiction/country:us/state:il/government'],
];

for (const [scenario, text] of bad) {
  test(`rejects ${scenario} with bad-ocd-id`, () => {
    assert.throws(
      () => parseOcdId(text),
      (e: unknown) => isDomainError(e) && e.code === 'bad-ocd-id',
    );
    assert.equal(isOcdId(text), false);
  });
}

test('an id splits into its type:value parts', () => {
  assert.deepEqual(ocdIdParts('ocd-division/country:us/state:ky/county:jefferson'), [
    { type: 'country', value: 'us' },
    { type: 'state', value: 'ky' },
    { type: 'county', value: 'jefferson' },
  ]);
});

test('ids are built from parts and know their state', () => {
  const id = usOcdId(['state', 'co'], ['place', 'denver']);
  assert.equal(id, 'ocd-division/country:us/state:co/place:denver');
  assert.equal(stateCodeOfOcdId(id), 'co');
  assert.equal(stateCodeOfOcdId('ocd-division/country:us/district:dc'), 'dc');
  assert.equal(stateCodeOfOcdId('ocd-division/country:us'), undefined);
  assert.throws(
    () => usOcdId(['place', 'Los Angeles']),
    (e: unknown) => isDomainError(e) && e.code === 'bad-ocd-id',
  );
});
