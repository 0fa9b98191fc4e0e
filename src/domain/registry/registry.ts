// The registry of jurisdictions: lookup by OCD-ID (also-ids included), name indexes for the resolver, search, counts.
import type { OcdId } from '../shared/brand.ts';
import { DomainError } from '../shared/domain-error.ts';
import { normalizeName } from './normalize-name.ts';
import { parseOcdId } from './parse-ocd-id.ts';
import { JURISDICTION_KINDS, isCountyLike, isPlaceLike, isStateLike } from './registry-entry.ts';
import type { JurisdictionKind, RegistryEntry } from './registry-entry.ts';
import { divisionSlug, stripLegalSuffix } from './slugify.ts';

/** Which level of government a name denotes: "Cook County" a county, "Chicago" a place. */
export type NameLevel = 'state' | 'county' | 'place';

/**
 * One entry answering to one folded name. `quality` says how plainly the name denotes it: 1 for a state's or
 * county's full name, 0.98 for a place's name, 0.97 for an alias, 0.85 for a county's name without "County".
 */
export type NameHit = { readonly entry: RegistryEntry; readonly quality: number; readonly level: NameLevel };

export type SearchOptions = {
  readonly limit?: number;
  readonly kinds?: readonly JurisdictionKind[];
  /** Two-letter code: only entries of that state, DC or territory. */
  readonly state?: string;
};

const COUNTY_WORDS =
  / (county|parish|borough|census area|city and borough|municipality|municipio|district|island)$/i;

/** Population used to rank otherwise equal candidates: a place's own, or the sum over a county's or state's places. */
export const weightOf = (e: RegistryEntry): number => Math.max(e.population ?? 0, e.placePopulation ?? 0);

