// Interval audit: for every hidden cell, the least and greatest value it can take over all
// non-negative inner counts that reproduce every published cell, where the attacker is also told
// the range of every primary (1…T−1, or 0…T−1 where zeros are protected) as if each were labelled
// "<5". The display shows one symbol for every hidden cell, so a real attacker knows less; the audit
// is on the safe side. A hidden cell is safe when its interval holds at least two whole numbers.
//
// Tolerance: the LP runs in floating point. Every coefficient is 0 or ±1 and every right-hand
// side a whole number, so optimal values are ratios of small integer determinants; the bounds are
// compared with whole numbers at a distance of 1e-6 (ceil(low − 1e-6), floor(high + 1e-6)), far
// above the rounding error of the tableau (checked after each solve against the original rows, with
// a cold restart when it drifts), and far below the gap 1/q to the next whole number for any
// denominator q < 10⁶. The brute-force oracle in the tests checks the verdicts on small tables.
import { type LinearRow, Presolve } from './interval-presolve.ts';
import { answerQuestions, type SolveStats } from './interval-programs.ts';
import type { CellStatus, SuppressionProblem } from './problem.ts';

/**
 * The attacker's range of a hidden cell. `exact` false: the audit stopped once the range was shown
 * to hold two whole numbers, so the true range is at least [low, high].
 */
export type CellInterval = { cell: number; low: number; high: number; exact: boolean; safe: boolean };

export type IntervalAudit = {
  intervals: CellInterval[];
  failures: number[];
  /** Linear programs solved and simplex pivots taken: the audit's cost. */
  programs: number;
  pivots: number;
};

const EPSILON = 1e-6;

type Cover = { free: number[]; known: number };

export function auditIntervals(
  problem: SuppressionProblem,
  status: CellStatus[],
  options: { exact?: boolean } = {},
): IntervalAudit {
  const { cells } = problem;
  const hidden = cells.map((_, index) => index).filter((index) => status[index] !== 'published');
  if (hidden.length === 0) return { intervals: [], failures: [], programs: 0, pivots: 0 };
  const fixed = fixInnerCells(problem, status);

  const covers = new Map<number, Cover>();
  const direct = (index: number): Cover => {
    const free: number[] = [];
    let known = 0;
    for (const inner of cells[index]!.support) {
      const value = fixed[inner]!;
      if (Number.isNaN(value)) free.push(inner);
      else known += value;
    }
    return { free, known };
  };
  // A cell's unknown part: split it along the partition that leaves the fewest unknown inner cells,
  // taking published parts as known and hidden parts recursively.
  const split = (index: number): Cover => {
    let best = direct(index);
    for (const partition of cells[index]!.partitions) {
      const parts = partition.map((member) =>
        status[member] === 'published' ? { free: [], known: cells[member]!.value } : coverOf(member),
      );
      const free = parts.flatMap((part) => part.free);
      if (free.length < best.free.length)
        best = { free, known: parts.reduce((sum, part) => sum + part.known, 0) };
    }
    return best;
  };
  const coverOf = (index: number): Cover => {
    let cover = covers.get(index);
    if (!cover) {
      cover = split(index);
      covers.set(index, cover);
    }
    return cover;
  };

  const rows = new Map<string, LinearRow>();
  const termsOf = (free: number[]) => new Map(free.map((inner) => [inner, 1]));
  cells.forEach((cell, index) => {
    if (status[index] !== 'published') return;
    const { free, known } = split(index);
    if (free.length === 0) return;
    free.sort((a, b) => a - b);
    const rhs = cell.value - known;
    rows.set(free.join(','), { terms: termsOf(free), lower: rhs, upper: rhs });
  });
  let ranges = 0;
  for (const index of hidden) {
    const cell = cells[index]!;
    if (!cell.primary) continue;
    const { free, known } = coverOf(index);
    if (free.length === 0) continue;
    const range = { terms: termsOf(free), lower: Math.max(0, cell.lower - known), upper: cell.upper - known };
    rows.set(`range${ranges++}`, range);
  }
  const presolve = new Presolve(problem.innerCount, [...rows.values()]);
  const questions = hidden.map((index) => {
    const { free, known } = coverOf(index);
    const objective = presolve.express(free.map((inner) => [inner, 1] as [number, number]));
    objective.constant += known;
    return { objective, truth: cells[index]!.value };
  });
  const stats: SolveStats = { programs: 0, pivots: 0 };
  const answers = answerQuestions(
    presolve,
    (inner) => problem.innerValues[inner]!,
    questions,
    options.exact ?? false,
    stats,
  );
  const intervals: CellInterval[] = hidden.map((index, k) => {
    const { low, high, exact } = answers[k]!;
    const safe = Math.floor(high + EPSILON) - Math.ceil(low - EPSILON) >= 1;
    return { cell: index, low: tidy(low), high: tidy(high), exact, safe };
  });
  return {
    intervals,
    failures: intervals.filter((interval) => !interval.safe).map((interval) => interval.cell),
    programs: stats.programs,
    pivots: stats.pivots,
  };
}

/** Whole numbers within the tolerance are printed as whole numbers. */
function tidy(value: number): number {
  if (!Number.isFinite(value)) return value;
  const whole = Math.round(value);
  return Math.abs(value - whole) < EPSILON ? whole : Math.round(value * 1e6) / 1e6;
}

/**
 * Inner cells whose value follows from what is published without any optimisation: every inner
 * cell of a published zero (or of a primary whose range ends at what is already known) is 0, and a
 * published cell with one unknown inner cell left fixes it. NaN marks the cells still unknown.
 */
function fixInnerCells(problem: SuppressionProblem, status: CellStatus[]): Float64Array {
  const fixed = new Float64Array(problem.innerCount).fill(Number.NaN);
  const rules = problem.cells
    .map((cell, index) =>
      status[index] === 'published'
        ? { support: cell.support, total: cell.value, exact: true }
        : cell.primary
          ? { support: cell.support, total: cell.upper, exact: false }
          : undefined,
    )
    .filter((rule) => rule !== undefined);
  for (let changed = true; changed; ) {
    changed = false;
    for (const { support, total, exact } of rules) {
      let rest = total;
      let unknown = 0;
      let last = -1;
      for (const inner of support) {
        const value = fixed[inner]!;
        if (Number.isNaN(value)) {
          unknown++;
          last = inner;
        } else rest -= value;
      }
      if (unknown === 0) continue;
      if (rest < 0) throw new Error('published cells contradict each other');
      if (rest === 0) {
        for (const inner of support) if (Number.isNaN(fixed[inner]!)) fixed[inner] = 0;
        changed = true;
      } else if (exact && unknown === 1) {
        fixed[last] = rest;
        changed = true;
      }
    }
  }
  return fixed;
}
