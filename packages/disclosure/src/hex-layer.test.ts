import fc from 'fast-check';
import { cellToParent, getResolution, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { seeded } from '../test/synthetic.ts';
import { type CountedPoint, hexLayer } from './hex-layer.ts';
import type { PublicationInputError } from './input.ts';
import { allowedGeometries, checkMapLayer } from './location-rules.ts';

// A settlement near Durban: clusters of structures and a few isolated ones.
function settlement(seed: number, isolated: number): CountedPoint[] {
  const random = seeded(seed);
  const points: CountedPoint[] = [];
  const centres = [
    [-29.85, 31.0],
    [-29.851, 31.004],
    [-29.847, 31.002],
  ];
  for (const [lat, lng] of centres)
    for (let i = 0; i < 60; i++)
      points.push({ lat: lat! + (random() - 0.5) * 0.002, lng: lng! + (random() - 0.5) * 0.002, count: 1 });
  for (let i = 0; i < isolated; i++)
    points.push({ lat: -29.9 - i * 0.05, lng: 31.1 + i * 0.05, count: 1 + (i % 3) });
  return points;
}

const isAncestor = (a: string, b: string) =>
  getResolution(a) < getResolution(b) && cellToParent(b, getResolution(a)) === a;

describe('hexLayer', () => {
  it('shows cells of at least k, never a parent beside its own children, and keeps every count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(9, 10),
        (seed, isolated, resolution) => {
          const points = settlement(seed, isolated);
          const layer = hexLayer(points, { subject: 'household', resolution: resolution as 9 | 10 });
          expect(layer.ok).toBe(true);
          for (const cell of layer.cells)
            if (cell.count !== null) expect(cell.count).toBeGreaterThanOrEqual(10);
          for (const a of layer.cells)
            for (const b of layer.cells) expect(isAncestor(a.h3, b.h3)).toBe(false);
          // Every point falls in exactly one shown cell.
          for (const point of points) {
            const finest = latLngToCell(point.lat, point.lng, resolution);
            const holders = layer.cells.filter((cell) => cell.h3 === finest || isAncestor(cell.h3, finest));
            expect(holders).toHaveLength(1);
          }
          expect(layer.total).toBe(points.reduce((sum, point) => sum + point.count, 0));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('audits the layer with the settlement total: a lone small cell gets a hidden partner', () => {
    const layer = hexLayer(settlement(3, 1), { subject: 'structure', resolution: 9 });
    const hidden = layer.cells.filter((cell) => cell.count === null);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(layer.audit).toMatchObject({ linearLeaks: 0, intervalFailures: 0 });
    const shownSum = layer.cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0);
    // What the total gives away is only the sum of the hidden cells, which the lone one is part of.
    expect(layer.total - shownSum).toBeGreaterThan(9);
  });

  it('needs no partner when the total includes households without a location', () => {
    const points = settlement(3, 1);
    const located = points.reduce((sum, point) => sum + point.count, 0);
    const layer = hexLayer(points, { subject: 'household', resolution: 9, total: located + 7 });
    expect(layer.cells.filter((cell) => cell.count === null)).toHaveLength(1);
    expect(layer.ok).toBe(true);
  });

  it('refuses person attributes, bad coordinates and a total below the points', () => {
    const points = settlement(1, 0);
    const problems = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as PublicationInputError).problems.map((problem) => problem.code);
      }
      return [];
    };
    expect(problems(() => hexLayer(points, { subject: 'person' as 'household', resolution: 9 }))).toEqual([
      'map.subject_not_allowed',
    ]);
    expect(
      problems(() => hexLayer([{ lat: 95, lng: 0, count: 1 }], { subject: 'household', resolution: 9 })),
    ).toEqual(['map.bad_location']);
    expect(problems(() => hexLayer(points, { subject: 'household', resolution: 9, total: 3 }))).toEqual([
      'map.total_too_small',
    ]);
  });
});

describe('location rules', () => {
  it('shows facilities exactly, households only aggregated, person attributes only by section', () => {
    expect(allowedGeometries('facility')).toContain('point');
    expect(allowedGeometries('household')).not.toContain('point');
    expect(allowedGeometries('person')).toEqual(['section', 'settlement']);
    expect(allowedGeometries('person', true)).toEqual(['settlement']);
    expect(checkMapLayer({ subject: 'household', geometry: 'hex' })).toBeUndefined();
    expect(checkMapLayer({ subject: 'person', geometry: 'hex' }, ['blocks', 2])).toMatchObject({
      code: 'map.geometry_not_allowed',
      path: ['blocks', 2, 'geometry'],
    });
  });
});
