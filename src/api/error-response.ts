// Maps errors to HTTP statuses once; unexpected errors are logged and answered without internals.
import { isDomainError, type DomainErrorCode } from '../domain/shared/domain-error.ts';

const STATUS: Record<DomainErrorCode, number> = {
  'bad-date': 400,
  'bad-ocd-id': 400,
  'bad-rule': 400,
  'bad-input': 400,
  'unknown-jurisdiction': 404,
  'unknown-requirement': 404,
  'unknown-record': 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  'too-large': 413,
};

export function errorResponse(e: unknown): {
  status: number;
  body: { error: { code: string; message: string } };
} {
  if (isDomainError(e))
    return { status: STATUS[e.code], body: { error: { code: e.code, message: e.message } } };
  const fe = e as { statusCode?: number; code?: string; message?: string; validation?: unknown };
  if (fe.validation || (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)) {
    return {
      status: fe.statusCode ?? 400,
      body: { error: { code: 'bad-input', message: fe.message ?? 'bad request' } },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'internal', message: 'internal error; see the server log' } },
  };
}
