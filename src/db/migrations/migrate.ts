// Applies pending migrations in order, each in its own transaction; safe to run from several processes at once.
import type { SqlDatabase } from '../sql/sql-database.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

// Any constant works; it only has to be the same for every Accordance process sharing a server.
const LOCK_KEY = 7_313_730;

export async function migrate(
  db: SqlDatabase,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  await db.exec(
    'create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())',
  );
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      if (db.kind === 'postgres') await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const rows = await tx.query<{ version: number }>(
        'select version from schema_migrations where version = $1',
        [m.version],
      );
      if (rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}
