// Loads the built registry (data/registry/registry.json) once per process and indexes it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Registry } from '../../domain/registry/registry.ts';
import type { RegistryEntry } from '../../domain/registry/registry-entry.ts';

/** Where the built registry and its map geometry live, relative to this module so any checkout works. */
export const REGISTRY_DIR = new URL('../../../data/registry/', import.meta.url);
export const REGISTRY_FILE = new URL('registry.json', REGISTRY_DIR);
/** The us-atlas TopoJSON (objects `counties`, `states`, `nation`; geometry ids are the entries' `fips`). */
export const REGISTRY_GEOMETRY_FILE = new URL('us-atlas-counties-10m.json', REGISTRY_DIR);

export type RegistryFile = {
  readonly meta: {
    readonly schema: number;
    readonly geometry: string;
    readonly sources: readonly {
      readonly package: string;
      readonly version: string;
      readonly license: string;
      readonly data: string;
    }[];
    readonly counts: Readonly<Record<string, number>>;
  };
  readonly entries: readonly RegistryEntry[];
};

let cached: Registry | undefined;
let cachedMeta: RegistryFile['meta'] | undefined;

/** Reads and checks the registry file; `loadRegistry` is the cached way in. */
export function readRegistryFile(file: URL = REGISTRY_FILE): RegistryFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(fileURLToPath(file), 'utf8'));
  } catch (e) {
    throw new Error(
      `cannot read the registry at ${fileURLToPath(file)} (run scripts/build-registry.ts): ${String(e)}`,
    );
  }
  const f = parsed as Partial<RegistryFile>;
  if (!f || typeof f !== 'object' || !Array.isArray(f.entries) || !f.meta || f.meta.schema !== 1) {
    throw new Error(`${fileURLToPath(file)} is not a registry file of schema 1`);
  }
  return f as RegistryFile;
}

/** The registry, built from disk on first use and then shared by the whole process. */
export function loadRegistry(): Registry {
  if (!cached) {
    const file = readRegistryFile();
    cachedMeta = file.meta;
    cached = new Registry(file.entries);
  }
  return cached;
}

/** Sources, versions and counts the registry was built from (for attribution and the API). */
export function registryMeta(): RegistryFile['meta'] {
  loadRegistry();
  return cachedMeta as RegistryFile['meta'];
}
