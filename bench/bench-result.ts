// One benchmark figure, printed as one JSON object per line by `npm run bench -- --json`.
export type BenchResult = {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The same work done a reference way, measured in the same run (null when there is none). */
  readonly baseline: number | null;
  /** value / baseline. */
  readonly ratio: number | null;
  readonly note?: string;
};
