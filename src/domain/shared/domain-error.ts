// The one error type the domain throws; each adapter maps `code` once (HTTP status, exit code, UI text).
export type DomainErrorCode =
  | 'bad-date'
  | 'bad-ocd-id'
  | 'unknown-jurisdiction'
  | 'unknown-requirement'
  | 'unknown-record'
  | 'bad-rule'
  | 'bad-input'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'too-large';

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  constructor(code: DomainErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
