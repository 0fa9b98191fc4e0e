// Loads the default dataset into an empty store on first start; a store that has one is left alone.
import type { DatasetInfo, Stores } from '../ports/stores.ts';
import { parseDataset } from '../../domain/dataset/dataset-schema.ts';
import { requestsOfWave } from '../../domain/campaign/requests-of-wave.ts';

export type DatasetFiles = { readonly name: string; readonly version: string; readonly raw: unknown };

export async function ensureDataset(
  stores: Stores,
  read: () => Promise<DatasetFiles>,
): Promise<{ info: DatasetInfo; isNew: boolean }> {
  const existing = await stores.seed.datasetInfo();
  if (existing) return { info: existing, isNew: false };
  const files = await read();
  const dataset = parseDataset(files.raw);
  const requests = dataset.waves.flatMap(requestsOfWave);
  try {
    await stores.seed.seed(dataset, requests, { name: files.name, version: files.version });
  } catch (e) {
    // Another process may have seeded the same store between our check and our write.
    const now = await stores.seed.datasetInfo();
    if (now) return { info: now, isNew: false };
    throw e;
  }
  const info = await stores.seed.datasetInfo();
  if (!info) throw new Error('dataset was written but cannot be read back');
  return { info, isNew: true };
}
