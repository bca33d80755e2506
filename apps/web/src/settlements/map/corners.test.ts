import type { Boundary, Point } from '@coproduce/contract';
import { describe, expect, it } from 'vitest';
import { cornersOf, insertCorner, moveCorner, removeCorner } from './corners.ts';

const p = (lon: number, lat: number): Point => ({ lat, lon });
const square = [p(18.6, -33.93), p(18.61, -33.93), p(18.61, -33.94), p(18.6, -33.94)];
const ring = (corners: Point[]): Boundary => ({
  type: 'Polygon',
  coordinates: [[...corners, corners[0] as Point].map((c) => [c.lon, c.lat])],
});

describe('editing a shape by its corners', () => {
  it('reads the corners of a saved ring without its closing repeat, longitude first', () => {
    expect(cornersOf(ring(square))).toEqual(square);
    expect(cornersOf({ type: 'MultiPolygon', coordinates: [ring(square).coordinates] })).toEqual(square);
    expect(cornersOf(null)).toEqual([]);
  });

  it('puts a new corner into the side nearest to it, not at the end', () => {
    // Just outside the middle of the right-hand side (between corners 2 and 3).
    const added = insertCorner(square, p(18.612, -33.935));
    expect(added).toHaveLength(5);
    expect(added.indexOf(added.find((c) => c.lon === 18.612) as Point)).toBe(2);
    // Just below the bottom side (between corners 3 and 4).
    const below = insertCorner(square, p(18.605, -33.941));
    expect(below[3]).toEqual(p(18.605, -33.941));
    // Near the closing side (last → first) it goes at the end.
    const left = insertCorner(square, p(18.599, -33.935));
    expect(left.at(-1)).toEqual(p(18.599, -33.935));
  });

  it('adds at the end while the shape has fewer than three corners', () => {
    expect(insertCorner(square.slice(0, 2), p(1, 1)).at(-1)).toEqual(p(1, 1));
  });

  it('moves one corner and leaves the others', () => {
    const moved = moveCorner(square, 1, p(18.62, -33.92));
    expect(moved[1]).toEqual(p(18.62, -33.92));
    expect(moved.filter((_, i) => i !== 1)).toEqual(square.filter((_, i) => i !== 1));
  });

  it('removes a corner but never below three', () => {
    expect(removeCorner(square, 0)).toEqual(square.slice(1));
    expect(removeCorner(square.slice(0, 3), 0)).toEqual(square.slice(0, 3));
  });
});
