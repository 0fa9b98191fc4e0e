// Test helper: the default dataset read straight from data/default, for pure domain tests.
import { readFileSync } from 'node:fs';
import { parseDataset, type Dataset } from '../dataset/dataset-schema.ts';
import { requestsOfWave } from '../campaign/requests-of-wave.ts';
import type { StatusRecords } from '../status/compute-status.ts';

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../data/default/${name}`, import.meta.url), 'utf8'));

export function readDefaultDatasetFiles(): unknown {
  return {
    sources: read('sources.json'),
    jurisdictions: read('jurisdictions.json'),
    law: read('law.json'),
    campaign: read('campaign.json'),
    grants: read('grants.json'),
  };
}

export const loadDefaultDataset = (): Dataset => parseDataset(readDefaultDatasetFiles());

export const defaultStatusRecords = (): StatusRecords => {
  const ds = loadDefaultDataset();
  return { ...ds, requests: ds.waves.flatMap(requestsOfWave) };
};
