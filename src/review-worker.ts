// Worker-thread entry for `accordance review --jobs N` (src/cli/review-pool.ts): reads, reviews and renders one file per
// message. Like main.ts it wires the extractors to the review service, so it lives beside it.
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { createReviewService } from './app/review/review-service.ts';
import { renderDocument, type RenderedReview } from './cli/review-render.ts';
import type { WorkerReply, WorkerSetup, WorkerTask } from './cli/review-pool.ts';
import { extractDocument } from './extract/extract-document.ts';

const spec = workerData as WorkerSetup;
const limits = spec.maxTextChars === undefined ? {} : { maxTextChars: spec.maxTextChars };
const service = createReviewService({ read: (bytes, fileName) => extractDocument(bytes, fileName, limits) });

async function render(task: WorkerTask): Promise<RenderedReview> {
  const { file, bytes } = task;
  const outcome = await service.tryReviewOne(file, async () => bytes ?? new Uint8Array(await readFile(file)));
  if (!outcome.ok) return outcome;
  return { ok: true, chunks: renderDocument(outcome.document, spec) };
}

parentPort?.on('message', (task: WorkerTask) => {
  render(task).then(
    (rendered) => parentPort?.postMessage({ id: task.id, rendered } satisfies WorkerReply),
    (e: unknown) =>
      parentPort?.postMessage({
        id: task.id,
        fault: e instanceof Error ? e.message : String(e),
      } satisfies WorkerReply),
  );
});
