// Documents: bytes in `blobs`, the record and its processing outcome in `documents`; each step audited.
import type { DocumentRecord, DocumentStore } from '../../app/documents/document-service.ts';
import type { Writer } from '../../app/ports/writes.ts';
import type { SqlExecutor } from '../sql/sql-database.ts';

type Row = {
  sha256: string;
  file_name: string;
  status: DocumentRecord['status'];
  format: string | null;
  text: string | null;
  pages: unknown;
  review: unknown;
  facts: unknown;
  error: string | null;
  ingested_by: string;
  ingested_at: Date | string;
  processed_at: Date | string | null;
};
const toRecord = (r: Row): DocumentRecord => ({
  sha256: r.sha256,
  fileName: r.file_name,
  status: r.status,
  format: r.format,
  text: r.text,
  pages: r.pages,
  review: r.review,
  facts: r.facts,
  error: r.error,
  ingestedBy: r.ingested_by,
  ingestedAt: new Date(r.ingested_at).toISOString(),
  processedAt: r.processed_at ? new Date(r.processed_at).toISOString() : null,
});

export function createDocumentStore(db: SqlExecutor, writer: Writer): DocumentStore {
  return {
    add: (input) =>
      writer.write(async (tx) => {
        await tx.putBlob(input.sha256, input.bytes);
        if (
          !(await tx.insertDocument({
            sha256: input.sha256,
            fileName: input.fileName,
            by: input.by,
            at: input.at,
          }))
        )
          return false;
        await tx.audit(input.by, 'document.ingest', input.sha256, null, {
          fileName: input.fileName,
          size: input.bytes.byteLength,
        });
        return true;
      }),
    async get(sha256) {
      const r = (await db.query<Row>('select * from documents where sha256 = $1', [sha256]))[0];
      return r ? toRecord(r) : undefined;
    },
    async bytes(sha256) {
      const r = (
        await db.query<{ bytes: Uint8Array }>('select bytes from blobs where sha256 = $1', [sha256])
      )[0];
      return r ? new Uint8Array(r.bytes) : undefined;
    },
    finish: (sha256, o) =>
      writer.write(async (tx) => {
        const updated = await tx.finishDocument(sha256, {
          status: o.status,
          format: o.format ?? null,
          text: o.text ?? null,
          pages: o.pages ?? null,
          review: o.review ?? null,
          facts: o.facts ?? null,
          error: o.error ?? null,
          at: o.at,
        });
        // Another worker may have finished it first: then there is nothing to record.
        if (updated) {
          await tx.audit(
            'worker',
            `document.${o.status === 'done' ? 'process' : 'fail'}`,
            sha256,
            { status: 'queued' },
            {
              status: o.status,
              format: o.format ?? null,
              chars: o.text?.length ?? 0,
              error: o.error ?? null,
            },
          );
        }
      }),
    async list(limit) {
      return (
        await db.query<Row>('select * from documents order by ingested_at desc, sha256 limit $1', [limit])
      ).map(toRecord);
    },
  };
}
