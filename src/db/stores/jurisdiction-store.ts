// Jurisdictions on record, found by canonical id or any of their other ids.
import type { JurisdictionStore } from '../../app/ports/stores.ts';
import type { SqlExecutor } from '../sql/sql-database.ts';
import type { Jurisdiction } from '../../domain/jurisdictions/jurisdiction.ts';
import type { OcdId } from '../../domain/shared/brand.ts';

type Row = { id: string; name: string; kind: Jurisdiction['kind']; also_ids: string[] | null };

const SELECT = `
  select j.id, j.name, j.kind,
         array(select a.id from jurisdiction_ids a where a.jurisdiction = j.id and not a.is_canonical order by a.id) as also_ids
  from jurisdictions j`;

const toJurisdiction = (r: Row): Jurisdiction => ({
  id: r.id as OcdId,
  name: r.name,
  kind: r.kind,
  alsoIds: (r.also_ids ?? []) as OcdId[],
});

export const createJurisdictionStore = (db: SqlExecutor): JurisdictionStore => ({
  async find(id) {
    const rows = await db.query<Row>(
      `${SELECT} where j.id = (select jurisdiction from jurisdiction_ids where id = $1)`,
      [id],
    );
    return rows[0] ? toJurisdiction(rows[0]) : undefined;
  },
  async list() {
    return (await db.query<Row>(`${SELECT} order by j.name`)).map(toJurisdiction);
  },
});
