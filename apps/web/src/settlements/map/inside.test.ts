import type { Section } from '@coproduce/contract';
import { describe, expect, it } from 'vitest';
import { contains, sectionAt } from './inside.ts';

const square = (x: number, y: number, size: number) => [
  [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ],
];

describe('point in section', () => {
  it('finds the section a point lies in, and none outside them', () => {
    const sections = [
      { id: 'a', code: 'A', boundary: { type: 'Polygon', coordinates: square(18.6, -33.93, 0.001) } },
      { id: 'b', code: 'B', boundary: { type: 'Polygon', coordinates: square(18.601, -33.93, 0.001) } },
    ] as unknown as Section[];
    expect(sectionAt(sections, { lon: 18.6005, lat: -33.9295 })?.code).toBe('A');
    expect(sectionAt(sections, { lon: 18.6015, lat: -33.9295 })?.code).toBe('B');
    expect(sectionAt(sections, { lon: 18.7, lat: -33.9295 })).toBeNull();
  });

  it('leaves out the holes of a polygon', () => {
    const outer = square(0, 0, 10)[0];
    const hole = square(4, 4, 2)[0];
    const boundary = { type: 'Polygon' as const, coordinates: [outer, hole] };
    expect(contains(boundary, { lon: 1, lat: 1 })).toBe(true);
    expect(contains(boundary, { lon: 5, lat: 5 })).toBe(false);
    expect(contains({ type: 'MultiPolygon', coordinates: [[outer]] }, { lon: 1, lat: 1 })).toBe(true);
  });
});
