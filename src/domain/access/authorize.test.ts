// The authorization matrix: every role against every permission, own and other jurisdiction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorize, type Actor, type Permission } from './authorize.ts';
import { DomainError } from '../shared/domain-error.ts';
import type { OcdId } from '../shared/brand.ts';

const OWN = 'ocd-division/country:us/state:co/place:denver' as OcdId;
const OTHER = 'ocd-division/country:us/state:il/place:chicago' as OcdId;
const user = (
  role: Actor extends infer A ? (A extends { role: infer R } ? R : never) : never,
  jurisdiction: OcdId | null = null,
): Actor => ({
  kind: 'user',
  id: role,
  email: `${role}@example.gov`,
  role,
  jurisdiction,
});
const actors: Record<string, Actor> = {
  anonymous: { kind: 'anonymous' },
  public: user('public'),
  respondent: user('respondent', OWN),
  link: { kind: 'link', linkId: 'l1', jurisdiction: OWN, uploader: 'counsel' },
  analyst: user('analyst'),
  admin: user('admin'),
};
const outcome = (a: Actor, p: Permission, j?: OcdId): string => {
  try {
    authorize(a, p, j);
    return 'ok';
  } catch (e) {
    return e instanceof DomainError ? e.code : 'crash';
  }
};

// permission, jurisdiction → expected for anonymous, public, respondent, link, analyst, admin
const MATRIX: [Permission, OcdId | undefined, string[]][] = [
  ['read:published', undefined, ['ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
  ['review', undefined, ['ok', 'ok', 'ok', 'ok', 'ok', 'ok']],
  ['read:case', OWN, ['unauthenticated', 'forbidden', 'ok', 'forbidden', 'ok', 'ok']],
  ['read:case', OTHER, ['unauthenticated', 'forbidden', 'forbidden', 'forbidden', 'ok', 'ok']],
  ['upload', OWN, ['unauthenticated', 'forbidden', 'ok', 'ok', 'ok', 'ok']],
  ['upload', OTHER, ['unauthenticated', 'forbidden', 'forbidden', 'forbidden', 'ok', 'ok']],
  ['write:campaign', undefined, ['unauthenticated', 'forbidden', 'forbidden', 'forbidden', 'ok', 'ok']],
  ['write:determination', OWN, ['unauthenticated', 'forbidden', 'forbidden', 'forbidden', 'ok', 'ok']],
  ['write:escalation', OWN, ['unauthenticated', 'forbidden', 'forbidden', 'forbidden', 'ok', 'ok']],
  ['admin:users', undefined, ['unauthenticated', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'ok']],
];

for (const [permission, j, expected] of MATRIX) {
  test(`${permission}${j ? (j === OWN ? ' (own jurisdiction)' : ' (another jurisdiction)') : ''}`, () => {
    assert.deepEqual(
      Object.values(actors).map((a) => outcome(a, permission, j)),
      expected,
    );
  });
}
