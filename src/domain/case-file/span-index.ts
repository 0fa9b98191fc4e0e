// Finds the items lying in a range of the text by binary search, so no step rescans every item for every sentence.

type Ranged = { readonly start: number; readonly end: number };

/** Items sorted by start; lookups cost O(log n + k). */
export class SpanIndex<T extends Ranged> {
  readonly items: readonly T[];
  readonly #starts: Int32Array;
  // The largest end among items[0..i], to find items that start before a position and reach past it.
  readonly #maxEnd: Int32Array;

  constructor(items: readonly T[]) {
    this.items = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
    this.#starts = Int32Array.from(this.items, (x) => x.start);
    this.#maxEnd = new Int32Array(this.items.length);
    let max = -1;
    this.items.forEach((x, i) => {
      max = Math.max(max, x.end);
      this.#maxEnd[i] = max;
    });
  }

  /** Index of the first item starting at or after `pos`. */
  #lowerBound(pos: number): number {
    let [lo, hi] = [0, this.#starts.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#starts[mid] as number) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Items lying wholly inside [start, end). */
  within(start: number, end: number): T[] {
    const out: T[] = [];
    for (let i = this.#lowerBound(start); i < this.items.length; i++) {
      const x = this.items[i] as T;
      if (x.start >= end) break;
      if (x.end <= end) out.push(x);
    }
    return out;
  }

  /** Items overlapping [start, end), in start order. */
  overlapping(start: number, end: number): T[] {
    const out: T[] = [];
    for (let i = this.#lowerBound(end) - 1; i >= 0 && (this.#maxEnd[i] as number) > start; i--) {
      const x = this.items[i] as T;
      if (x.end > start) out.push(x);
    }
    return out.reverse();
  }

  /** Whether some item holds `pos` (start <= pos < end). */
  holds(pos: number): boolean {
    return this.at(pos) !== undefined;
  }

  /** An item holding `pos`, the latest-starting one if several do. */
  at(pos: number): T | undefined {
    const i = this.indexAt(pos);
    return i < 0 ? undefined : this.items[i];
  }

  /** The index in `items` of the latest-starting item holding `pos`, or -1. */
  indexAt(pos: number): number {
    for (let i = this.#lowerBound(pos + 1) - 1; i >= 0 && (this.#maxEnd[i] as number) > pos; i--) {
      const x = this.items[i] as T;
      if (x.start <= pos && pos < x.end) return i;
    }
    return -1;
  }
}
