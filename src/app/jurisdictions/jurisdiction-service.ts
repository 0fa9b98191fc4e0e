// Jurisdiction use cases over the registry of every US government: resolve names, search, count, look up.
import type { OcdId } from '../../domain/shared/brand.ts';
import { DomainError } from '../../domain/shared/domain-error.ts';
import { parseOcdId, type Jurisdiction } from '../../domain/jurisdictions/jurisdiction.ts';
import type { Registry } from '../../domain/registry/registry.ts';
import type { RegistryEntry } from '../../domain/registry/registry-entry.ts';
import {
  resolveJurisdiction,
  type ResolvedJurisdiction,
} from '../../domain/registry/resolve-jurisdiction.ts';

export type JurisdictionService = {
  resolve(text: string, options?: { state?: string; limit?: number }): ResolvedJurisdiction[];
  search(text: string, options?: { limit?: number; state?: string }): RegistryEntry[];
  counts(): Record<string, number>;
  /** The registry entry for any of its ids, or `unknown-jurisdiction`. */
  entry(id: string): RegistryEntry;
  /** The registry entry as a Jurisdiction (canonical id, name, kind, other ids), or undefined. */
  find(id: OcdId): Jurisdiction | undefined;
};

export const MAX_QUERY_LENGTH = 300;

const checkText = (text: string): string => {
  const t = (text ?? '').trim();
  if (!t) throw new DomainError('bad-input', 'a name to look up is required');
  if (t.length > MAX_QUERY_LENGTH)
    throw new DomainError('bad-input', `name is longer than ${MAX_QUERY_LENGTH} characters`);
  return t;
};

const checkLimit = (limit: number | undefined, fallback: number): number => {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new DomainError('bad-input', 'limit must be 1–1000');
  return limit;
};

export const entryToJurisdiction = (e: RegistryEntry): Jurisdiction => ({
  id: e.id,
  name: e.name,
  kind: e.kind,
  alsoIds: e.alsoIds ?? [],
});

export function createJurisdictionService(registry: () => Registry): JurisdictionService {
  return {
    resolve: (text, options = {}) =>
      resolveJurisdiction(registry(), checkText(text), {
        limit: checkLimit(options.limit, 5),
        ...(options.state ? { state: options.state } : {}),
      }),
    search: (text, options = {}) =>
      registry().search(checkText(text), {
        limit: checkLimit(options.limit, 20),
        ...(options.state ? { state: options.state.toLowerCase() } : {}),
      }),
    counts: () => registry().countByKind(),
    entry(id) {
      const parsed = parseOcdId(id);
      const e = registry().get(parsed);
      if (!e)
        throw new DomainError('unknown-jurisdiction', `no US jurisdiction with id "${parsed}"`, {
          id: parsed,
        });
      return e;
    },
    find(id) {
      const e = registry().get(id);
      return e ? entryToJurisdiction(e) : undefined;
    },
  };
}
