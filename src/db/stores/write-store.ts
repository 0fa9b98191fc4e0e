// The transactional writer and the readers of users, sessions, submissions, escalations and the audit log.
import type {
  AuditReader,
  CohortReader,
  CampaignReader,
  DeterminationRecord,
  EscalationRecord,
  Secrets,
  ServiceRecord,
  Submission,
  SubmissionStore,
  UserRecord,
  UserStore,
  Writer,
  WriteTx,
} from '../../app/ports/writes.ts';
import type { SqlDatabase, SqlExecutor } from '../sql/sql-database.ts';
import { entryHash, GENESIS_HASH, type AuditEntry } from '../../domain/audit/audit-chain.ts';
import type { IsoDate, OcdId, SourceId, WaveId } from '../../domain/shared/brand.ts';
import { bumpRevision } from './revision.ts';

const json = (v: unknown) => JSON.stringify(v ?? null);
// Any constant: serialises writers on a shared server so the audit chain never forks.
const WRITE_LOCK = 7_313_731;

export type WriteDeps = { readonly sha256: (text: string) => string; readonly now: () => string };

export async function appendAudit(
  tx: SqlExecutor,
  deps: WriteDeps,
  actor: string,
  action: string,
  entity: string,
  before: unknown,
  after: unknown,
): Promise<AuditEntry> {
  const head = (
    await tx.query<{ seq: string; hash: string }>('select seq, hash from audit_log order by seq desc limit 1')
  )[0];
  const prevHash = head?.hash ?? GENESIS_HASH;
  // Read back through JSON so what is hashed is exactly what the database will return.
  const content = {
    seq: Number(head?.seq ?? 0) + 1,
    at: deps.now(),
    actor,
    action,
    entity,
    before: JSON.parse(json(before)) as unknown,
    after: JSON.parse(json(after)) as unknown,
  };
  const hash = entryHash(deps.sha256, prevHash, content);
  await tx.query(
    'insert into audit_log (seq, at, actor, action, entity, before, after, prev_hash, hash) values ($1,$2,$3,$4,$5,$6::jsonb,$7::jsonb,$8,$9)',
    [content.seq, content.at, actor, action, entity, json(before), json(after), prevHash, hash],
  );
  await tx.query(
    "insert into meta (key, value) values ('audit_head', $1::jsonb) on conflict (key) do update set value = excluded.value",
    [json({ seq: content.seq, hash })],
  );
  return { ...content, prevHash, hash };
}

