// Reads a free-text mention of a government ("Louisville Metro, Kentucky", "King County, Wash.") as ranked OCD-IDs.
import type { OcdId } from '../shared/brand.ts';
import { normalizeName, tokenizeName } from './normalize-name.ts';
import { isCountyLike, isPlaceLike, isStateLike } from './registry-entry.ts';
import type { JurisdictionKind, RegistryEntry } from './registry-entry.ts';
import { weightOf } from './registry.ts';
import type { Registry } from './registry.ts';
import { US_STATES } from './us-states.ts';

export type ResolveContext = {
  /** A state named nearby (two-letter code or name): candidates elsewhere rank lower. */
  readonly state?: string;
  readonly kinds?: readonly JurisdictionKind[];
  /** How many candidates at most; 5 unless told. */
  readonly limit?: number;
};

export type ResolvedJurisdiction = {
  readonly id: OcdId;
  readonly name: string;
  readonly kind: JurisdictionKind;
  /** 0..1: how well the text names it; equal names are told apart by population in the last 0.05. */
  readonly score: number;
};

/** What a legal prefix or suffix says about the level of government meant. */
type Hint = 'state' | 'county' | 'place' | 'consolidated' | 'any' | 'none';

// Token sequences, longest first so that "city and county of" wins over "county of".
const PREFIXES: readonly (readonly [string, Hint])[] = [
  ['city and county of', 'consolidated'],
  ['town and county of', 'consolidated'],
  ['city and borough of', 'consolidated'],
  ['consolidated city of', 'consolidated'],
  ['metropolitan government of', 'consolidated'],
  ['metro government of', 'consolidated'],
  ['unified government of', 'consolidated'],
  ['municipality of', 'any'],
  ['government of', 'none'],
  ['commonwealth of', 'state'],
  ['territory of', 'state'],
  ['state of', 'state'],
  ['county of', 'county'],
  ['parish of', 'county'],
  ['borough of', 'any'],
  ['city of', 'place'],
  ['town of', 'place'],
  ['village of', 'place'],
  ['township of', 'place'],
];

const SUFFIXES: readonly (readonly [string, Hint])[] = [
  ['urban county government', 'consolidated'],
  ['metropolitan government', 'consolidated'],
  ['consolidated government', 'consolidated'],
  ['unified government', 'consolidated'],
  ['metro government', 'consolidated'],
  ['city and county', 'consolidated'],
  ['city and borough', 'county'],
  ['census area', 'county'],
  ['government', 'none'],
  ['metro', 'consolidated'],
  ['county', 'county'],
  ['parish', 'county'],
  ['municipio', 'county'],
  ['borough', 'any'],
  ['city', 'place'],
  ['town', 'place'],
  ['village', 'place'],
  ['township', 'place'],
  ['twp', 'place'],
  ['state', 'state'],
];

// Folded state names, postal codes and abbreviations -> code. Names first, so "washington" is the state and
// only "washington dc" is the district.
const STATE_CODES: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const s of US_STATES) m.set(normalizeName(s.name), s.code);
  for (const s of US_STATES) m.set(s.code, s.code);
  for (const s of US_STATES) {
    for (const a of s.aliases) if (!m.has(normalizeName(a))) m.set(normalizeName(a), s.code);
  }
  return m;
})();

/** The code of a state named by `text` ("Calif.", "Kentucky", "NY", "Washington state"), if it names one. */
export function stateCodeOf(text: string): string | undefined {
  const key = normalizeName(text);
  return STATE_CODES.get(key) ?? STATE_CODES.get(key.replace(/ state$/, ''));
}

type Reading = { readonly tokens: readonly string[]; readonly state?: string; readonly weight: number };
type Variant = {
  readonly key: string;
  readonly tokens: readonly string[];
  readonly hint: Hint;
  readonly weight: number;
};

const startsWith = (tokens: readonly string[], words: readonly string[]): boolean =>
  words.length < tokens.length && words.every((w, i) => tokens[i] === w);
const endsWith = (tokens: readonly string[], words: readonly string[]): boolean =>
  words.length < tokens.length && words.every((w, i) => tokens[tokens.length - words.length + i] === w);

