// The one schema for PGlite and PostgreSQL, as ordered migrations; each runs once, in a transaction.
export type Migration = { readonly version: number; readonly name: string; readonly sql: string };

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records of law and campaign',
    sql: `
create table meta (key text primary key, value jsonb not null);
insert into meta (key, value) values ('revision', '0');

create table sources (
  id text primary key,
  kind text not null,
  title text not null,
  publisher text not null,
  date date,
  citation text,
  url text,
  note text
);

create table jurisdictions (
  id text primary key check (id like 'ocd-division/country:us%'),
  name text not null,
  kind text not null check (kind in ('state','district','territory','county','place'))
);
-- Every id a jurisdiction answers to, the canonical one included (consolidated governments have several).
create table jurisdiction_ids (
  id text primary key,
  jurisdiction text not null references jurisdictions(id) on delete cascade,
  is_canonical boolean not null
);

-- Law records are documents with a few columns pulled out for ordering and knownAt filtering.
create table requirements (id text primary key, kind text not null, valid_from date not null, valid_to date, record jsonb not null);
create table rulings (id text primary key, date date not null, known_from date not null, record jsonb not null);
create table grants (
  id text primary key,
  jurisdiction text not null,
  fiscal_year int not null,
  known_from date not null,
  record jsonb not null
);

create table waves (
  id text primary key,
  kind text not null,
  name text not null,
  sent date not null,
  deadline_rule jsonb not null,
  known_from date not null,
  record jsonb not null
);
-- A request keeps the deadline it was given, with the rule version and trigger it was computed from.
create table requests (
  wave text not null references waves(id),
  jurisdiction text not null,
  sent date not null,
  trigger date not null,
  due date not null,
  rule jsonb not null,
  rule_text text not null,
  rule_version text not null,
  trace jsonb not null,
  primary key (wave, jurisdiction)
);
create index requests_jurisdiction on requests (jurisdiction);
create table responses (
  id text primary key,
  wave text not null references waves(id),
  jurisdiction text not null,
  received date not null,
  precision text not null check (precision in ('day','by')),
  summary text not null,
  known_from date not null,
  sources text[] not null check (cardinality(sources) > 0)
);
create table determinations (
  id text primary key,
  jurisdiction text not null,
  date date not null,
  precision text not null check (precision in ('day','by','month')),
  kind text not null,
  text text not null,
  wave text references waves(id),
  known_from date not null,
  sources text[] not null check (cardinality(sources) > 0)
);
create index determinations_jurisdiction on determinations (jurisdiction, date);
`,
  },
  {
    version: 2,
    name: 'running a campaign: audit log, users, sessions, uploads, escalations, deadline adjustments',
    sql: `
-- Append-only, hash-chained (src/domain/audit/audit-chain.ts). Nothing updates or deletes rows here.
create table audit_log (
  seq bigint primary key,
  -- ISO-8601 text, not timestamptz: the hashed text must read back byte for byte.
  at text not null,
  actor text not null,
  action text not null,
  entity text not null,
  before jsonb,
  after jsonb,
  prev_hash text not null,
  hash text not null unique
);

create table users (
  id text primary key,
  email text not null unique,
  password_hash text not null,
  role text not null check (role in ('admin','analyst','respondent','public')),
  jurisdiction text,
  created_at timestamptz not null,
  check ((role = 'respondent') = (jurisdiction is not null))
);
create table sessions (
  token_hash text primary key,
  user_id text not null references users(id) on delete cascade,
  csrf text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null
);

-- Uploaded files, stored once by content hash; submissions point at them and are never changed.
create table blobs (sha256 text primary key, size int not null, bytes bytea not null);
create table submissions (
  id text primary key,
  jurisdiction text not null,
  wave text references waves(id),
  sha256 text not null references blobs(sha256),
  file_name text not null,
  media_type text not null,
  size int not null,
  uploader text not null,
  via text not null,
  received_at timestamptz not null
);
create index submissions_jurisdiction on submissions (jurisdiction, received_at);

create table escalations (
  id text primary key,
  jurisdiction text not null,
  step text not null,
  date date not null,
  authorized_by text not null,
  decision jsonb not null,
  recorded_at timestamptz not null
);

-- Extensions and pauses move a deadline without losing the old one.
create table deadline_adjustments (
  id text primary key,
  wave text not null,
  jurisdiction text not null,
  kind text not null check (kind in ('extension','pause','resume')),
  granted date not null,
  new_due date,
  reason text not null,
  granted_by text not null,
  recorded_at timestamptz not null,
  foreign key (wave, jurisdiction) references requests (wave, jurisdiction)
);

create table service_records (
  id text primary key,
  wave text not null,
  jurisdiction text not null,
  served_on date not null,
  method text not null,
  recorded_by text not null,
  recorded_at timestamptz not null,
  foreign key (wave, jurisdiction) references requests (wave, jurisdiction)
);

-- Determinations are superseded, never edited; each cites provisions or says no document was provided.
alter table determinations add column supersedes text references determinations(id);
alter table determinations add column author text;
alter table determinations add column cites jsonb not null default '[]';
create unique index determinations_superseded_once on determinations (supersedes) where supersedes is not null;

-- A reviewer's confirmation or override of an automated finding, provision by provision.
create table provision_reviews (
  id text primary key,
  submission text not null references submissions(id),
  provision text not null,
  requirement text not null,
  interpretation text not null check (interpretation in ('agency','judicial')),
  automated text not null,
  action text not null check (action in ('confirm','override')),
  verdict text not null check (verdict in ('conflict','possible-conflict','no-conflict')),
  reason text not null,
  reviewer text not null,
  at timestamptz not null,
  supersedes text references provision_reviews(id)
);
`,
  },
  {
    version: 3,
    name: 'documents: ingested files, their text and what was found in them',
    sql: `
create table documents (
  sha256 text primary key references blobs(sha256),
  file_name text not null,
  status text not null check (status in ('queued','done','failed')),
  format text,
  text text,
  pages jsonb,
  review jsonb,
  facts jsonb,
  error text,
  ingested_by text not null,
  ingested_at timestamptz not null,
  processed_at timestamptz
);
create index documents_status on documents (status);
`,
  },
  {
    version: 4,
    name: 'letters generated for a wave, one per recipient, stored by content hash',
    sql: `
create table letters (
  wave text not null,
  jurisdiction text not null,
  sha256 text not null references blobs(sha256),
  generated_by text not null,
  generated_at timestamptz not null,
  primary key (wave, jurisdiction),
  foreign key (wave, jurisdiction) references requests (wave, jurisdiction)
);
`,
  },
  {
    version: 5,
    name: 'saved cohorts of recipients',
    sql: `
create table cohorts (
  name text primary key check (length(name) between 1 and 200),
  spec jsonb not null,
  created_by text not null,
  created_at timestamptz not null
);
`,
  },
];
