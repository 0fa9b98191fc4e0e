// The Crypto port on node:crypto: sha-256, random tokens, HMAC links, argon2id passwords (Node 24's built-in).
import { argon2, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Crypto } from '../../app/ports/writes.ts';

// OWASP's minimum for argon2id: 19 MiB, 2 passes, 1 lane.
type Params = { memory: number; passes: number; parallelism: number; tagLength: number };
const PARAMS: Params = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 };

const argon = (password: string, nonce: Buffer, p: Params): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    argon2('argon2id', { message: password, nonce, ...p }, (err, key) => (err ? reject(err) : resolve(key))),
  );

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

export const nodeCrypto: Crypto = {
  sha256: (data) => createHash('sha256').update(data).digest('hex'),
  randomToken: (bytes = 32) => randomBytes(bytes).toString('hex'),
  hmac: (secret, payload) => createHmac('sha256', secret).update(payload).digest('base64url'),
  safeEqual(a, b) {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  },
  async hashPassword(password) {
    const nonce = randomBytes(16);
    const key = await argon(password, nonce, PARAMS);
    return `$argon2id$v=19$m=${PARAMS.memory},t=${PARAMS.passes},p=${PARAMS.parallelism}$${b64(nonce)}$${b64(key)}`;
  },
  async verifyPassword(hash, password) {
    const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(hash);
    if (!m) return false;
    const nonce = Buffer.from(m[4] ?? '', 'base64');
    const expected = Buffer.from(m[5] ?? '', 'base64');
    if (nonce.length < 8 || expected.length !== PARAMS.tagLength) return false;
    const key = await argon(password, nonce, {
      memory: Number(m[1]),
      passes: Number(m[2]),
      parallelism: Number(m[3]),
      tagLength: PARAMS.tagLength,
    });
    return timingSafeEqual(key, expected);
  },
};
