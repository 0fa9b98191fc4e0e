// The store contract: one suite, run against PGlite and against a real PostgreSQL server (STYLE.md, tests tier 3).
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { SqlDatabase } from '../sql/sql-database.ts';
import { migrate } from '../migrations/migrate.ts';
import { storesOver } from '../open-stores.ts';
import { loadDefaultDataset } from '../../domain/testing/load-default-dataset.ts';
import { requestsOfWave } from '../../domain/campaign/requests-of-wave.ts';
import { computeStatus } from '../../domain/status/compute-status.ts';
import { isoDate } from '../../domain/shared/iso-date.ts';
import type { OcdId } from '../../domain/shared/brand.ts';
import { MIGRATIONS } from '../migrations/migrations.ts';

export type OpenFresh = () => Promise<{ db: SqlDatabase; cleanup: () => Promise<void> }>;

const INFO = { name: 'campaign-2016-2019', version: 'test' };

export function storeContract(label: string, openFresh: OpenFresh, skip: string | false = false): void {
  const t = (name: string, fn: (ctx: TestContext) => Promise<void>) =>
    skip ? test(`${label}: ${name}`, { skip }, fn) : test(`${label}: ${name}`, fn);

  const withDb = async (fn: (db: SqlDatabase) => Promise<void>) => {
    const { db, cleanup } = await openFresh();
    try {
      await fn(db);
    } finally {
      await db.close();
      await cleanup();
    }
  };

  t('migrations apply once and a second run applies nothing', () =>
    withDb(async (db) => {
      assert.deepEqual(
        await migrate(db),
        MIGRATIONS.map((m) => m.version),
      );
      assert.deepEqual(await migrate(db), []);
    }),
  );

  t('the dataset round-trips: what is stored is what is read back', () =>
    withDb(async (db) => {
      await migrate(db);
      const stores = storesOver(db);
      const ds = loadDefaultDataset();
      const requests = ds.waves.flatMap(requestsOfWave);
      assert.equal(await stores.seed.datasetInfo(), null);
      const before = await stores.records.revision();
      await stores.seed.seed(ds, requests, INFO);
      assert.ok((await stores.records.revision()) > before, 'revision bumps on write');
      const got = await stores.records.loadStatusRecords();
      const byId = <T extends { id: string }>(xs: readonly T[]) =>
        [...xs].sort((a, b) => a.id.localeCompare(b.id));
      assert.deepEqual(byId(got.requirements), byId(ds.requirements));
      assert.deepEqual(byId(got.rulings), byId(ds.rulings));
      assert.deepEqual(byId(got.grants), byId(ds.grants));
      assert.deepEqual(byId(got.waves), byId(ds.waves));
      assert.deepEqual(byId(got.responses), byId(ds.responses));
      assert.deepEqual(byId(got.determinations), byId(ds.determinations));
      assert.deepEqual(byId(got.jurisdictions), byId(ds.jurisdictions));
      const key = (r: { wave: string; jurisdiction: string }) => `${r.wave} ${r.jurisdiction}`;
      assert.deepEqual(
        [...got.requests].sort((a, b) => key(a).localeCompare(key(b))),
        [...requests].sort((a, b) => key(a).localeCompare(key(b))),
      );
      assert.equal(typeof got.requests[0]?.deadline.due, 'string', 'dates stay YYYY-MM-DD strings');
      assert.equal((await stores.records.sources()).length, ds.sources.length);
    }),
  );

  t('status over stored records equals status over the dataset in memory', () =>
    withDb(async (db) => {
      await migrate(db);
      const stores = storesOver(db);
      const ds = loadDefaultDataset();
      const requests = ds.waves.flatMap(requestsOfWave);
      await stores.seed.seed(ds, requests, INFO);
      const stored = await stores.records.loadStatusRecords();
      for (const asOf of ['2017-09-01', '2018-02-24', '2018-12-01', '2020-03-01']) {
        assert.deepEqual(
          computeStatus(stored, { asOf: isoDate(asOf) }),
          computeStatus({ ...ds, requests }, { asOf: isoDate(asOf) }),
          asOf,
        );
      }
    }),
  );

  t('a seed that fails half-way leaves nothing behind', () =>
    withDb(async (db) => {
      await migrate(db);
      const stores = storesOver(db);
      const ds = loadDefaultDataset();
      const requests = ds.waves.flatMap(requestsOfWave);
      // The same request twice violates the primary key after most rows are written.
      const broken = [...requests, requests[0]!];
      await assert.rejects(stores.seed.seed(ds, broken, INFO));
      assert.equal(await stores.seed.datasetInfo(), null);
      assert.deepEqual(await stores.jurisdictions.list(), []);
      // And the store is still usable afterwards.
      await stores.seed.seed(ds, requests, INFO);
      assert.equal((await stores.seed.datasetInfo())?.version, 'test');
    }),
  );

  t('a second dataset is refused and the first is kept', () =>
    withDb(async (db) => {
      await migrate(db);
      const stores = storesOver(db);
      const ds = loadDefaultDataset();
      await stores.seed.seed(ds, ds.waves.flatMap(requestsOfWave), INFO);
      await assert.rejects(
        stores.seed.seed(ds, [], { name: 'other', version: '2' }),
        /already holds a dataset/,
      );
      assert.equal((await stores.seed.datasetInfo())?.name, INFO.name);
    }),
  );

  t('a consolidated government is found by either of its ids', () =>
    withDb(async (db) => {
      await migrate(db);
      const stores = storesOver(db);
      const ds = loadDefaultDataset();
      await stores.seed.seed(ds, ds.waves.flatMap(requestsOfWave), INFO);
      const P = 'ocd-division/country:us/';
      const a = await stores.jurisdictions.find(`${P}state:co/county:denver` as OcdId);
      const b = await stores.jurisdictions.find(`${P}state:co/place:denver` as OcdId);
      assert.equal(a?.id, `${P}state:co/place:denver`);
      assert.deepEqual(a, b);
      assert.equal(await stores.jurisdictions.find(`${P}state:tx/place:austin` as OcdId), undefined);
    }),
  );
}
