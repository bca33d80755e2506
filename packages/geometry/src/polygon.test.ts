import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  areaSquareMetres,
  bbox,
  centroid,
  type Polygon,
  type Position,
  pointInPolygon,
  ringSelfIntersections,
} from './index.ts';

const closed = (points: Position[]): Position[] => [...points, points[0]!];
const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const cross = (o: Position, a: Position, b: Position) =>
  (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const gridPoint = fc.tuple(fc.integer({ min: -12, max: 12 }), fc.integer({ min: -12, max: 12 }));

describe('areaSquareMetres', () => {
  const metresPerDegree = (6378137 * Math.PI) / 180;
  const square = (lon: number, lat: number, side: number): Position[] => {
    const dLat = side / metresPerDegree;
    const dLon = side / (metresPerDegree * Math.cos((lat * Math.PI) / 180));
    return closed([
      [lon, lat],
      [lon + dLon, lat],
      [lon + dLon, lat + dLat],
      [lon, lat + dLat],
    ]);
  };

  it('measures a 100 m square near Cape Town within 0.5 %, whatever its winding', () => {
    const ring = square(18.42, -33.92, 100);
    expect(areaSquareMetres(polygon(ring))).toBeGreaterThan(10_000 * 0.995);
    expect(areaSquareMetres(polygon(ring))).toBeLessThan(10_000 * 1.005);
    expect(areaSquareMetres(polygon([...ring].reverse()))).toBeCloseTo(areaSquareMetres(polygon(ring)), 6);
  });

  it('subtracts holes and adds the polygons of a MultiPolygon', () => {
    const outer = square(18.42, -33.92, 100);
    const hole = square(18.4202, -33.9198, 50).reverse();
    const withHole = areaSquareMetres(polygon(outer, hole));
    expect(withHole / 7_500).toBeGreaterThan(0.995);
    expect(withHole / 7_500).toBeLessThan(1.005);
    const both = areaSquareMetres({
      type: 'MultiPolygon',
      coordinates: [[outer], [square(18.5, -33.9, 100)]],
    });
    expect(both / 20_000).toBeGreaterThan(0.995);
    expect(both / 20_000).toBeLessThan(1.005);
  });
});

describe('pointInPolygon', () => {
  // Convex polygons from sorted angles on a circle; inside means left of (or on) every edge.
  const convex = fc
    .uniqueArray(fc.integer({ min: 0, max: 35 }), { minLength: 3, maxLength: 12 })
    .map((steps) =>
      closed(
        [...steps]
          .sort((a, b) => a - b)
          .map((s): Position => [Math.round(20 * Math.cos(s / 5.73)), Math.round(20 * Math.sin(s / 5.73))]),
      ),
    )
    .filter((ring) => new Set(ring.slice(0, -1).map(String)).size === ring.length - 1);
  const halfPlanes = (ring: Position[], p: Position) =>
    ring.slice(0, -1).every((a, k) => cross(a, ring[k + 1]!, p) >= 0);

  it('agrees with the half-plane test on random convex polygons, boundary included', () => {
    fc.assert(
      fc.property(
        convex,
        gridPoint.map(([x, y]): Position => [x * 2, y * 2]),
        (ring, p) => {
          // Rounding to the grid can bend a corner inwards: keep strictly convex rings only.
          const n = ring.length - 1;
          const turns = ring.slice(0, n).map((a, k) => cross(a, ring[(k + 1) % n]!, ring[(k + 2) % n]!));
          fc.pre(turns.every((turn) => turn > 0) && ringSelfIntersections(ring).length === 0);
          expect(pointInPolygon(p, polygon(ring))).toBe(halfPlanes(ring, p));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('leaves holes out but counts their boundary in, and looks in every polygon of a MultiPolygon', () => {
    const outer = closed([
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ]);
    const hole = closed([
      [2, 2],
      [2, 4],
      [4, 4],
      [4, 2],
    ]);
    expect(pointInPolygon([3, 3], polygon(outer, hole))).toBe(false);
    expect(pointInPolygon([2, 3], polygon(outer, hole))).toBe(true);
    expect(pointInPolygon({ type: 'Point', coordinates: [5, 5] }, polygon(outer, hole))).toBe(true);
    expect(pointInPolygon([10, 5], polygon(outer))).toBe(true);
    expect(pointInPolygon([10.1, 5], polygon(outer))).toBe(false);
    const far = closed([
      [20, 20],
      [21, 20],
      [21, 21],
    ]);
    expect(pointInPolygon([20.9, 20.5], { type: 'MultiPolygon', coordinates: [[outer], [far]] })).toBe(true);
  });
});

describe('bbox and centroid', () => {
  it('gives the extent of every kind of geometry', () => {
    expect(bbox({ type: 'Point', coordinates: [18.4, -33.9] })).toEqual([18.4, -33.9, 18.4, -33.9]);
    expect(
      bbox(
        polygon(
          closed([
            [1, 2],
            [3, 1],
            [2, 5],
          ]),
        ),
      ),
    ).toEqual([1, 1, 3, 5]);
    expect(
      bbox({
        type: 'MultiPolygon',
        coordinates: [
          [
            closed([
              [1, 2],
              [3, 1],
              [2, 5],
            ]),
          ],
          [
            closed([
              [-1, 0],
              [0, 0],
              [0, 9],
            ]),
          ],
        ],
      }),
    ).toEqual([-1, 0, 3, 9]);
  });

  it('weighs by area: an L shape, a square with a hole, and either winding', () => {
    const l = closed([
      [0, 0],
      [2, 0],
      [2, 1],
      [1, 1],
      [1, 2],
      [0, 2],
    ]);
    const [x, y] = centroid(polygon(l));
    expect(x).toBeCloseTo(5 / 6, 12);
    expect(y).toBeCloseTo(5 / 6, 12);
    expect(centroid(polygon([...l].reverse()))[0]).toBeCloseTo(5 / 6, 12);
    const outer = closed([
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
    ]);
    const hole = closed([
      [2, 2],
      [4, 2],
      [4, 4],
      [2, 4],
    ]);
    const [hx, hy] = centroid(polygon(outer, hole));
    expect(hx).toBeCloseTo((16 * 2 - 4 * 3) / 12, 12);
    expect(hy).toBeCloseTo((16 * 2 - 4 * 3) / 12, 12);
  });
});
