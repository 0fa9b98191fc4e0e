// Accounts and sessions: argon2id password hashes, random session tokens stored only as hashes, CSRF tokens.
import type { Clock } from '../ports/clock.ts';
import type { Crypto, Role, UserRecord, UserStore, Writer } from '../ports/writes.ts';
import type { OcdId } from '../../domain/shared/brand.ts';
import { DomainError } from '../../domain/shared/domain-error.ts';
import { authorize, type Actor } from '../../domain/access/authorize.ts';
import { parseOcdId } from '../../domain/jurisdictions/jurisdiction.ts';

export const SESSION_HOURS = 12;
const ROLES: readonly Role[] = ['admin', 'analyst', 'respondent', 'public'];
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[a-z]{2,}$/i;

export type Session = {
  readonly token: string;
  readonly csrf: string;
  readonly expiresAt: string;
  readonly user: PublicUser;
};
export type PublicUser = {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly jurisdiction: OcdId | null;
};

const publicUser = (u: UserRecord): PublicUser => ({
  id: u.id,
  email: u.email,
  role: u.role,
  jurisdiction: u.jurisdiction,
});

export type AuthService = {
  createUser(
    by: Actor | 'bootstrap',
    input: { email: string; password: string; role: string; jurisdiction?: string | undefined },
  ): Promise<PublicUser>;
  login(email: string, password: string): Promise<Session>;
  /** The actor behind a session token, or anonymous when the token is unknown or expired. */
  actorFor(token: string | undefined): Promise<{ actor: Actor; csrf: string | null }>;
  logout(token: string): Promise<void>;
};

export function createAuthService(deps: {
  users: UserStore;
  writer: Writer;
  crypto: Crypto;
  clock: Clock;
}): AuthService {
  const { users, writer, crypto, clock } = deps;
  return {
    async createUser(by, input) {
      if (by !== 'bootstrap') authorize(by, 'admin:users');
      const email = (input.email ?? '').trim().toLowerCase();
      if (!EMAIL.test(email)) throw new DomainError('bad-input', `"${input.email}" is not an email address`);
      if (!ROLES.includes(input.role as Role))
        throw new DomainError('bad-input', `role must be one of ${ROLES.join(', ')}`);
      const role = input.role as Role;
      if ((input.password ?? '').length < 12)
        throw new DomainError('bad-input', 'password must have at least 12 characters');
      const jurisdiction = input.jurisdiction ? parseOcdId(input.jurisdiction) : null;
      if ((role === 'respondent') !== (jurisdiction !== null)) {
        throw new DomainError(
          'bad-input',
          'a respondent needs exactly one jurisdiction; other roles take none',
        );
      }
      if (await users.byEmail(email)) throw new DomainError('conflict', `a user with email ${email} exists`);
      const user: UserRecord = {
        id: `user-${crypto.randomToken(8)}`,
        email,
        passwordHash: await crypto.hashPassword(input.password),
        role,
        jurisdiction,
        createdAt: clock.now().toISOString(),
      };
      await writer.write(async (tx) => {
        await tx.insertUser(user);
        // The hash is left out of the audit log: it is a secret, and the log is read by reviewers.
        await tx.audit(
          by === 'bootstrap' ? 'bootstrap' : by.kind === 'user' ? by.email : 'system',
          'user.create',
          user.id,
          null,
          publicUser(user),
        );
      });
      return publicUser(user);
    },
    async login(email, password) {
      const user = await users.byEmail((email ?? '').trim().toLowerCase());
      // Verify against a dummy hash when the user is unknown, so timing does not reveal which emails exist.
      const ok = await crypto.verifyPassword(user?.passwordHash ?? DUMMY_HASH, password ?? '');
      if (!user || !ok) throw new DomainError('unauthenticated', 'wrong email or password');
      const token = crypto.randomToken(32);
      const csrf = crypto.randomToken(16);
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString();
      await users.insertSession({
        tokenHash: crypto.sha256(token),
        userId: user.id,
        csrf,
        expiresAt,
        createdAt: now.toISOString(),
      });
      return { token, csrf, expiresAt, user: publicUser(user) };
    },
    async actorFor(token) {
      if (!token || token.length > 200) return { actor: { kind: 'anonymous' }, csrf: null };
      const s = await users.session(crypto.sha256(token));
      if (!s || s.expiresAt <= clock.now().toISOString()) return { actor: { kind: 'anonymous' }, csrf: null };
      const u = await users.byId(s.userId);
      if (!u) return { actor: { kind: 'anonymous' }, csrf: null };
      return {
        actor: { kind: 'user', id: u.id, email: u.email, role: u.role, jurisdiction: u.jurisdiction },
        csrf: s.csrf,
      };
    },
    async logout(token) {
      await users.deleteSession(crypto.sha256(token));
    },
  };
}

/** A valid argon2id hash of a random password nobody knows (see login). */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