const compareWeight = (a: RegistryEntry, b: RegistryEntry): number =>
  weightOf(b) - weightOf(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The names an entry answers to, with how plainly each denotes it. */
function namesOf(e: RegistryEntry): { text: string; quality: number; level: NameLevel }[] {
  const slugs = new Set([e.id, ...(e.alsoIds ?? [])].map((id) => id.slice(id.lastIndexOf(':') + 1)));
  const levelOf = (name: string): NameLevel => {
    if (COUNTY_WORDS.test(name) && isCountyLike(e)) return 'county';
    if (isStateLike(e)) return 'state';
    return isPlaceLike(e) ? 'place' : 'county';
  };
  const primary = (level: NameLevel): number => (level === 'place' ? 0.98 : 1);
  const out: { text: string; quality: number; level: NameLevel }[] = [];
  const add = (name: string, isPrimary: boolean): void => {
    const level = levelOf(name);
    // An alias that is the division's own name (its slug is one of the entry's ids) counts as primary:
    // "Louisville" on Louisville Metro, "Denver County" on Denver.
    const plain = isPrimary || (level !== 'state' && slugs.has(divisionSlug(name)));
    out.push({ text: name, quality: plain ? primary(level) : 0.97, level });
    if (level === 'county') {
      const bare = stripLegalSuffix(name);
      if (bare !== name) out.push({ text: bare, quality: 0.85, level: 'county' });
    }
  };
  add(e.name, true);
  if (isStateLike(e)) add(e.state, true);
  if (e.legalName) add(e.legalName, false);
  for (const alias of e.aliases ?? []) add(alias, false);
  return out;
}

export class Registry {
  readonly #entries: readonly RegistryEntry[];
  readonly #byId = new Map<string, RegistryEntry>();
  readonly #byName = new Map<string, NameHit[]>();
  readonly #keysOf = new Map<RegistryEntry, readonly string[]>();
  readonly #postings = new Map<string, RegistryEntry[]>();
  // Sorted lists for prefix lookups, built on first use: most processes only resolve exact names.
  #sortedTokens: readonly string[] | undefined;
  #sortedKeys: readonly { readonly key: string; readonly entry: RegistryEntry }[] | undefined;

  /** Indexes the entries once; throws `bad-ocd-id` on a malformed id and `conflict` on an id used twice. */
  constructor(entries: readonly RegistryEntry[]) {
    this.#entries = entries;
    for (const e of entries) {
      for (const id of [e.id, ...(e.alsoIds ?? [])]) {
        parseOcdId(id);
        if (this.#byId.has(id)) throw new DomainError('conflict', `registry holds ${id} twice`, { id });
        this.#byId.set(id, e);
      }
      const entryKeys = new Set<string>();
      for (const n of namesOf(e)) {
        const key = normalizeName(n.text);
        if (!key) continue;
        const hits = this.#byName.get(key) ?? [];
        const same = hits.findIndex((h) => h.entry === e);
        if (same < 0) hits.push({ entry: e, quality: n.quality, level: n.level });
        else if ((hits[same] as NameHit).quality < n.quality)
          hits[same] = { entry: e, quality: n.quality, level: n.level };
        this.#byName.set(key, hits);
        entryKeys.add(key);
      }
      this.#keysOf.set(e, [...entryKeys]);
      const tokens = new Set<string>();
      for (const key of entryKeys) for (const t of key.split(' ')) tokens.add(t);
      for (const t of tokens) {
        const list = this.#postings.get(t);
        if (list) list.push(e);
        else this.#postings.set(t, [e]);
      }
    }
  }

  get #tokens(): readonly string[] {
    this.#sortedTokens ??= [...this.#postings.keys()].sort();
    return this.#sortedTokens;
  }

  get #keys(): readonly { readonly key: string; readonly entry: RegistryEntry }[] {
    this.#sortedKeys ??= [...this.#keysOf.entries()]
      .flatMap(([entry, keys]) => keys.map((key) => ({ key, entry })))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : compareWeight(a.entry, b.entry)));
    return this.#sortedKeys;
  }

  get size(): number {
    return this.#entries.length;
  }

  entries(): readonly RegistryEntry[] {
    return this.#entries;
  }

  /** The entry with this canonical id or also-id. */
  get(id: string): RegistryEntry | undefined {
    return this.#byId.get(id);
  }

  /** Like `get`, but throws `bad-ocd-id` for a malformed id and `unknown-jurisdiction` for an unknown one. */
  require(id: string): RegistryEntry {
    parseOcdId(id);
    const e = this.#byId.get(id);
    if (!e) throw new DomainError('unknown-jurisdiction', `no jurisdiction ${id} in the registry`, { id });
    return e;
  }

  /** The canonical id for any id of the same division (`county:denver` -> `place:denver`). */
  canonicalId(id: string): OcdId | undefined {
    return this.#byId.get(id)?.id;
  }

  countByKind(): Record<JurisdictionKind, number> {
    const counts = Object.fromEntries(JURISDICTION_KINDS.map((k) => [k, 0])) as Record<
      JurisdictionKind,
      number
    >;
    for (const e of this.#entries) counts[e.kind]++;
    return counts;
  }

  /** Entries answering to exactly this folded name (see `normalizeName`). */
  namesMatching(normalizedName: string): readonly NameHit[] {
    return this.#byName.get(normalizedName) ?? [];
  }

  /** The folded names an entry answers to. */
  keysOf(e: RegistryEntry): readonly string[] {
    return this.#keysOf.get(e) ?? [];
  }

  /**
   * Entries with a name holding every one of `tokens` as a word, the last one possibly as a word's start
   * ("san fran"). At most `cap` entries, the most populous first.
   */
  entriesWithTokens(tokens: readonly string[], lastIsPrefix: boolean, cap = 200): RegistryEntry[] {
    if (tokens.length === 0) return [];
    const lists: RegistryEntry[][] = [];
    tokens.forEach((t, i) => {
      if (i === tokens.length - 1 && lastIsPrefix) {
        const union = new Set<RegistryEntry>();
        for (const token of this.#tokensStartingWith(t))
          for (const e of this.#postings.get(token) ?? []) union.add(e);
        lists.push([...union]);
      } else {
        lists.push(this.#postings.get(t) ?? []);
      }
    });
    lists.sort((a, b) => a.length - b.length);
    const [first = [], ...rest] = lists;
    const others = rest.map((l) => new Set(l));
    return first
      .filter((e) => others.every((s) => s.has(e)))
      .sort(compareWeight)
      .slice(0, cap);
  }

  /**
   * Names starting with the text first, then names containing it, each group most populous first
   * (for a search box; `resolveJurisdiction` is the ranked reading of a mention).
   */
  search(text: string, options: SearchOptions = {}): RegistryEntry[] {
    const q = normalizeName(text);
    const limit = options.limit ?? 20;
    if (!q || limit <= 0) return [];
    const state = options.state?.toLowerCase();
    const accepts = (e: RegistryEntry): boolean =>
      (!options.kinds || options.kinds.includes(e.kind)) && (!state || e.state === state);
    const found = new Set<RegistryEntry>();
    const exact = (this.#byName.get(q) ?? [])
      .map((h) => h.entry)
      .filter(accepts)
      .sort(compareWeight);
    for (const e of exact) found.add(e);
    const prefixed: RegistryEntry[] = [];
    const keys = this.#keys;
    for (let i = this.#lowerBound(q); i < keys.length; i++) {
      const k = keys[i] as { key: string; entry: RegistryEntry };
      if (!k.key.startsWith(q)) break;
      if (accepts(k.entry)) prefixed.push(k.entry);
    }
    for (const e of prefixed.sort(compareWeight)) found.add(e);
    if (found.size < limit) {
      const inner: RegistryEntry[] = [];
      for (const k of keys)
        if (k.key.includes(q) && accepts(k.entry) && !found.has(k.entry)) inner.push(k.entry);
      for (const e of inner.sort(compareWeight)) found.add(e);
    }
    return [...found].slice(0, limit);
  }

  #lowerBound(key: string): number {
    const keys = this.#keys;
    let [lo, hi] = [0, keys.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((keys[mid] as { key: string }).key < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #tokensStartingWith(prefix: string): string[] {
    const tokens = this.#tokens;
    let [lo, hi] = [0, tokens.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((tokens[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < tokens.length && (tokens[i] as string).startsWith(prefix); i++)
      out.push(tokens[i] as string);
    return out;
  }
}
