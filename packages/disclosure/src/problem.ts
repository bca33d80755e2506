// The engine's view of a publication: every published cell is a 0/1 sum of inner cells (the
// finest counts, e.g. section × sex × age × disability), so all tables, margins and levels form one
// model matrix. Table publications (model.ts) and hex layers (hex-layer.ts) both build one of these.

/** One published cell of the model matrix. */
export type ProblemCell = {
  /** Stable name, e.g. `persons|section:s1|sex=f|age=_total`; also the last tie-break in every order. */
  key: string;
  /** Indices of the inner cells it sums, sorted ascending, never empty. */
  support: Int32Array;
  /** The true count. Never leaves the engine for a hidden cell. */
  value: number;
  /** Unsafe by the threshold rule: 0 < n < T, or a protected zero. */
  primary: boolean;
  /** Counts a sensitive attribute: its zeros are not published first (they may be protected). */
  sensitive: boolean;
  /**
   * What a primary's label could tell an attacker, lower ≤ value ≤ upper: 1 ≤ n ≤ T − 1 where
   * zeros are shown, 0 ≤ n ≤ T − 1 where zeros are protected. Ignored for other cells.
   */
  lower: number;
  upper: number;
  /**
   * Ways to split this cell into other cells of the problem whose supports partition its support
   * (a settlement cell into its sections, a margin into the categories of one dimension). Optional:
   * the audits only use them to make their equations sparser.
   */
  partitions: number[][];
};

export type SuppressionProblem = {
  /** Number of inner cells; supports index 0 … innerCount − 1. */
  innerCount: number;
  /** The true inner counts (non-negative integers). */
  innerValues: Int32Array;
  cells: ProblemCell[];
};

export type CellStatus = 'published' | 'primary' | 'secondary';

/** Sorted, de-duplicated support from any list of inner indices. */
export function supportOf(indices: Iterable<number>): Int32Array {
  return Int32Array.from(new Set(indices)).sort();
}

/** A problem whose inner values and cell values disagree, or whose supports are out of range, is a bug. */
export function checkProblem(problem: SuppressionProblem): void {
  const { innerCount, innerValues, cells } = problem;
  if (innerValues.length !== innerCount) throw new Error('innerValues must have innerCount entries');
  for (const value of innerValues)
    if (!(Number.isInteger(value) && value >= 0)) throw new Error('inner counts must be integers ≥ 0');
  for (const cell of cells) {
    if (cell.support.length === 0) throw new Error(`cell ${cell.key} has an empty support`);
    let sum = 0;
    let previous = -1;
    for (const index of cell.support) {
      if (index <= previous || index >= innerCount) throw new Error(`cell ${cell.key}: bad support`);
      previous = index;
      sum += innerValues[index]!;
    }
    if (sum !== cell.value) throw new Error(`cell ${cell.key}: value ${cell.value} ≠ sum of inner ${sum}`);
  }
}
