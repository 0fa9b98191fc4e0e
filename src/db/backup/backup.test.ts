// Backups round-trip the whole store: identical tables, same file hashes, audit chain intact; a damaged
// backup is refused and leaves the target empty.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BACKUP_TABLES, exportStore, importStore, NOT_BACKED_UP, verifyBlobs } from './backup.ts';
import { openPgliteDatabase } from '../sql/pglite-database.ts';
import { migrate } from '../migrations/migrate.ts';
import { storesOver } from '../open-stores.ts';
import { nodeCrypto } from '../crypto/node-crypto.ts';
import { openAppOn } from '../../main.ts';
import { fixedClock } from '../../app/ports/clock.ts';
import { isoDate } from '../../domain/shared/iso-date.ts';
import { createAuditService } from '../../app/audit/audit-service.ts';
import { DomainError } from '../../domain/shared/domain-error.ts';

const DENVER = 'ocd-division/country:us/state:co/place:denver';

async function populated() {
  const db = await openPgliteDatabase();
  const app = await openAppOn(db, fixedClock(isoDate('2018-02-20')));
  const admin = await app.auth.createUser('bootstrap', {
    email: 'admin@example.gov',
    password: 'correct horse battery',
    role: 'admin',
  });
  const actor = {
    kind: 'user' as const,
    id: admin.id,
    email: admin.email,
    role: admin.role,
    jurisdiction: null,
  };
  await app.uploads.receive(actor, {
    jurisdiction: DENVER,
    fileName: 'policy.pdf',
    mediaType: 'application/pdf',
    bytes: new Uint8Array([37, 80, 68, 70, 0, 255, 1, 2]),
  });
  const first = await app.campaign.recordDetermination(actor, {
    jurisdiction: DENVER,
    kind: 'possible-violation',
    date: '2018-02-20',
    text: 'x',
    noDocument: true,
  });
  await app.campaign.recordDetermination(actor, {
    jurisdiction: DENVER,
    kind: 'cleared',
    date: '2018-02-21',
    text: 'y',
    noDocument: true,
    supersedes: first.id,
  });
  await app.campaign.adjustDeadline(actor, {
    wave: '2018-01-24-document-requests',
    jurisdiction: DENVER,
    kind: 'extension',
    granted: '2018-02-20',
    newDue: '2018-03-09',
    reason: 'r',
  });
  await app.campaign.escalate(actor, {
    jurisdiction: 'ocd-division/country:us/state:ms/place:jackson',
    step: 'subpoena',
    asOf: '2018-02-26',
    isDryRun: false,
    authorizedBy: 'AAG',
  });
  return { db, app };
}

const dump = async (db: Parameters<typeof exportStore>[0]) => {
  const lines: string[] = [];
  await exportStore(db, (l) => {
    lines.push(l);
  });
  return lines;
};

test('export then import gives identical tables, matching file hashes and an intact audit chain', async () => {
  const { db, app } = await populated();
  const lines = await dump(db);
  const target = await openPgliteDatabase();
  await migrate(target);
  const loaded = await importStore(target, lines);
  assert.ok((loaded.audit_log ?? 0) >= 6);
  assert.deepEqual(await dump(target), lines);
  assert.deepEqual((await verifyBlobs(target, nodeCrypto.sha256)).mismatched, []);
  const audit = await createAuditService({ audit: storesOver(target).audit, crypto: nodeCrypto }).verify();
  assert.equal(audit.ok, true, JSON.stringify(audit.problems));
  // The restored store answers the same questions.
  const restored = await openAppOn(target, fixedClock(isoDate('2018-02-20')));
  assert.deepEqual(
    await restored.status.status({ asOf: '2018-03-01', jurisdiction: DENVER }),
    await app.status.status({ asOf: '2018-03-01', jurisdiction: DENVER }),
  );
  await restored.close();
  await app.close();
});

test('a truncated, foreign or misplaced backup is refused and the target stays empty', async () => {
  const { db, app } = await populated();
  const lines = await dump(db);
  await app.close();
  const target = await openPgliteDatabase();
  await migrate(target);
  const refused = async (input: string[], why: RegExp) =>
    assert.rejects(
      importStore(target, input),
      (e: unknown) => e instanceof DomainError && why.test(e.message),
    );
  await refused(lines.slice(0, -3), /truncated/);
  await refused(['{"format":"something-else","version":1}'], /not an Accordance backup/);
  await refused([lines[0] ?? '', 'not json'], /not JSON/);
  assert.equal((await target.query('select count(*)::int as n from jurisdictions'))[0]?.n, 0);
  // Into a store that already holds records: refused.
  const busy = await openPgliteDatabase();
  await openAppOn(busy);
  await assert.rejects(importStore(busy, lines), /not empty/);
  await busy.close();
  await target.close();
});

test('every table of the schema is backed up, or deliberately left out', async () => {
  const db = await openPgliteDatabase();
  await migrate(db);
  const tables = (
    await db.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
    )
  ).map((t) => t.table_name);
  const covered = new Set<string>([...BACKUP_TABLES, ...NOT_BACKED_UP]);
  assert.deepEqual(tables.filter((t) => !covered.has(t)).sort(), []);
  await db.close();
});
