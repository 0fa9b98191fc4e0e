// Who is calling: a session from the cookie or a bearer token; cookie sessions must echo their CSRF token on writes.
import type { FastifyRequest } from 'fastify';
import type { AuthService } from '../app/auth/auth-service.ts';
import type { Actor } from '../domain/access/authorize.ts';
import { DomainError } from '../domain/shared/domain-error.ts';

export const SESSION_COOKIE = 'accordance_session';
export const CSRF_HEADER = 'x-csrf-token';

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function actorOf(request: FastifyRequest, auth: AuthService): Promise<Actor> {
  const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) return (await auth.actorFor(bearer)).actor;
  const cookie = cookieValue(request.headers.cookie, SESSION_COOKIE);
  if (!cookie) return { kind: 'anonymous' };
  const { actor, csrf } = await auth.actorFor(cookie);
  // A cookie is sent by the browser on its own; only a page of ours can read and echo the CSRF token.
  if (actor.kind === 'user' && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== csrf) {
    throw new DomainError('forbidden', `missing or wrong ${CSRF_HEADER} header`);
  }
  return actor;
}
