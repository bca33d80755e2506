// The suppression loop: secondary suppression, then both audits, then repair (hide one more
// published cell next to each cell that failed) and run again, a bounded number of times.
import { RationalSpan } from './exact-span.ts';
import { auditIntervals, type CellInterval } from './interval-audit.ts';
import { type CellStatus, checkProblem, type SuppressionProblem } from './problem.ts';
import { suppressSecondary } from './secondary.ts';

export type LinearAudit = { checked: number; leaks: number[]; rank: number };

export type ProtectionResult = {
  ok: boolean;
  status: CellStatus[];
  /** Cells hidden by repair rounds (and by `alsoHide`), in the order they were added. */
  repairs: number[];
  rounds: number;
  linear: LinearAudit;
  interval: {
    checked: number;
    failures: number[];
    intervals: CellInterval[];
    programs: number;
    pivots: number;
  };
  timings: { suppressionMs: number; auditMs: number };
};

/** Each hidden cell must lie outside the span of the published cells, checked exactly. */
export function auditLinear(problem: SuppressionProblem, status: CellStatus[]): LinearAudit {
  const span = new RationalSpan(problem.innerCount);
  problem.cells.forEach((cell, index) => {
    if (status[index] === 'published') span.add(cell.support);
  });
  const leaks: number[] = [];
  let checked = 0;
  problem.cells.forEach((cell, index) => {
    if (status[index] === 'published') return;
    checked++;
    if (span.contains(cell.support)) leaks.push(index);
  });
  return { checked, leaks, rank: span.rank };
}

export type ProtectOptions = {
  maxRounds: number;
  alsoHide?: Iterable<number>;
  /** Cells published elsewhere already: never hidden here; the audits still count them. */
  mustPublish?: ReadonlySet<number>;
};

export function protect(problem: SuppressionProblem, options: ProtectOptions): ProtectionResult {
  checkProblem(problem);
  const mustPublish = options.mustPublish ?? new Set<number>();
  const forced = new Set([...(options.alsoHide ?? [])].filter((cell) => !mustPublish.has(cell)));
  const repairs = [...forced];
  const siblings = partitionsByMember(problem);
  const timings = { suppressionMs: 0, auditMs: 0 };
  for (let round = 0; ; round++) {
    let started = performance.now();
    const status = suppressSecondary(problem, forced, mustPublish);
    timings.suppressionMs += performance.now() - started;
    started = performance.now();
    const linear = auditLinear(problem, status);
    const interval = auditIntervals(problem, status);
    timings.auditMs += performance.now() - started;
    const failing = [...new Set([...linear.leaks, ...interval.failures])].sort((a, b) => a - b);
    const result = {
      status,
      repairs,
      rounds: round,
      linear,
      interval: { checked: interval.intervals.length, ...interval },
      timings,
    };
    if (failing.length === 0) return { ok: true, ...result };
    const added = failing
      .map((cell) => repairFor(problem, status, siblings, cell, mustPublish))
      .filter((cell) => cell !== undefined && !forced.has(cell));
    if (added.length === 0 || round >= options.maxRounds) return { ok: false, ...result };
    for (const cell of new Set(added)) {
      forced.add(cell!);
      repairs.push(cell!);
    }
  }
}

/** For each cell, the cell splits it is part of, as [parent, partition], finest parent first. */
function partitionsByMember(problem: SuppressionProblem): [number, number[]][][] {
  const byMember: [number, number[]][][] = problem.cells.map(() => []);
  problem.cells.forEach((cell, parent) => {
    for (const partition of cell.partitions)
      for (const member of partition) byMember[member]!.push([parent, partition]);
  });
  const size = (parent: number) => problem.cells[parent]!.support.length;
  for (const list of byMember) list.sort(([a], [b]) => size(a) - size(b) || a - b);
  return byMember;
}

/**
 * The published cell to hide next to a failing one, from the finest split that contains it: a
 * published sibling (non-zero first, then the smallest), or when every sibling is hidden already,
 * the published parent, whose value gives away the hidden parts' sum. Without either, any
 * published cell that overlaps it.
 */
function repairFor(
  problem: SuppressionProblem,
  status: CellStatus[],
  splits: [number, number[]][][],
  failing: number,
  mustPublish: ReadonlySet<number>,
): number | undefined {
  const { cells } = problem;
  const open = (index: number) => status[index] === 'published' && !mustPublish.has(index);
  const better = (a: number, b: number | undefined) => {
    if (b === undefined) return true;
    const [x, y] = [cells[a]!, cells[b]!];
    if ((x.value === 0) !== (y.value === 0)) return x.value !== 0;
    if (x.value !== y.value) return x.value < y.value;
    return x.key < y.key;
  };
  let best: number | undefined;
  for (const [parent, partition] of splits[failing]!) {
    for (const member of partition) if (open(member) && better(member, best)) best = member;
    if (best !== undefined) return best;
    if (open(parent)) return parent;
  }
  const inside = new Set(cells[failing]!.support);
  cells.forEach((cell, index) => {
    if (open(index) && cell.support.some((inner) => inside.has(inner)) && better(index, best)) best = index;
  });
  return best;
}
