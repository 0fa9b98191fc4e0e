// PGlite adapter: embedded Postgres in this process, stored in a directory (or in memory for tests).
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { DATE_OID, type SqlDatabase, type SqlExecutor } from './sql-database.ts';

const wrap = (q: PGlite | Transaction): SqlExecutor => ({
  async query<R>(sql: string, params: readonly unknown[] = []) {
    const res = await q.query<R>(sql, params as unknown[]);
    return res.rows;
  },
  async exec(sql: string) {
    await q.exec(sql);
  },
});

/** `dataDir` undefined means in memory. */
export async function openPgliteDatabase(dataDir?: string): Promise<SqlDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    parsers: { [DATE_OID]: (v: string) => v },
  });
  const self = wrap(pg);
  return {
    kind: 'pglite',
    query: self.query,
    exec: self.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
