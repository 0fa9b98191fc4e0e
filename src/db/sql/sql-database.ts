// The small SQL interface both database adapters implement (docs/adr/0001): parameterised queries and transactions.
export type SqlExecutor = {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
};

export type SqlDatabase = SqlExecutor & {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; any throw rolls everything back. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** Dates stay `YYYY-MM-DD` strings end to end: no driver may turn them into local-time Date objects. */
export const DATE_OID = 1082;
