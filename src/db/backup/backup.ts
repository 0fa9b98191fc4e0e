// Whole-store backups: every table, in dependency order, as JSON lines; imported into an empty store in one
// transaction, then checked (content hashes of stored files, the audit chain).
import type { SqlDatabase, SqlExecutor } from '../sql/sql-database.ts';
import { MIGRATIONS } from '../migrations/migrations.ts';
import { DomainError } from '../../domain/shared/domain-error.ts';

export const BACKUP_FORMAT = 'accordance-backup';
export const BACKUP_VERSION = 1;

/** Parents before children; sessions are left out (they are live credentials, not records). */
export const BACKUP_TABLES = [
  'meta',
  'sources',
  'jurisdictions',
  'jurisdiction_ids',
  'requirements',
  'rulings',
  'grants',
  'waves',
  'requests',
  'responses',
  'determinations',
  'users',
  'blobs',
  'submissions',
  'escalations',
  'deadline_adjustments',
  'service_records',
  'provision_reviews',
  'documents',
  'letters',
  'cohorts',
  'audit_log',
] as const;

/** Tables deliberately left out of backups: live credentials, and the schema's own bookkeeping. */
export const NOT_BACKED_UP = ['sessions', 'schema_migrations'] as const;

type Column = { name: string; type: string };
export type BackupHeader = {
  format: string;
  version: number;
  schema: number;
  tables: Record<string, number>;
};

async function columnsOf(db: SqlExecutor, table: string): Promise<Column[]> {
  const rows = await db.query<{ column_name: string; data_type: string; udt_name: string }>(
    `select column_name, data_type, udt_name from information_schema.columns
     where table_name = $1 and table_schema = current_schema() order by ordinal_position`,
    [table],
  );
  return rows.map((r) => ({
    name: r.column_name,
    type: r.data_type === 'ARRAY' ? `${r.udt_name.replace(/^_/, '')}[]` : r.udt_name,
  }));
}

const ORDER: Record<string, string> = {
  audit_log: 'seq',
  jurisdiction_ids: 'id',
  requests: 'wave, jurisdiction',
  // Superseded determinations before the ones that supersede them (a chain is ordered by depth below).
  determinations: 'id',
  meta: 'key',
};

const encode = (value: unknown, type: string): unknown => {
  if (value === null || value === undefined) return null;
  if (type === 'bytea') return Buffer.from(value as Uint8Array).toString('base64');
  if (value instanceof Date) return value.toISOString();
  return value;
};

const decode = (value: unknown, type: string): unknown => {
  if (value === null) return null;
  if (type === 'bytea') return Buffer.from(String(value), 'base64');
  if (type === 'jsonb' || type === 'json') return JSON.stringify(value);
  return value;
};

/** Writes the header line, then one line per row: `{"t": table, "r": {...}}`. */
export async function exportStore(
  db: SqlDatabase,
  write: (line: string) => Promise<void> | void,
): Promise<BackupHeader> {
  return db.transaction(async (tx) => {
    const counts: Record<string, number> = {};
    const schema = Number(
      (await tx.query<{ v: number }>('select max(version) as v from schema_migrations'))[0]?.v ?? 0,
    );
    for (const t of BACKUP_TABLES)
      counts[t] = Number((await tx.query<{ n: string }>(`select count(*) as n from ${t}`))[0]?.n ?? 0);
    const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, schema, tables: counts };
    await write(JSON.stringify(header));
    for (const t of BACKUP_TABLES) {
      const cols = await columnsOf(tx, t);
      let rows = await tx.query<Record<string, unknown>>(`select * from ${t} order by ${ORDER[t] ?? '1'}`);
      if (t === 'determinations') rows = orderChains(rows, 'id', 'supersedes');
      if (t === 'provision_reviews') rows = orderChains(rows, 'id', 'supersedes');
      for (const row of rows) {
        const r: Record<string, unknown> = {};
        for (const c of cols) r[c.name] = encode(row[c.name], c.type);
        await write(JSON.stringify({ t, r }));
      }
    }
    return header;
  });
}

