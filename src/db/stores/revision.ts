// A store-wide revision number, bumped inside every writing transaction so readers can cache safely.
import type { SqlExecutor } from '../sql/sql-database.ts';

export async function bumpRevision(tx: SqlExecutor): Promise<void> {
  await tx.query("update meta set value = to_jsonb((value::text)::bigint + 1) where key = 'revision'");
}

export async function readRevision(db: SqlExecutor): Promise<number> {
  const rows = await db.query<{ value: number }>("select value from meta where key = 'revision'");
  return Number(rows[0]?.value ?? 0);
}

/**
 * Reading the revision costs a query per request. Within one process, writes go through our writer, which marks
 * the cache stale at once; other processes' writes (PostgreSQL mode) are seen within `maxAgeMs`.
 */
export type RevisionCache = { read(db: SqlExecutor): Promise<number>; invalidate(): void };

export function createRevisionCache(
  maxAgeMs = 200,
  now: () => number = () => performance.now(),
): RevisionCache {
  let value: number | undefined;
  let at = 0;
  return {
    async read(db) {
      if (value === undefined || now() - at > maxAgeMs) {
        value = await readRevision(db);
        at = now();
      }
      return value;
    },
    invalidate() {
      value = undefined;
    },
  };
}
