// Reads the shipped default dataset (data/default) and fingerprints it, so the store knows which version it holds.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { DatasetFiles } from '../../app/dataset/ensure-dataset.ts';

const FILES = ['sources', 'jurisdictions', 'law', 'campaign', 'grants'] as const;

export async function readDefaultDataset(
  dir: URL = new URL('../../../data/default/', import.meta.url),
): Promise<DatasetFiles> {
  const hash = createHash('sha256');
  const raw: Record<string, unknown> = {};
  for (const name of FILES) {
    const text = await readFile(new URL(`${name}.json`, dir), 'utf8');
    hash.update(name).update('\0').update(text);
    raw[name] = JSON.parse(text);
  }
  return { name: 'campaign-2016-2019', version: hash.digest('hex').slice(0, 16), raw };
}
