import type { Section } from '@coproduce/contract';
import { describe, expect, it } from 'vitest';
import { sectionAt } from './inside.ts';

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
});
