// Structure and household counts on a public map: never points, but H3 cells holding at least k.
// Counts start at resolution 9 or 10; a cell with fewer than k is replaced by its parent together
// with all its siblings (so a parent and its own children never appear on one map), up to a
// coarsest resolution; a cell still below k there is hidden. The layer is then protected and
// audited jointly with the settlement total it sits beside, since total − shown cells would
// otherwise give away a lone hidden cell.
import { cellToBoundary, cellToParent, getResolution, latLngToCell } from 'h3-js';
import { type InputProblem, PublicationInputError } from './input.ts';
import type { ProblemCell, SuppressionProblem } from './problem.ts';
import { protect } from './protect.ts';

export type CountedPoint = { lat: number; lng: number; count: number };

export type HexLayerOptions = {
  /** What is counted: the only subjects a hex layer may show (person attributes go by section). */
  subject: 'structure' | 'household';
  /** Resolution the points are binned at (9: ~0.1 km², 10: ~0.015 km²). */
  resolution: 9 | 10;
  /** Coarsest resolution to climb to; default 7 (~5 km²). */
  coarsest?: number;
  /** Minimum count per shown cell; default 10. */
  k?: number;
  /**
   * The settlement total published beside the map, when it includes what has no location
   * (households without GPS). Defaults to the sum of the points.
   */
  total?: number;
  maxRepairRounds?: number;
};

export type HexCell = {
  h3: string;
  resolution: number;
  /** null when hidden. */
  count: number | null;
  /** GeoJSON ring, [lng, lat] pairs. */
  boundary: [number, number][];
};

export type HexLayer = {
  /** False when no pattern of hidden cells protects the layer: do not publish it. */
  ok: boolean;
  cells: HexCell[];
  total: number;
  audit: { rounds: number; hidden: number; linearLeaks: number; intervalFailures: number };
};

export function hexLayer(points: CountedPoint[], options: HexLayerOptions): HexLayer {
  const k = options.k ?? 10;
  const coarsest = options.coarsest ?? 7;
  checkPoints(points, options, coarsest);
  const binned = new Map<string, number>();
  for (const point of points) {
    if (point.count === 0) continue;
    const cell = latLngToCell(point.lat, point.lng, options.resolution);
    binned.set(cell, (binned.get(cell) ?? 0) + point.count);
  }
  const shown = coarsen(binned, options.resolution, coarsest, k);
  const located = [...shown.values()].reduce((sum, count) => sum + count, 0);
  const total = options.total ?? located;
  if (total < located)
    throw new PublicationInputError([
      {
        code: 'map.total_too_small',
        path: ['total'],
        message: 'the total is smaller than the points it includes',
      },
    ]);

  // Inner cells: one per shown hex, and one for what has no location (if any).
  const ids = [...shown.keys()].sort();
  const values = ids.map((id) => shown.get(id)!);
  if (total > located) values.push(total - located);
  const hexCells: ProblemCell[] = ids.map((id, index) => {
    const value = shown.get(id)!;
    return {
      key: `hex:${id}`,
      support: Int32Array.of(index),
      value,
      primary: value > 0 && value < k,
      sensitive: false,
      lower: 1,
      upper: k - 1,
      partitions: [],
    };
  });
  const totalCell: ProblemCell = {
    key: 'total',
    support: Int32Array.from(values, (_, index) => index),
    value: total,
    primary: false,
    sensitive: false,
    lower: 1,
    upper: k - 1,
    partitions: total > located ? [] : [hexCells.map((_, index) => index)],
  };
  const problem: SuppressionProblem = {
    innerCount: values.length,
    innerValues: Int32Array.from(values),
    cells: [...hexCells, totalCell],
  };
  const result = protect(problem, {
    maxRounds: options.maxRepairRounds ?? 25,
    mustPublish: new Set([hexCells.length]),
  });
  return {
    ok: result.ok,
    total,
    cells: ids.map((id, index) => ({
      h3: id,
      resolution: getResolution(id),
      count: result.status[index] === 'published' ? shown.get(id)! : null,
      boundary: cellToBoundary(id, true) as [number, number][],
    })),
    audit: {
      rounds: result.rounds,
      hidden: result.status.filter((status) => status !== 'published').length,
      linearLeaks: result.linear.leaks.length,
      intervalFailures: result.interval.failures.length,
    },
  };
}

/**
 * Climbs one resolution at a time: every parent with a child below k absorbs all of its shown
 * descendants. Membership follows `cellToParent` of each point's cell, so the points stay a strict
 * partition even where children do not exactly tile their parent's hexagon.
 */
function coarsen(
  binned: Map<string, number>,
  finest: number,
  coarsest: number,
  k: number,
): Map<string, number> {
  const shown = new Map(binned);
  for (let level = finest; level > coarsest; level--) {
    const absorbing = new Set<string>();
    for (const [cell, count] of shown)
      if (getResolution(cell) === level && count < k) absorbing.add(cellToParent(cell, level - 1));
    if (absorbing.size === 0) continue;
    for (const [cell, count] of [...shown]) {
      const parent = cellToParent(cell, level - 1);
      if (!absorbing.has(parent)) continue;
      shown.delete(cell);
      shown.set(parent, (shown.get(parent) ?? 0) + count);
    }
  }
  return shown;
}

function checkPoints(points: CountedPoint[], options: HexLayerOptions, coarsest: number): void {
  const problems: InputProblem[] = [];
  const subject = options.subject as string;
  if (subject !== 'structure' && subject !== 'household')
    problems.push({
      code: 'map.subject_not_allowed',
      path: ['subject'],
      message: `${subject} counts are not shown as hexagons; person attributes are shown by section only`,
    });
  if (!(Number.isInteger(coarsest) && coarsest >= 0 && coarsest < options.resolution))
    problems.push({
      code: 'map.bad_resolution',
      path: ['coarsest'],
      message: 'coarsest must be below the resolution',
    });
  points.forEach((point, index) => {
    if (!(Math.abs(point.lat) <= 90 && Math.abs(point.lng) <= 180))
      problems.push({
        code: 'map.bad_location',
        path: ['points', index],
        message: 'latitude or longitude out of range',
      });
    if (!(Number.isInteger(point.count) && point.count >= 0))
      problems.push({
        code: 'map.bad_count',
        path: ['points', index, 'count'],
        message: 'a count must be a whole number ≥ 0',
      });
  });
  if (problems.length > 0) throw new PublicationInputError(problems);
}
