// Opens the configured database (PGlite by default, PostgreSQL with DATABASE_URL), migrates it and builds the stores.
import type { Stores } from '../app/ports/stores.ts';
import { migrate } from './migrations/migrate.ts';
import { openPgliteDatabase } from './sql/pglite-database.ts';
import { openPostgresDatabase } from './sql/postgres-database.ts';
import type { SqlDatabase } from './sql/sql-database.ts';
import { createJurisdictionStore } from './stores/jurisdiction-store.ts';
import { createRecordStore } from './stores/record-store.ts';
import { createSeedStore } from './stores/seed-store.ts';
import { createRevisionCache } from './stores/revision.ts';
import { nodeCrypto } from './crypto/node-crypto.ts';
import {
  createAuditReader,
  createCohortReader,
  createCampaignReader,
  createSecrets,
  createSubmissionStore,
  createUserStore,
  createWriter,
  type WriteDeps,
} from './stores/write-store.ts';

export type DatabaseConfig =
  | { readonly kind: 'pglite'; readonly dataDir?: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema?: string };

export async function openDatabase(config: DatabaseConfig): Promise<SqlDatabase> {
  return config.kind === 'pglite'
    ? openPgliteDatabase(config.dataDir)
    : openPostgresDatabase({
        connectionString: config.url,
        ...(config.schema ? { schema: config.schema } : {}),
      });
}

export const defaultWriteDeps: WriteDeps = { sha256: nodeCrypto.sha256, now: () => new Date().toISOString() };

export function storesOver(db: SqlDatabase, deps: WriteDeps = defaultWriteDeps): Stores {
  const revision = createRevisionCache();
  return {
    kind: db.kind,
    seed: (() => {
      const seed = createSeedStore(db, deps);
      return {
        ...seed,
        seed: async (...args: Parameters<typeof seed.seed>) => {
          try {
            await seed.seed(...args);
          } finally {
            revision.invalidate();
          }
        },
      };
    })(),
    writer: createWriter(db, deps, revision.invalidate),
    audit: createAuditReader(db),
    users: createUserStore(db),
    submissions: createSubmissionStore(db),
    campaign: createCampaignReader(db),
    secrets: createSecrets(db, () => nodeCrypto.randomToken(32)),
    cohorts: createCohortReader(db),
    jurisdictions: createJurisdictionStore(db),
    records: createRecordStore(db, revision),
    close: () => db.close(),
  };
}

export async function openStores(config: DatabaseConfig): Promise<Stores> {
  const db = await openDatabase(config);
  await migrate(db);
  return storesOver(db);
}
