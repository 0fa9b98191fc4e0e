// Composition root: the only place where adapters are wired to use cases (STYLE.md). Reads the environment.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase, storesOver, type DatabaseConfig } from './db/open-stores.ts';
import { migrate } from './db/migrations/migrate.ts';
import type { SqlDatabase } from './db/sql/sql-database.ts';
import { readDefaultDataset } from './db/dataset/read-default-dataset.ts';
import { ensureDataset } from './app/dataset/ensure-dataset.ts';
import { createStatusService, type StatusService } from './app/status/status-service.ts';
import type { Clock } from './app/ports/clock.ts';
import type { DatasetInfo, Stores } from './app/ports/stores.ts';
import type { IsoDate } from './domain/shared/brand.ts';
import { runCli } from './cli/run-cli.ts';
import type { CliContext } from './cli/cli-context.ts';
import { buildServer } from './api/build-server.ts';
import type { FastifyInstance } from 'fastify';
import { remoteStatusService } from './api/status-client.ts';
import { loadRegistry } from './db/registry/load-registry.ts';
import {
  createJurisdictionService,
  type JurisdictionService,
} from './app/jurisdictions/jurisdiction-service.ts';
import { createCampaignViews, type CampaignViews } from './app/views/campaign-views.ts';
import { createExportViews, type ExportViews } from './app/views/map-and-exports.ts';
import { geometryByFips } from './db/registry/load-geometry.ts';
import { fileURLToPath } from 'node:url';
import { nodeCrypto } from './db/crypto/node-crypto.ts';
import { createAuthService, type AuthService } from './app/auth/auth-service.ts';
import {
  createCampaignService,
  createLetterBatch,
  createLetterService,
  type CampaignService,
  type LetterService,
} from './app/campaign/campaign-service.ts';
import { renderLetterPdf } from './letters/render-letter-pdf.ts';
import type { CampaignRouteDeps, UploadReviewer } from './api/campaign-routes.ts';
import { exportCommand, importCommand, type BackupPort } from './cli/backup-command.ts';
import { createReviewService, type ReviewFailure, type ReviewService } from './app/review/review-service.ts';
import { createWorkerReviewRunner, type ReviewRunner } from './cli/review-pool.ts';
import type { RenderSpec } from './cli/review-render.ts';
import { DomainError } from './domain/shared/domain-error.ts';
import {
  createProvisionReviewService,
  verdictsFromEntries,
  type AutomatedVerdicts,
  type VerdictEntries,
} from './app/review/provision-review-service.ts';
import { extractDocument } from './extract/extract-document.ts';
import { createDocumentService, type DocumentService } from './app/documents/document-service.ts';
import { createDocumentStore } from './db/stores/document-store.ts';
import { createInProcessQueue } from './db/jobs/in-process-queue.ts';
import { createPgBossQueue } from './db/jobs/pg-boss-queue.ts';
import type { JobQueue } from './app/ports/jobs.ts';
import { ingestCommand, workerCommand, type DocumentsPort } from './cli/ingest-command.ts';
import { extractCommand, type CaseFilePort } from './cli/extract-command.ts';
import { lettersCommand } from './cli/letters-command.ts';
import { buildCaseFile } from './domain/case-file/build-case-file.ts';
import { extractCaseFacts } from './domain/case-file/extract-case-facts.ts';
import { exportStore, importStore, verifyBlobs } from './db/backup/backup.ts';
import { createReadStream, createWriteStream } from 'node:fs';
import { createGzip, createGunzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { createUploadService, type UploadService } from './app/uploads/upload-service.ts';
import { createAuditService, type AuditService } from './app/audit/audit-service.ts';

export const VERSION = '0.1.0';

export const systemClock: Clock = {
  today: () => new Date().toISOString().slice(0, 10) as IsoDate,
  now: () => new Date(),
};

export type Env = Readonly<Record<string, string | undefined>>;

export function databaseConfig(env: Env): DatabaseConfig {
  if (env.DATABASE_URL)
    return {
      kind: 'postgres',
      url: env.DATABASE_URL,
      ...(env.DATABASE_SCHEMA ? { schema: env.DATABASE_SCHEMA } : {}),
    };
  return { kind: 'pglite', dataDir: resolve(env.ACCORDANCE_DATA ?? '.accordance') };
}

export type App = {
  /** The open database, for backups; everything else goes through the stores. */
  readonly database: SqlDatabase;
  readonly stores: Stores;
  readonly status: StatusService;
  readonly jurisdictions: JurisdictionService;
  readonly views: CampaignViews;
  readonly exports: ExportViews;
  readonly auth: AuthService;
  readonly campaign: CampaignService;
  readonly letters: LetterService;
  readonly uploads: UploadService;
  readonly audit: AuditService;
  readonly dataset: DatasetInfo;
  close(): Promise<void>;
};

export async function openApp(config: DatabaseConfig, clock: Clock = systemClock): Promise<App> {
  return openAppOn(await openDatabase(config), clock);
}

/** The application over an open database (migrated here); tests keep the handle to inspect or tamper. */
export async function openAppOn(db: SqlDatabase, clock: Clock = systemClock): Promise<App> {
  let stores: Stores;
  try {
    await migrate(db);
    stores = storesOver(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  try {
    const { info } = await ensureDataset(stores, () => readDefaultDataset());
    const jurisdictions = createJurisdictionService(loadRegistry);
    const status = createStatusService({ stores, clock, directory: jurisdictions.find });
    const documentStore = createDocumentStore(db, stores.writer);
    const views = createCampaignViews({
      stores,
      clock,
      status,
      jurisdictions,
      documents: async () => (await documentStore.list(500)).filter((d) => d.status === 'done'),
    });
    const exports = createExportViews({
      status,
      jurisdictions,
      geometry: geometryByFips,
      revision: () => stores.records.revision(),
    });
    const crypto = nodeCrypto;
    const auth = createAuthService({ users: stores.users, writer: stores.writer, crypto, clock });
    const campaign = createCampaignService({
      writer: stores.writer,
      status,
      jurisdictions,
      crypto,
      clock,
      cohorts: stores.cohorts,
    });
    const uploads = createUploadService({
      writer: stores.writer,
      submissions: stores.submissions,
      secrets: stores.secrets,
      crypto,
      clock,
    });
    const audit = createAuditService({ audit: stores.audit, crypto });
    const letters = createLetterService({
      status,
      render: (l) => renderLetterPdf(l, 'Office of Justice Programs, U.S. Department of Justice'),
    });
    return {
      database: db,
      stores,
      status,
      jurisdictions,
      views,
      exports,
      auth,
      campaign,
      letters,
      uploads,
      audit,
      dataset: info,
      close: () => stores.close(),
    };
  } catch (e) {
    await stores.close();
    throw e;
  }
}

export const documentService = (app: App, queue: JobQueue): DocumentService =>
  createDocumentService({
    store: createDocumentStore(app.database, app.stores.writer),
    queue,
    read: (bytes, fileName) => extractDocument(bytes, fileName),
    // Case facts from the text (BRIEF C7); a document too long for fact extraction keeps its review only.
    facts: (doc) => {
      try {
        return extractCaseFacts({ name: doc.name, text: doc.text }, loadRegistry());
      } catch (e) {
        return { error: (e as Error).message };
      }
    },
    crypto: nodeCrypto,
    clock: systemClock,
  });

export const caseFilePort = (): CaseFilePort => ({
  read: (bytes, fileName) => extractDocument(bytes, fileName),
  build: (docs) => buildCaseFile(docs, loadRegistry()),
});

export const reviewService = (): ReviewService =>
  createReviewService({ read: (bytes, fileName) => extractDocument(bytes, fileName) });

/** Entry of the review worker threads (`accordance review --jobs N`, `POST /api/review`). */
const REVIEW_WORKER = new URL('./review-worker.ts', import.meta.url);

/** Text the HTTP review takes per file (about 1,000 pages; the CLI and ingest take 20,000,000), and JSON it returns per request. */
export const API_REVIEW_MAX_TEXT_CHARS = 2_000_000;
const API_REVIEW_MAX_JSON_CHARS = 64 * 1024 * 1024;

/**
 * One review worker thread for the server, started on first use. After `close` (the server shutting down) no new
 * worker is started: it would never be stopped.
 */
function serverReviewThread(spec: RenderSpec): Pick<ReviewRunner, 'run' | 'close'> {
  let runner: ReviewRunner | undefined;
  let closed = false;
  return {
    run(file, bytes) {
      if (closed) return Promise.reject(new Error('the review worker is closed'));
      runner ??= createWorkerReviewRunner(REVIEW_WORKER, 1, spec, { resilient: true });
      return runner.run(file, bytes);
    },
    async close() {
      closed = true;
      await runner?.close();
    },
  };
}

/**
 * `POST /api/review` on one worker thread, started on first use: a large upload takes seconds of CPU, which on the
 * request thread would hold up every other request, and files are reviewed one at a time, which bounds memory.
 */
export function uploadReviewer(): UploadReviewer {
  const thread = serverReviewThread({
    output: 'compact',
    color: false,
    maxTextChars: API_REVIEW_MAX_TEXT_CHARS,
  });
  return {
    async review(files) {
      const documents: string[] = [];
      const errors: ReviewFailure[] = [];
      let chars = 0;
      for (const f of files) {
        const r = await thread.run(f.file, f.bytes);
        if (!r.ok) {
          errors.push(r.failure);
          continue;
        }
        const json = r.chunks.join('');
        chars += json.length;
        if (chars > API_REVIEW_MAX_JSON_CHARS) {
          throw new DomainError(
            'too-large',
            'the review of these files is too large to return at once; send fewer or smaller files, or use `accordance review`',
          );
        }
        documents.push(json);
      }
      return { documents, errors };
    },
    close: () => thread.close(),
  };
}

/**
 * The automated verdicts of stored submissions, for confirming findings (`POST /api/provision-reviews`), worked out on
 * a worker thread started on first use: a stored file may hold 20,000,000 characters, seconds of review that on the
 * request thread would hold up every other request. The worker sends back only the verdicts, not the review.
 */
export function workerVerdicts(): AutomatedVerdicts {
  const thread = serverReviewThread({ output: 'verdicts', color: false });
  return {
    async of(fileName, bytes) {
      const r = await thread.run(fileName, bytes);
      if (!r.ok)
        throw new DomainError(r.failure.code === 'too-large' ? 'too-large' : 'bad-input', r.failure.error);
      return verdictsFromEntries(JSON.parse(r.chunks.join('')) as VerdictEntries);
    },
    close: () => thread.close(),
  };
}

export const campaignRoutes = (app: App, env: Env = {}): CampaignRouteDeps => ({
  reviewUploads: uploadReviewer(),
  provisionReviews: createProvisionReviewService({
    writer: app.stores.writer,
    submissions: app.stores.submissions,
    verdicts: workerVerdicts(),
    crypto: nodeCrypto,
    clock: systemClock,
  }),
  auth: app.auth,
  campaign: app.campaign,
  letters: app.letters,
  uploads: app.uploads,
  audit: app.audit,
  status: app.status,
  secureCookies: env.ACCORDANCE_SECURE_COOKIES === '1',
});

/** The HTTP server over an app, with the built web app and map data: for `serve`, benchmarks and browser tests. */
export const serverFor = (app: App, env: Env = {}, version = VERSION): FastifyInstance =>
  buildServer({
    status: app.status,
    jurisdictions: app.jurisdictions,
    views: app.views,
    exports: app.exports,
    campaign: campaignRoutes(app, env),
    webRoot: fileURLToPath(new URL('../web/dist', import.meta.url)),
    geoRoot: fileURLToPath(new URL('../data/registry', import.meta.url)),
    dataset: app.dataset,
    version,
    logger: env.ACCORDANCE_LOG === '1',
  });

// ---- the embedded store belongs to one process at a time ----

type LockInfo = { pid: number; url?: string };
const lockPath = (dataDir: string) => resolve(dataDir, 'accordance.lock');

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

function readLock(dataDir: string): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
    return info.pid !== process.pid && isAlive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

function takeLock(dataDir: string, info: LockInfo): () => void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(lockPath(dataDir), JSON.stringify(info));
  return () => {
    const current = readLockRaw(dataDir);
    if (current?.pid === process.pid) rmSync(lockPath(dataDir), { force: true });
  };
}

function readLockRaw(dataDir: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(lockPath(dataDir), 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

// ---- entry points ----

/**
 * Loads what the first requests would otherwise wait for (the registry and its name index, county outlines, the
 * campaign records), so a server answers its first visitors as fast as its thousandth.
 */
export async function warmUp(app: App): Promise<void> {
  app.jurisdictions.resolve('Denver, Colorado', { limit: 1 });
  geometryByFips('08031');
  await app.status.records();
}

export async function serve(env: Env): Promise<void> {
  const config = databaseConfig(env);
  if (config.kind === 'pglite') {
    const holder = readLock(config.dataDir ?? '');
    if (holder)
      throw new Error(
        `the data directory ${config.dataDir} is in use by process ${holder.pid}${holder.url ? ` (${holder.url})` : ''}`,
      );
  }
  const started = Date.now();
  const app = await openApp(config);
  await warmUp(app);
  const server = serverFor(app, env);
  const port = Number(env.PORT ?? 8080);
  const host = env.HOST ?? '0.0.0.0';
  await server.listen({ port, host });
  const url = `http://127.0.0.1:${port}`;
  const release =
    config.kind === 'pglite' ? takeLock(config.dataDir ?? '', { pid: process.pid, url }) : () => undefined;
  process.stdout.write(
    `Accordance ${VERSION} on http://localhost:${port} (${app.stores.kind}${config.kind === 'pglite' ? ` in ${config.dataDir}` : ''}; dataset ${app.dataset.name}@${app.dataset.version}; ready in ${Date.now() - started} ms)\n`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await app.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** Resolves when a stream that refused a write (its buffer full, a slow pipe reader) has drained. */
const drained = (stream: NodeJS.WritableStream): Promise<void> => once(stream, 'drain').then(() => undefined);

/** A reader that stops early (`accordance review ... | head`) closes the pipe: stop quietly, as command-line tools do. */
const onStdoutError = (e: NodeJS.ErrnoException): void => {
  if (e.code !== 'EPIPE') process.stderr.write(`accordance: ${e.message}\n`);
  process.exit(e.code === 'EPIPE' ? 0 : 1);
};

export async function cli(argv: string[], env: Env): Promise<number> {
  if (argv[0] !== 'serve' && !process.stdout.listeners('error').includes(onStdoutError))
    process.stdout.on('error', onStdoutError);
  let app: App | undefined;
  let release: (() => void) | undefined;
  const config = databaseConfig(env);
  let directory: JurisdictionService | undefined;
  let reviewer: ReviewService | undefined;
  const queues: JobQueue[] = [];
  const openLocal = async (): Promise<App> => {
    if (config.kind === 'pglite') {
      const holder = readLock(config.dataDir ?? '');
      if (holder) {
        throw new Error(
          `the data directory ${config.dataDir} is in use by process ${holder.pid}${holder.url ? ` (${holder.url}); use its API, or stop it` : ''}`,
        );
      }
      release ??= takeLock(config.dataDir ?? '', { pid: process.pid });
    }
    app ??= await openApp(config);
    return app;
  };
  const ctx: CliContext = {
    async local() {
      const a = await openLocal();
      const operator = {
        kind: 'user' as const,
        id: 'cli',
        email: `cli:${env.USER ?? 'operator'}`,
        role: 'admin' as const,
        jurisdiction: null,
      };
      return { campaign: a.campaign, audit: a.audit, auth: a.auth, operator };
    },
    async stdin() {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    jurisdictions: () => (directory ??= createJurisdictionService(loadRegistry)),
    review: () => (reviewer ??= reviewService()),
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    write: (t) => (process.stdout.write(t) ? Promise.resolve() : drained(process.stdout)),
    reviewWorkers: (jobs, spec) => createWorkerReviewRunner(REVIEW_WORKER, jobs, spec),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    async status() {
      if (config.kind === 'pglite') {
        const holder = readLock(config.dataDir ?? '');
        if (holder?.url) return remoteStatusService(holder.url);
      }
      return (await openLocal()).status;
    },
  };
  try {
    const backup = async (): Promise<BackupPort> => ({
      async exportTo(file) {
        const a = await openLocal();
        const db = a.database;
        const sink = createWriteStream(file);
        const out = file.endsWith('.gz') ? createGzip() : undefined;
        out?.pipe(sink);
        const target = out ?? sink;
        const header = await exportStore(db, async (line) => {
          if (!target.write(`${line}\n`)) await once(target, 'drain');
        });
        target.end();
        await once(sink, 'close');
        return { tables: header.tables };
      },
      async importFrom(file) {
        if (config.kind === 'pglite') {
          if (readLock(config.dataDir ?? ''))
            throw new Error(`the data directory ${config.dataDir} is in use`);
          release ??= takeLock(config.dataDir ?? '', { pid: process.pid });
        }
        const db = await openDatabase(config);
        try {
          await migrate(db);
          const input = createReadStream(file);
          const lines = createInterface({
            input: file.endsWith('.gz') ? input.pipe(createGunzip()) : input,
            crlfDelay: Infinity,
          });
          const tables = await importStore(db, lines);
          const blobs = await verifyBlobs(db, (b) => nodeCrypto.sha256(b));
          const audit = await createAuditService({
            audit: storesOver(db).audit,
            crypto: nodeCrypto,
          }).verify();
          return { tables, audit, files: blobs.files, mismatched: blobs.mismatched.length };
        } finally {
          await db.close();
        }
      },
    });
    let docs: DocumentsPort | undefined;
    const documents = async (): Promise<DocumentsPort> => {
      if (docs) return docs;
      const a = await openLocal();
      const queue: JobQueue =
        config.kind === 'postgres'
          ? await createPgBossQueue(config.url, config.schema ? `${config.schema}_jobs` : 'accordance_jobs')
          : createInProcessQueue();
      queues.push(queue);
      docs = {
        documents: documentService(a, queue),
        queue,
        operator: {
          kind: 'user',
          id: 'cli',
          email: `cli:${env.USER ?? 'operator'}`,
          role: 'admin',
          jurisdiction: null,
        },
      };
      return docs;
    };
    const letterBatch = async () => {
      const a = await openLocal();
      return {
        batch: createLetterBatch({
          letters: a.letters,
          status: a.status,
          writer: a.stores.writer,
          crypto: nodeCrypto,
          clock: systemClock,
          recorded: async (wave) =>
            new Set(
              (
                await a.database.query<{ jurisdiction: string }>(
                  'select jurisdiction from letters where wave = $1',
                  [wave],
                )
              ).map((r) => r.jurisdiction),
            ),
        }),
        operator: {
          kind: 'user' as const,
          id: 'cli',
          email: `cli:${env.USER ?? 'operator'}`,
          role: 'admin' as const,
          jurisdiction: null,
        },
      };
    };
    const withBackup = { ...ctx, backup, documents, caseFile: caseFilePort, letterBatch };
    return await runCli(argv, ctx, {
      serve: async () => {
        await serve(env);
        return -1;
      },
      export: (args) => exportCommand(args, withBackup),
      ingest: (args) => ingestCommand(args, withBackup),
      extract: (args) => extractCommand(args, withBackup),
      letters: (args) => lettersCommand(args, withBackup),
      worker: (args) => workerCommand(args, withBackup),
      import: (args) => importCommand(args, withBackup),
    });
  } finally {
    // `serve` keeps running; everything else closes the store it opened.
    if (argv[0] !== 'serve') {
      for (const q of queues) await q.stop();
      await app?.close();
      release?.();
    }
  }
}

if (import.meta.main) {
  const code = await cli(process.argv.slice(2), process.env);
  if (code >= 0) process.exitCode = code;
}