/** Rows whose `ref` points at another row come after it. */
function orderChains(rows: Record<string, unknown>[], id: string, ref: string): Record<string, unknown>[] {
  const byId = new Map(rows.map((r) => [r[id], r]));
  const depth = (r: Record<string, unknown>, seen = 0): number => {
    const parent = r[ref] ? byId.get(r[ref]) : undefined;
    return parent && seen < rows.length ? 1 + depth(parent, seen + 1) : 0;
  };
  return [...rows].sort((a, b) => depth(a) - depth(b));
}

/** Loads a backup into a migrated, empty store; all or nothing. Returns the rows loaded per table. */
export async function importStore(
  db: SqlDatabase,
  lines: AsyncIterable<string> | Iterable<string>,
): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    const existing = Number(
      (await tx.query<{ n: string }>("select count(*) as n from meta where key <> 'revision'"))[0]?.n ?? 0,
    );
    const jurisdictions = Number(
      (await tx.query<{ n: string }>('select count(*) as n from jurisdictions'))[0]?.n ?? 0,
    );
    if (existing > 0 || jurisdictions > 0)
      throw new DomainError(
        'bad-input',
        'the store is not empty: import into a new data directory or database',
      );
    let header: BackupHeader | undefined;
    const cols = new Map<string, Column[]>();
    const loaded: Record<string, number> = {};
    let lineNo = 0;
    for await (const raw of lines) {
      lineNo++;
      const line = raw.trim();
      if (!line) continue;
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch {
        throw new DomainError('bad-input', `line ${lineNo} is not JSON`);
      }
      if (!header) {
        const h = obj as BackupHeader;
        if (h?.format !== BACKUP_FORMAT || h.version !== BACKUP_VERSION)
          throw new DomainError('bad-input', 'not an Accordance backup (version 1)');
        const schema = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
        if (h.schema !== schema)
          throw new DomainError(
            'bad-input',
            `backup is of schema ${h.schema}; this version has schema ${schema}`,
          );
        header = h;
        await tx.query('delete from meta');
        continue;
      }
      const { t, r } = obj as { t: string; r: Record<string, unknown> };
      if (!(BACKUP_TABLES as readonly string[]).includes(t) || !r || typeof r !== 'object')
        throw new DomainError('bad-input', `line ${lineNo}: unknown table`);
      let c = cols.get(t);
      if (!c) {
        c = await columnsOf(tx, t);
        cols.set(t, c);
      }
      const names = c.filter((x) => x.name in r);
      const sql = `insert into ${t} (${names.map((x) => `"${x.name}"`).join(', ')}) values (${names.map((x, i) => `$${i + 1}::${x.type}`).join(', ')})`;
      await tx.query(
        sql,
        names.map((x) => decode(r[x.name], x.type)),
      );
      loaded[t] = (loaded[t] ?? 0) + 1;
    }
    if (!header) throw new DomainError('bad-input', 'the backup is empty');
    for (const [t, n] of Object.entries(header.tables)) {
      if ((loaded[t] ?? 0) !== n)
        throw new DomainError('bad-input', `backup is truncated: ${t} has ${loaded[t] ?? 0} of ${n} rows`);
    }
    return loaded;
  });
}

/** Recomputes the hash of every stored file; returns the keys that no longer match their bytes. */
export async function verifyBlobs(
  db: SqlExecutor,
  sha256: (b: Uint8Array) => string,
): Promise<{ files: number; mismatched: string[] }> {
  const rows = await db.query<{ sha256: string; bytes: Uint8Array }>('select sha256, bytes from blobs');
  return {
    files: rows.length,
    mismatched: rows.filter((r) => sha256(new Uint8Array(r.bytes)) !== r.sha256).map((r) => r.sha256),
  };
}
