// PostgreSQL adapter over node-postgres, for a server named by DATABASE_URL.
import pg from 'pg';
import { DATE_OID, type SqlDatabase } from './sql-database.ts';

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === DATE_OID
      ? (v: string) => v
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export type PostgresOptions = {
  readonly connectionString: string;
  /** Schema to use (created if missing); lets test suites share one database without touching each other. */
  readonly schema?: string;
  readonly max?: number;
};

const SAFE_SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openPostgresDatabase(options: PostgresOptions): Promise<SqlDatabase> {
  if (options.schema && !SAFE_SCHEMA.test(options.schema))
    throw new Error(`bad schema name "${options.schema}"`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // Fail fast with a clear message when the server is not there.
  const client = await pool.connect();
  try {
    if (options.schema) await client.query(`create schema if not exists ${options.schema}`);
  } finally {
    client.release();
  }
  return {
    kind: 'postgres',
    async query<R>(sql: string, params: readonly unknown[] = []) {
      const res = await pool.query(sql, params as unknown[]);
      return res.rows as R[];
    },
    async transaction(fn) {
      const c = await pool.connect();
      try {
        await c.query('begin');
        const out = await fn({
          query: async <R>(sql: string, params: readonly unknown[] = []) =>
            (await c.query(sql, params as unknown[])).rows as R[],
          exec: async (sql: string) => {
            await c.query(sql);
          },
        });
        await c.query('commit');
        return out;
      } catch (e) {
        await c.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        c.release();
      }
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** Drops a test schema and everything in it. */
export async function dropPostgresSchema(connectionString: string, schema: string): Promise<void> {
  if (!SAFE_SCHEMA.test(schema)) throw new Error(`bad schema name "${schema}"`);
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    await c.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await c.end();
  }
}
