// Read models are pure functions of (store revision, question): each answer is computed once per revision and reused.
//
// Every write to the store bumps its revision inside the writing transaction (db/stores/revision.ts), so an answer
// cached under revision N is exactly what a fresh computation would give while the store is still at N.

export type RevisionMemo<T> = {
  /** The answer for `key` at the current revision, computed by `compute` only on a miss. */
  get(key: string, compute: () => Promise<T>): Promise<T>;
};

/**
 * A bounded memo (least recently used out first) that empties itself whenever `revision()` changes. Concurrent
 * misses for the same key share one computation.
 */
export function createRevisionMemo<T>(revision: () => Promise<number>, size = 256): RevisionMemo<T> {
  let at: number | undefined;
  const entries = new Map<string, Promise<T>>();
  return {
    async get(key, compute) {
      const now = await revision();
      if (now !== at) {
        entries.clear();
        at = now;
      }
      let hit = entries.get(key);
      if (hit) {
        // Refresh its place so the most used answers stay.
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      hit = compute();
      entries.set(key, hit);
      if (entries.size > size) entries.delete(entries.keys().next().value as string);
      // A failed computation is not remembered: the next request tries again.
      hit.catch(() => {
        if (entries.get(key) === hit) entries.delete(key);
      });
      return hit;
    },
  };
}
