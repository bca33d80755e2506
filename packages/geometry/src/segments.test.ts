import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Polygon, type Position, polygonSelfIntersection, ringSelfIntersections } from './index.ts';

const closed = (points: Position[]): Position[] => [...points, points[0]!];
const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });

// An independent O(n²) oracle on integer coordinates (where the arithmetic is exact): two edges
// meet when they share a point; consecutive edges only when they overlap beyond their shared corner.
function cross(o: Position, a: Position, b: Position): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}
function between(a: number, b: number, x: number): boolean {
  return Math.min(a, b) <= x && x <= Math.max(a, b);
}
function sharesPoint(p: Position, q: Position, r: Position, s: Position): boolean {
  const o = [cross(r, s, p), cross(r, s, q), cross(p, q, r), cross(p, q, s)].map(Math.sign);
  if (o[0]! * o[1]! < 0 && o[2]! * o[3]! < 0) return true;
  const on = (a: Position, b: Position, x: Position) =>
    cross(a, b, x) === 0 && between(a[0], b[0], x[0]) && between(a[1], b[1], x[1]);
  return on(r, s, p) || on(r, s, q) || on(p, q, r) || on(p, q, s);
}
function bruteForce(ring: Position[]): Array<[number, number]> {
  const edges = ring.length - 1;
  const out: Array<[number, number]> = [];
  for (let j = 0; j < edges; j++) {
    for (let i = 0; i < j; i++) {
      const [a, b, c, d] = [ring[i]!, ring[i + 1]!, ring[j]!, ring[j + 1]!];
      let meet: boolean;
      if (j === i + 1 || (i === 0 && j === edges - 1 && edges > 2)) {
        // Shared corner v, the other ends x and y: a fault only when x and y lie on one ray from v.
        const [x, v, y] = j === i + 1 ? [a, b, d] : [c, a, b];
        meet = cross(v, x, y) === 0 && (x[0] - v[0]) * (y[0] - v[0]) + (x[1] - v[1]) * (y[1] - v[1]) > 0;
      } else {
        meet = sharesPoint(a, b, c, d);
      }
      if (meet) out.push([i, j]);
    }
  }
  return out;
}

const gridPoint = fc.tuple(fc.integer({ min: -12, max: 12 }), fc.integer({ min: -12, max: 12 }));
const randomOrder = fc.array(gridPoint, { minLength: 3, maxLength: 14 }).map((points) => closed(points));
const integerStar = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 359 }), fc.integer({ min: 1, max: 12 })), {
    minLength: 3,
    maxLength: 16,
  })
  .map((spokes) => {
    const sorted = [...new Map(spokes.map(([angle, r]) => [angle, r])).entries()].sort((a, b) => a[0] - b[0]);
    return closed(
      sorted.map(([angle, r]): Position => {
        const t = (angle * Math.PI) / 180;
        return [Math.round(r * 10 * Math.cos(t)), Math.round(r * 10 * Math.sin(t))];
      }),
    );
  });

function circle(n: number, radius = 0.01, at: Position = [18.42, -33.92]): Position[] {
  const points: Position[] = [];
  for (let k = 0; k < n; k++) {
    const t = (2 * Math.PI * k) / n;
    points.push([at[0] + radius * Math.cos(t), at[1] + radius * Math.sin(t)]);
  }
  return closed(points);
}

describe('ringSelfIntersections', () => {
  it('agrees with a brute-force check of every pair on random rings and star rings', () => {
    fc.assert(
      fc.property(fc.oneof(randomOrder, integerStar), (ring) => {
        expect(ringSelfIntersections(ring)).toEqual(bruteForce(ring));
      }),
      { numRuns: 600 },
    );
  });

  it('finds nothing in star polygons with distinct angles (they are simple)', () => {
    // Corners at 0°, 120° and 240° keep every gap below 180°, so the centre sees the whole ring.
    const star = fc
      .uniqueArray(fc.integer({ min: 0, max: 719 }), { maxLength: 40 })
      .map((angles) => [...new Set([0, 240, 480, ...angles])])
      .chain((angles) =>
        fc.tuple(
          fc.constant([...angles].sort((a, b) => a - b)),
          fc.array(fc.double({ min: 0.001, max: 0.02, noNaN: true }), {
            minLength: angles.length,
            maxLength: angles.length,
          }),
        ),
      );
    fc.assert(
      fc.property(star, ([angles, radii]) => {
        const ring = closed(
          angles.map((a, k): Position => {
            const t = (a * Math.PI) / 360;
            return [18.4 + radii[k]! * Math.cos(t), -33.9 + radii[k]! * Math.sin(t)];
          }),
        );
        expect(ringSelfIntersections(ring)).toEqual([]);
      }),
    );
  });

  it('finds the crossing of a bow tie and ignores corners shared by consecutive edges', () => {
    expect(
      ringSelfIntersections(
        closed([
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ]),
      ),
    ).toEqual([]);
    expect(
      ringSelfIntersections(
        closed([
          [0, 0],
          [1, 1],
          [1, 0],
          [0, 1],
        ]),
      ),
    ).toEqual([[0, 2]]);
  });

  it('checks a 20,000-vertex circle, and finds the one fault of two swapped vertices', () => {
    const ring = circle(20_000);
    expect(polygonSelfIntersection(polygon(ring))).toBeNull();
    const broken = ring.map((p) => [...p] as Position);
    [broken[5000], broken[5001]] = [broken[5001]!, broken[5000]!];
    const found = ringSelfIntersections(broken);
    expect(found.length).toBeGreaterThan(0);
    for (const [i, j] of found) {
      expect(i).toBeGreaterThanOrEqual(4999);
      expect(j).toBeLessThanOrEqual(5001);
    }
  });
});

describe('polygonSelfIntersection', () => {
  const outer = closed([
    [0, 0],
    [10, 0],
    [10, 10],
    [0, 10],
  ]);
  it('accepts a hole inside and refuses a hole crossing the exterior', () => {
    expect(
      polygonSelfIntersection(
        polygon(
          outer,
          closed([
            [2, 2],
            [2, 4],
            [4, 4],
            [4, 2],
          ]),
        ),
      ),
    ).toBeNull();
    expect(
      polygonSelfIntersection(
        polygon(
          outer,
          closed([
            [8, 2],
            [8, 4],
            [12, 4],
            [12, 2],
          ]),
        ),
      ),
    ).toEqual({
      ring: 0,
      segment: 1,
      otherRing: 1,
      otherSegment: 1,
    });
  });
});