/** Ways to read the text: as a whole, and split into a name and a trailing state ("Albany, NY"). */
function readingsOf(text: string): Reading[] {
  const segments = text
    .split(/[,;()]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const all = tokenizeName(segments.join(' '));
  const readings: Reading[] = [{ tokens: all, weight: 1 }];
  if (segments.length >= 2) {
    const state = stateCodeOf(segments[segments.length - 1] as string);
    if (state) readings.push({ tokens: tokenizeName(segments.slice(0, -1).join(' ')), state, weight: 1 });
  }
  // "Albany NY", "Kansas City Missouri": a state at the end without a comma, read a shade less surely.
  for (let k = 1; k <= 3 && k < all.length; k++) {
    const state = STATE_CODES.get(all.slice(-k).join(' '));
    if (state) readings.push({ tokens: all.slice(0, -k), state, weight: 0.98 });
  }
  return readings.filter((r) => r.tokens.length > 0);
}

/** The text itself, and the text with a legal prefix and/or suffix taken off ("City of", "County"). */
function variantsOf(tokens: readonly string[]): Variant[] {
  // A leading "the" is read both ways: "the City of Chicago", but "The Bronx" and "The Dalles" are names.
  const bases = tokens[0] === 'the' && tokens.length > 1 ? [tokens, tokens.slice(1)] : [tokens];
  return bases.flatMap((base) => affixVariants(base));
}

function affixVariants(tokens: readonly string[]): Variant[] {
  const out: Variant[] = [{ key: tokens.join(' '), tokens, hint: 'none', weight: 1 }];
  const prefix = PREFIXES.find(([p]) => startsWith(tokens, p.split(' ')));
  const afterPrefix = prefix ? tokens.slice(prefix[0].split(' ').length) : tokens;
  const prefixHint: Hint = prefix ? prefix[1] : 'none';
  if (prefix) out.push({ key: afterPrefix.join(' '), tokens: afterPrefix, hint: prefixHint, weight: 0.99 });
  for (const base of prefix ? [tokens, afterPrefix] : [tokens]) {
    const suffix = SUFFIXES.find(([s]) => endsWith(base, s.split(' ')));
    if (!suffix) continue;
    const rest = base.slice(0, base.length - suffix[0].split(' ').length);
    const hint = base === afterPrefix && prefixHint !== 'none' ? prefixHint : suffix[1];
    out.push({ key: rest.join(' '), tokens: rest, hint, weight: 0.99 });
    // "Louisville Metro Government": a second suffix ("metro" after "government" is gone).
    const again = SUFFIXES.find(([s]) => endsWith(rest, s.split(' ')));
    if (again) {
      const rest2 = rest.slice(0, rest.length - again[0].split(' ').length);
      out.push({
        key: rest2.join(' '),
        tokens: rest2,
        hint: hint === 'none' ? again[1] : hint,
        weight: 0.98,
      });
    }
  }
  return out;
}

/** How far a legal word in the text agrees with what the entry is; may raise a bare county name's quality. */
function applyHint(hint: Hint, e: RegistryEntry, quality: number): number {
  switch (hint) {
    case 'none':
      return quality;
    case 'any':
      return isStateLike(e) ? quality * 0.6 : quality;
    case 'state':
      return isStateLike(e) ? Math.max(quality, 0.97) : quality * 0.6;
    case 'county':
      return isCountyLike(e) ? Math.max(quality, 0.97) : quality * 0.6;
    case 'place':
      return isPlaceLike(e) ? Math.max(quality, 0.97) : quality * (isStateLike(e) ? 0.5 : 0.6);
    case 'consolidated':
      if (isCountyLike(e) && isPlaceLike(e)) return Math.max(quality, 0.99);
      return isCountyLike(e) || isPlaceLike(e) ? quality * 0.85 : quality * 0.6;
  }
}

/** A state written into the text is a strong signal; one from context, a weaker one. */
function stateFactor(
  e: RegistryEntry,
  fromText: string | undefined,
  fromContext: string | undefined,
): number {
  if (fromText) {
    // Nobody writes "New York, NY" for the state: a qualified name is a place or county in it.
    if (e.state === fromText) return isStateLike(e) ? 0.7 : 1;
    return 0.5;
  }
  if (fromContext) return e.state === fromContext ? 1 : 0.8;
  return 1;
}

const popNorm = (e: RegistryEntry): number => Math.min(1, Math.log10(1 + weightOf(e)) / 7);
const finalScore = (raw: number, e: RegistryEntry): number => 0.95 * Math.min(1, raw) + 0.05 * popNorm(e);

// "the Washington state county that includes Seattle", "the county containing Boulder".
const CONTAINING =
  /^(?:the )?(?:(.+?) )?(?:county|parish|borough)(?: that| which)? (?:includes|include|contains|containing|including|encompasses|encompassing|surrounds|surrounding|is home to|home to|covers|covering) (.+)$/;

function resolveContaining(
  registry: Registry,
  text: string,
  context: ResolveContext,
): Map<RegistryEntry, number> | undefined {
  const m = CONTAINING.exec(tokenizeName(text.replace(/[,;()]/g, ' ')).join(' '));
  if (!m) return undefined;
  const [, statePart, placePart = ''] = m;
  const state = statePart ? stateCodeOf(statePart.replace(/^the /, '')) : undefined;
  const found = new Map<RegistryEntry, number>();
  const places = resolveJurisdiction(registry, placePart, {
    ...context,
    state: state ?? context.state,
    limit: 3,
  });
  for (const p of places) {
    const e = registry.get(p.id);
    if (!e) continue;
    const county = e.county ? registry.get(e.county) : isCountyLike(e) ? e : undefined;
    if (county && !found.has(county)) found.set(county, p.score * 0.95);
  }
  return found;
}

/**
 * Ranked candidates for a mention, best first. Reads state names and abbreviations ("Calif.", "Wash.",
 * "NY"), legal prefixes and suffixes ("City and County of", "State of", "County", "Parish", "Metro"),
 * aliases ("NYC", "Louisville Metro", "D.C."), and an OCD-ID as itself. Ties between equal names go to the
 * larger population; `context.state` prefers candidates in a state named nearby.
 */
export function resolveJurisdiction(
  registry: Registry,
  text: string,
  context: ResolveContext = {},
): ResolvedJurisdiction[] {
  const limit = context.limit ?? 5;
  const trimmed = text.trim();
  if (!trimmed || limit <= 0) return [];
  const contextState = context.state ? stateCodeOf(context.state) : undefined;
  const accepts = (e: RegistryEntry): boolean => !context.kinds || context.kinds.includes(e.kind);
  const best = new Map<RegistryEntry, number>();
  const offer = (e: RegistryEntry, score: number): void => {
    if (accepts(e) && score > (best.get(e) ?? 0)) best.set(e, score);
  };

  if (trimmed.startsWith('ocd-division/')) {
    const e = registry.get(trimmed);
    if (e) offer(e, 1);
    return toCandidates(best, limit);
  }

  const containing = resolveContaining(registry, trimmed, context);
  if (containing) for (const [e, s] of containing) offer(e, s);

  const readings = readingsOf(trimmed);
  for (const reading of readings) {
    for (const v of variantsOf(reading.tokens)) {
      for (const hit of registry.namesMatching(v.key)) {
        const q = applyHint(v.hint, hit.entry, hit.quality);
        const raw = q * v.weight * reading.weight * stateFactor(hit.entry, reading.state, contextState);
        offer(hit.entry, finalScore(raw, hit.entry));
      }
    }
  }

  // Nothing named exactly: fall back on names holding every word, the last one possibly cut short.
  const top = Math.max(0, ...best.values());
  if (top < 0.85) {
    for (const reading of readings) {
      for (const v of variantsOf(reading.tokens)) {
        const query = v.key;
        for (const e of registry.entriesWithTokens(v.tokens, true)) {
          const key = registry.keysOf(e).find((k) => coversAll(k, v.tokens)) ?? '';
          const coverage = key ? Math.min(1, query.length / key.length) : 0;
          const q = applyHint(v.hint, e, 0.5 + 0.3 * coverage);
          offer(
            e,
            finalScore(q * v.weight * reading.weight * stateFactor(e, reading.state, contextState), e),
          );
        }
      }
    }
  }
  return toCandidates(best, limit);
}

function coversAll(key: string, tokens: readonly string[]): boolean {
  const words = key.split(' ');
  return tokens.every((t, i) =>
    i === tokens.length - 1 ? words.some((w) => w.startsWith(t)) : words.includes(t),
  );
}

function toCandidates(best: Map<RegistryEntry, number>, limit: number): ResolvedJurisdiction[] {
  return [...best.entries()]
    .sort(([a, sa], [b, sb]) => sb - sa || weightOf(b) - weightOf(a) || (a.id < b.id ? -1 : 1))
    .slice(0, limit)
    .map(([e, score]) => ({ id: e.id, name: e.name, kind: e.kind, score: Math.round(score * 1000) / 1000 }));
}
