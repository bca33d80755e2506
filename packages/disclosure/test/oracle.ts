// Brute-force oracle for tiny problems: every non-negative whole-number completion of the inner
// cells that reproduces the published cells and keeps each primary within the range its label
// would tell, and the set of values each hidden cell takes over them. A depth-first enumeration;
// an equation with one inner cell left decides that cell, which keeps the search small.
import type { CellStatus, SuppressionProblem } from '../src/index.ts';

type Constraint = { support: Int32Array; low: number; high: number };

const LIMIT = 5_000_000;

export function feasibleValues(problem: SuppressionProblem, status: CellStatus[]): Map<number, Set<number>> {
  const { innerCount, cells } = problem;
  if (innerCount > 9) throw new Error('the oracle is for tiny problems');
  const constraints: Constraint[] = [];
  cells.forEach((cell, index) => {
    if (status[index] === 'published')
      constraints.push({ support: cell.support, low: cell.value, high: cell.value });
    else if (status[index] === 'primary')
      constraints.push({ support: cell.support, low: cell.lower, high: cell.upper });
  });
  // An inner cell under no constraint is capped; that can only shrink the value sets, so
  // "at least two values" found here holds without the cap too.
  const largest = Math.max(4, ...cells.map((cell) => cell.value)) + 2;
  const cap = Array.from({ length: innerCount }, (_, inner) =>
    Math.min(largest, ...constraints.filter((c) => c.support.includes(inner)).map((c) => c.high)),
  );
  const y = new Array<number>(innerCount).fill(-1);
  const hidden = cells.map((_, index) => index).filter((index) => status[index] !== 'published');
  const values = new Map(hidden.map((index) => [index, new Set<number>()]));
  let leaves = 0;

  // Checks every constraint; returns a forced [inner, value] or true (consistent) or false.
  const check = (): [number, number] | boolean => {
    for (const { support, low, high } of constraints) {
      let sum = 0;
      let room = 0;
      let open = -1;
      let opens = 0;
      for (const inner of support) {
        if (y[inner]! >= 0) sum += y[inner]!;
        else {
          room += cap[inner]!;
          open = inner;
          opens++;
        }
      }
      if (sum > high || sum + room < low) return false;
      if (opens === 1 && low === high) return [open, low - sum];
    }
    return true;
  };
  const visit = (): void => {
    const forced: number[] = [];
    for (;;) {
      const verdict = check();
      if (verdict === false) break;
      if (verdict !== true) {
        const [inner, value] = verdict;
        if (value < 0 || value > cap[inner]!) break;
        y[inner] = value;
        forced.push(inner);
        continue;
      }
      const next = y.indexOf(-1);
      if (next < 0) {
        if (++leaves > LIMIT) throw new Error('tiny table too large for the oracle');
        for (const index of hidden)
          values.get(index)!.add(cells[index]!.support.reduce((sum, inner) => sum + y[inner]!, 0));
      } else {
        for (let v = 0; v <= cap[next]!; v++) {
          y[next] = v;
          visit();
        }
        y[next] = -1;
      }
      break;
    }
    for (const inner of forced) y[inner] = -1;
  };
  visit();
  return values;
}
