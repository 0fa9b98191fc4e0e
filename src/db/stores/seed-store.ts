// Loads a whole dataset into the store in one transaction.
import type { SeedStore, DatasetInfo } from '../../app/ports/stores.ts';
import type { SqlDatabase, SqlExecutor } from '../sql/sql-database.ts';
import type { Dataset } from '../../domain/dataset/dataset-schema.ts';
import type { Request } from '../../domain/campaign/campaign.ts';
import { bumpRevision } from './revision.ts';
import { appendAudit, txOps, type WriteDeps } from './write-store.ts';

const json = (v: unknown) => JSON.stringify(v);

async function insertAll(
  tx: SqlExecutor,
  deps: WriteDeps,
  ds: Dataset,
  requests: readonly Request[],
): Promise<void> {
  // Records the writer also stores go through its operations, so there is one insert per table.
  const ops = txOps(tx, deps);
  for (const s of ds.sources) await ops.insertSource(s);
  for (const j of ds.jurisdictions) await ops.insertJurisdiction(j);
  for (const r of ds.requirements) {
    await tx.query(
      'insert into requirements (id, kind, valid_from, valid_to, record) values ($1,$2,$3,$4,$5::jsonb)',
      [r.id, r.kind, r.from, r.to ?? null, json(r)],
    );
  }
  for (const r of ds.rulings) {
    await tx.query('insert into rulings (id, date, known_from, record) values ($1,$2,$3,$4::jsonb)', [
      r.id,
      r.date,
      r.knownFrom ?? r.date,
      json(r),
    ]);
  }
  for (const g of ds.grants) {
    await tx.query(
      'insert into grants (id, jurisdiction, fiscal_year, known_from, record) values ($1,$2,$3,$4,$5::jsonb)',
      [g.id, g.jurisdiction, g.fiscalYear, g.knownFrom, json(g)],
    );
  }
  for (const w of ds.waves)
    await ops.insertWave(
      w,
      requests.filter((r) => r.wave === w.id),
    );
  // A request of no wave in the dataset would be silently dropped above: refuse it instead.
  const waves = new Set<string>(ds.waves.map((w) => w.id));
  const stray = requests.find((r) => !waves.has(r.wave));
  if (stray) throw new Error(`request of unknown wave ${stray.wave}`);
  for (const r of ds.responses) await ops.insertResponse(r);
  for (const d of ds.determinations) {
    await ops.insertDetermination({ ...d, supersedes: d.supersedes ?? null, author: null, cites: [] });
  }
}

export const createSeedStore = (db: SqlDatabase, deps: WriteDeps): SeedStore => ({
  async datasetInfo() {
    const rows = await db.query<{ value: DatasetInfo }>("select value from meta where key = 'dataset'");
    return rows[0]?.value ?? null;
  },
  async seed(ds, requests, info) {
    await db.transaction(async (tx) => {
      const existing = await tx.query("select 1 from meta where key = 'dataset'");
      if (existing.length > 0) throw new Error('store already holds a dataset');
      await insertAll(tx, deps, ds, requests);
      const loaded: DatasetInfo = { ...info, loadedAt: new Date().toISOString() };
      await tx.query("insert into meta (key, value) values ('dataset', $1::jsonb)", [json(loaded)]);
      // The dataset load is the first entry of the audit log; its fingerprint ties the log to the files.
      await appendAudit(tx, deps, 'system', 'dataset.load', info.name, null, {
        ...info,
        counts: {
          sources: ds.sources.length,
          jurisdictions: ds.jurisdictions.length,
          rulings: ds.rulings.length,
          waves: ds.waves.length,
          requests: requests.length,
          responses: ds.responses.length,
          determinations: ds.determinations.length,
        },
      });
      await bumpRevision(tx);
    });
  },
});
