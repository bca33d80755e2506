// Secondary suppression by Gaussian elimination (Langsrud's method, as in R's GaussSuppression):
// candidates are visited from the most to the least useful to publish; a candidate is published
// unless publishing it would make a protected cell a linear combination of published cells, in
// which case it is hidden and protected in turn. One elimination over the whole model matrix
// covers every table, margin and level at once.
import { EchelonBasis, TrackedResidue } from './modular.ts';
import type { CellStatus, ProblemCell, SuppressionProblem } from './problem.ts';

/**
 * The order in which candidates are offered for publication: zeros of non-sensitive cells first
 * (a published zero is no partner for a primary; used as partners they let interval bounds pin
 * primaries), then larger values, then larger supports, then the key.
 */
export function candidateOrder(a: ProblemCell, b: ProblemCell): number {
  const zeroA = a.value === 0 && !a.sensitive ? 0 : 1;
  const zeroB = b.value === 0 && !b.sensitive ? 0 : 1;
  if (zeroA !== zeroB) return zeroA - zeroB;
  if (a.value !== b.value) return b.value - a.value;
  if (a.support.length !== b.support.length) return b.support.length - a.support.length;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Status of every cell: primaries stay primary, `alsoHide` cells (repairs, or a previous run's
 * secondaries) are hidden from the start, `mustPublish` cells (published elsewhere already, like a
 * settlement total beside a map) are offered first and always published, and every other cell is
 * published or hidden as a secondary. A deterministic function of its arguments.
 */
export function suppressSecondary(
  problem: SuppressionProblem,
  alsoHide: ReadonlySet<number>,
  mustPublish: ReadonlySet<number> = new Set(),
): CellStatus[] {
  const { cells, innerCount } = problem;
  const status: CellStatus[] = cells.map((cell) => (cell.primary ? 'primary' : 'published'));
  const basis = new EchelonBasis(innerCount);
  const tracked: TrackedResidue[] = [];
  const protect = (index: number) => {
    tracked.push(new TrackedResidue(innerCount, basis.reduceSupport(cells[index]!.support)));
  };
  for (let index = 0; index < cells.length; index++) if (cells[index]!.primary) protect(index);
  for (const index of [...alsoHide].sort((a, b) => a - b)) {
    if (cells[index]!.primary) continue;
    status[index] = 'secondary';
    protect(index);
  }
  if (tracked.length === 0) return status;

  const candidates = cells
    .map((_, index) => index)
    .filter((index) => status[index] === 'published')
    .sort(
      (a, b) =>
        Number(mustPublish.has(b)) - Number(mustPublish.has(a)) || candidateOrder(cells[a]!, cells[b]!),
    );
  for (const index of candidates) {
    const residue = basis.reduceSupport(cells[index]!.support);
    if (residue.cols.length === 0) continue; // already implied by what is published
    if (!mustPublish.has(index) && tracked.some((cell) => cell.parallelTo(residue))) {
      status[index] = 'secondary';
      tracked.push(new TrackedResidue(innerCount, residue));
      continue;
    }
    const row = basis.add(residue);
    for (const cell of tracked) cell.eliminate(row);
  }
  return status;
}