/** The write operations over one transaction; the seed store loads the dataset through these too. */
export function txOps(tx: SqlExecutor, deps: WriteDeps): WriteTx {
  return {
    audit: (actor, action, entity, before, after) =>
      appendAudit(tx, deps, actor, action, entity, before, after),
    async insertJurisdiction(j) {
      await tx.query(
        'insert into jurisdictions (id, name, kind) values ($1,$2,$3) on conflict (id) do nothing',
        [j.id, j.name, j.kind],
      );
      await tx.query(
        'insert into jurisdiction_ids (id, jurisdiction, is_canonical) values ($1,$1,true) on conflict (id) do nothing',
        [j.id],
      );
      for (const a of j.alsoIds) {
        await tx.query(
          'insert into jurisdiction_ids (id, jurisdiction, is_canonical) values ($1,$2,false) on conflict (id) do nothing',
          [a, j.id],
        );
      }
    },
    async insertSource(s) {
      await tx.query(
        'insert into sources (id, kind, title, publisher, date, citation, url, note) values ($1,$2,$3,$4,$5,$6,$7,$8)',
        [s.id, s.kind, s.title, s.publisher, s.date, s.citation ?? null, s.url ?? null, s.note ?? null],
      );
    },
    async insertWave(w, requests) {
      await tx.query(
        'insert into waves (id, kind, name, sent, deadline_rule, known_from, record) values ($1,$2,$3,$4,$5::jsonb,$6,$7::jsonb)',
        [w.id, w.kind, w.name, w.sent, json(w.deadlineRule), w.knownFrom, json(w)],
      );
      for (const r of requests) {
        const d = r.deadline;
        await tx.query(
          `insert into requests (wave, jurisdiction, sent, trigger, due, rule, rule_text, rule_version, trace)
           values ($1,$2,$3,$4,$5,$6::jsonb,$7,$8,$9::jsonb)`,
          [
            r.wave,
            r.jurisdiction,
            r.sent,
            d.trigger,
            d.due,
            json(d.rule),
            d.ruleText,
            d.ruleVersion,
            json(d.trace),
          ],
        );
      }
    },
    async insertAdjustment(a, recordedAt) {
      await tx.query(
        `insert into deadline_adjustments (id, wave, jurisdiction, kind, granted, new_due, reason, granted_by, recorded_at)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [
          a.id,
          a.wave,
          a.jurisdiction,
          a.kind,
          a.granted,
          a.newDue ?? null,
          a.reason,
          a.grantedBy,
          recordedAt,
        ],
      );
    },
    async insertService(s) {
      await tx.query(
        'insert into service_records (id, wave, jurisdiction, served_on, method, recorded_by, recorded_at) values ($1,$2,$3,$4,$5,$6,$7)',
        [s.id, s.wave, s.jurisdiction, s.servedOn, s.method, s.recordedBy, s.recordedAt],
      );
    },
    async insertResponse(r) {
      await tx.query(
        `insert into responses (id, wave, jurisdiction, received, precision, summary, known_from, sources)
         values ($1,$2,$3,$4,$5,$6,$7,$8::text[])`,
        [r.id, r.wave, r.jurisdiction, r.received, r.precision, r.summary, r.knownFrom, r.sources],
      );
    },
    async findDetermination(id) {
      return (await determinationsWhere(tx, 'id = $1', [id]))[0];
    },
    async isSuperseded(id) {
      return (await tx.query('select 1 from determinations where supersedes = $1', [id])).length > 0;
    },
    async insertDetermination(d) {
      await tx.query(
        `insert into determinations (id, jurisdiction, date, precision, kind, text, wave, known_from, sources, supersedes, author, cites)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9::text[],$10,$11,$12::jsonb)`,
        [
          d.id,
          d.jurisdiction,
          d.date,
          d.precision,
          d.kind,
          d.text,
          d.wave ?? null,
          d.knownFrom,
          d.sources,
          d.supersedes,
          d.author,
          json(d.cites),
        ],
      );
    },
    async insertEscalation(e) {
      await tx.query(
        'insert into escalations (id, jurisdiction, step, date, authorized_by, decision, recorded_at) values ($1,$2,$3,$4,$5,$6::jsonb,$7)',
        [e.id, e.jurisdiction, e.step, e.date, e.authorizedBy, json(e.decision), e.recordedAt],
      );
    },
    async putBlob(sha256, bytes) {
      const rows = await tx.query<{ sha256: string }>(
        'insert into blobs (sha256, size, bytes) values ($1,$2,$3) on conflict (sha256) do nothing returning sha256',
        [sha256, bytes.byteLength, bytes],
      );
      return rows.length > 0;
    },
    async insertSubmission(s) {
      await tx.query(
        `insert into submissions (id, jurisdiction, wave, sha256, file_name, media_type, size, uploader, via, received_at)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
        [
          s.id,
          s.jurisdiction,
          s.wave,
          s.sha256,
          s.fileName,
          s.mediaType,
          s.size,
          s.uploader,
          s.via,
          s.receivedAt,
        ],
      );
    },
    async insertDocument(d) {
      const rows = await tx.query(
        `insert into documents (sha256, file_name, status, ingested_by, ingested_at) values ($1,$2,'queued',$3,$4)
         on conflict (sha256) do nothing returning sha256`,
        [d.sha256, d.fileName, d.by, d.at],
      );
      return rows.length > 0;
    },
    async finishDocument(sha256, o) {
      const rows = await tx.query(
        `update documents set status = $2, format = $3, text = $4, pages = $5::jsonb, review = $6::jsonb, facts = $7::jsonb,
           error = $8, processed_at = $9 where sha256 = $1 and status = 'queued' returning sha256`,
        [sha256, o.status, o.format, o.text, json(o.pages), json(o.review), json(o.facts), o.error, o.at],
      );
      return rows.length > 0;
    },
    async insertCohort(c) {
      const rows = await tx.query(
        'insert into cohorts (name, spec, created_by, created_at) values ($1,$2::jsonb,$3,$4) on conflict (name) do nothing returning name',
        [c.name, json(c.spec), c.by, c.at],
      );
      return rows.length > 0;
    },
    async insertLetter(l) {
      const rows = await tx.query(
        `insert into letters (wave, jurisdiction, sha256, generated_by, generated_at) values ($1,$2,$3,$4,$5)
         on conflict (wave, jurisdiction) do nothing returning wave`,
        [l.wave, l.jurisdiction, l.sha256, l.by, l.at],
      );
      return rows.length > 0;
    },
    async insertProvisionReview(r) {
      if (r.supersedes) {
        const taken = await tx.query('select 1 from provision_reviews where supersedes = $1', [r.supersedes]);
        if (taken.length > 0) return false;
      }
      await tx.query(
        `insert into provision_reviews (id, submission, provision, requirement, interpretation, automated, action, verdict, reason, reviewer, at, supersedes)
         values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
        [
          r.id,
          r.submission,
          r.provision,
          r.requirement,
          r.interpretation,
          r.automated,
          r.action,
          r.verdict,
          r.reason,
          r.reviewer,
          r.at,
          r.supersedes,
        ],
      );
      return true;
    },
    async insertUser(u) {
      await tx.query(
        'insert into users (id, email, password_hash, role, jurisdiction, created_at) values ($1,$2,$3,$4,$5,$6)',
        [u.id, u.email, u.passwordHash, u.role, u.jurisdiction, u.createdAt],
      );
    },
  };
}

type DetRow = {
  id: string;
  jurisdiction: string;
  date: string;
  precision: DeterminationRecord['precision'];
  kind: DeterminationRecord['kind'];
  text: string;
  wave: string | null;
  known_from: string;
  sources: string[];
  supersedes: string | null;
  author: string | null;
  cites: DeterminationRecord['cites'];
};

async function determinationsWhere(
  q: SqlExecutor,
  where: string,
  params: unknown[],
): Promise<DeterminationRecord[]> {
  const rows = await q.query<DetRow>(`select * from determinations where ${where} order by date, id`, params);
  return rows.map((r) => ({
    id: r.id,
    jurisdiction: r.jurisdiction as OcdId,
    date: r.date as IsoDate,
    precision: r.precision,
    kind: r.kind,
    text: r.text,
    ...(r.wave ? { wave: r.wave as WaveId } : {}),
    knownFrom: r.known_from as IsoDate,
    sources: r.sources as SourceId[],
    supersedes: r.supersedes,
    author: r.author,
    cites: r.cites ?? [],
  }));
}

export function createWriter(
  db: SqlDatabase,
  deps: WriteDeps,
  onWrite: () => void = () => undefined,
): Writer {
  return {
    async write(fn) {
      try {
        return await db.transaction(async (tx) => {
          if (db.kind === 'postgres') await tx.query('select pg_advisory_xact_lock($1)', [WRITE_LOCK]);
          const out = await fn(txOps(tx, deps));
          await bumpRevision(tx);
          return out;
        });
      } finally {
        // After commit (or rollback): readers must not keep a revision read while the write was in flight.
        onWrite();
      }
    },
  };
}

type AuditRow = {
  seq: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
};

export const createAuditReader = (db: SqlExecutor): AuditReader => ({
  async entries() {
    return (await db.query<AuditRow>('select * from audit_log order by seq')).map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      before: r.before,
      after: r.after,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  },
  async head() {
    const rows = await db.query<{ value: { seq: number; hash: string } }>(
      "select value from meta where key = 'audit_head'",
    );
    return rows[0]?.value ?? null;
  },
});

type UserRow = {
  id: string;
  email: string;
  password_hash: string;
  role: UserRecord['role'];
  jurisdiction: string | null;
  created_at: Date | string;
};
const toUser = (r: UserRow): UserRecord => ({
  id: r.id,
  email: r.email,
  passwordHash: r.password_hash,
  role: r.role,
  jurisdiction: r.jurisdiction as OcdId | null,
  createdAt: new Date(r.created_at).toISOString(),
});

export const createUserStore = (db: SqlExecutor): UserStore => ({
  async byEmail(email) {
    const r = (await db.query<UserRow>('select * from users where email = $1', [email.toLowerCase()]))[0];
    return r ? toUser(r) : undefined;
  },
  async byId(id) {
    const r = (await db.query<UserRow>('select * from users where id = $1', [id]))[0];
    return r ? toUser(r) : undefined;
  },
  async insertSession(s) {
    await db.query(
      'insert into sessions (token_hash, user_id, csrf, expires_at, created_at) values ($1,$2,$3,$4,$5)',
      [s.tokenHash, s.userId, s.csrf, s.expiresAt, s.createdAt],
    );
  },
  async session(tokenHash) {
    const r = (
      await db.query<{
        token_hash: string;
        user_id: string;
        csrf: string;
        expires_at: Date | string;
        created_at: Date | string;
      }>('select * from sessions where token_hash = $1', [tokenHash])
    )[0];
    return r
      ? {
          tokenHash: r.token_hash,
          userId: r.user_id,
          csrf: r.csrf,
          expiresAt: new Date(r.expires_at).toISOString(),
          createdAt: new Date(r.created_at).toISOString(),
        }
      : undefined;
  },
  async deleteSession(tokenHash) {
    await db.query('delete from sessions where token_hash = $1', [tokenHash]);
  },
  async count() {
    return Number((await db.query<{ n: string }>('select count(*) as n from users'))[0]?.n ?? 0);
  },
});

type SubRow = {
  id: string;
  jurisdiction: string;
  wave: string | null;
  sha256: string;
  file_name: string;
  media_type: string;
  size: number;
  uploader: string;
  via: string;
  received_at: Date | string;
};
const toSubmission = (r: SubRow): Submission => ({
  id: r.id,
  jurisdiction: r.jurisdiction as OcdId,
  wave: r.wave,
  sha256: r.sha256,
  fileName: r.file_name,
  mediaType: r.media_type,
  size: Number(r.size),
  uploader: r.uploader,
  via: r.via,
  receivedAt: new Date(r.received_at).toISOString(),
});

export const createSubmissionStore = (db: SqlExecutor): SubmissionStore => ({
  async list(jurisdiction) {
    return (
      await db.query<SubRow>('select * from submissions where jurisdiction = $1 order by received_at, id', [
        jurisdiction,
      ])
    ).map(toSubmission);
  },
  async get(id) {
    const r = (await db.query<SubRow>('select * from submissions where id = $1', [id]))[0];
    return r ? toSubmission(r) : undefined;
  },
  async blob(sha256) {
    const r = (
      await db.query<{ bytes: Uint8Array }>('select bytes from blobs where sha256 = $1', [sha256])
    )[0];
    return r ? new Uint8Array(r.bytes) : undefined;
  },
});

export const createCampaignReader = (db: SqlExecutor): CampaignReader => ({
  async escalations(jurisdiction) {
    const rows = await db.query<{
      id: string;
      jurisdiction: string;
      step: string;
      date: string;
      authorized_by: string;
      decision: EscalationRecord['decision'];
      recorded_at: Date | string;
    }>(
      jurisdiction
        ? 'select * from escalations where jurisdiction = $1 order by date, id'
        : 'select * from escalations order by date, id',
      jurisdiction ? [jurisdiction] : [],
    );
    return rows.map((r) => ({
      id: r.id,
      jurisdiction: r.jurisdiction as OcdId,
      step: r.step,
      date: r.date as IsoDate,
      authorizedBy: r.authorized_by,
      decision: r.decision,
      recordedAt: new Date(r.recorded_at).toISOString(),
    }));
  },
  async services(wave) {
    const rows = await db.query<{
      id: string;
      wave: string;
      jurisdiction: string;
      served_on: string;
      method: string;
      recorded_by: string;
      recorded_at: Date | string;
    }>('select * from service_records where wave = $1 order by served_on, id', [wave]);
    return rows.map((r): ServiceRecord => ({
      id: r.id,
      wave: r.wave,
      jurisdiction: r.jurisdiction as OcdId,
      servedOn: r.served_on as IsoDate,
      method: r.method,
      recordedBy: r.recorded_by,
      recordedAt: new Date(r.recorded_at).toISOString(),
    }));
  },
  determinations: (jurisdiction) => determinationsWhere(db, 'jurisdiction = $1', [jurisdiction]),
});

export const createSecrets = (db: SqlDatabase, generate: () => string): Secrets => {
  let cached: string | undefined;
  return {
    async linkSecret() {
      if (cached) return cached;
      await db.query(
        "insert into meta (key, value) values ('link_secret', $1::jsonb) on conflict (key) do nothing",
        [json(generate())],
      );
      const rows = await db.query<{ value: string }>("select value from meta where key = 'link_secret'");
      cached = rows[0]?.value;
      if (!cached) throw new Error('no link secret');
      return cached;
    },
  };
};

export const createCohortReader = (db: SqlExecutor): CohortReader => ({
  async get(name) {
    return (await db.query<{ spec: unknown }>('select spec from cohorts where name = $1', [name]))[0]?.spec;
  },
  async list() {
    return db.query<{ name: string; spec: unknown }>('select name, spec from cohorts order by name');
  },
});
