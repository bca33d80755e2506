import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blob,
  boundsOf,
  fanArea,
  fanRing,
  fanSampler,
  polygon,
  reach,
  signedArea,
  slices,
  type Xy,
} from './geometry.ts';
import { seeded } from './random.ts';
import { area, distanceToEdge, inside, type Point, simple } from './test/polygon.ts';

const closed = (ring: Xy[]): Point[] => [...ring, ring[0] as Xy];
const centre = { lon: 18.6, lat: -33.95 };

describe('settlement shapes', () => {
  it('a blob is simple, counterclockwise and of the asked area', () => {
    fc.assert(
      fc.property(fc.integer(), fc.double({ min: 50, max: 600_000, noNaN: true }), (seed, areaM2) => {
        const outline = blob(seeded(seed), areaM2);
        expect(simple(closed(outline.ring))).toBe(true);
        expect(signedArea(outline.ring)).toBeCloseTo(areaM2, 6);
        expect(area(closed(outline.ring))).toBeGreaterThan(0);
        expect(reach(outline)).toBeLessThan(3 * Math.sqrt(areaM2 / Math.PI));
      }),
    );
  });

  it('slices tile the blob: each simple and counterclockwise, inside it, areas summing to its area', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 26 }), (seed, count) => {
        const random = seeded(seed);
        const outline = blob(random, 40_000);
        const fans = slices(random, outline, count);
        expect(fans).toHaveLength(count);
        const whole = closed(outline.ring);
        let sum = 0;
        for (const fan of fans) {
          const ring = closed(fanRing(fan));
          expect(simple(ring)).toBe(true);
          expect(area(ring)).toBeGreaterThan(0);
          sum += fanArea(fan);
          for (const vertex of ring)
            expect(inside(vertex, whole) || distanceToEdge(vertex, whole) < 1e-6).toBe(true);
        }
        expect(sum).toBeCloseTo(40_000, 4);
      }),
    );
  });

  it('sampled points lie strictly inside their slice, and in no other', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 8 }), (seed, count) => {
        const random = seeded(seed);
        const fans = slices(random, blob(random, 10_000), count);
        const rings = fans.map((fan) => closed(fanRing(fan)));
        fans.forEach((fan, i) => {
          const sample = fanSampler(random, fan);
          for (let k = 0; k < 30; k++) {
            const p = sample();
            expect(rings.map((ring) => inside(p, ring))).toEqual(rings.map((_, j) => j === i));
          }
        });
      }),
      { numRuns: 50 },
    );
  });

  it('turns into a closed counterclockwise GeoJSON ring in lon/lat with its bounds', () => {
    const outline = blob(seeded(9), 20_000);
    const shape = polygon(centre, outline.ring);
    const ring = shape.coordinates[0] as Point[];
    expect(shape.type).toBe('Polygon');
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(area(ring)).toBeGreaterThan(0);
    const bounds = boundsOf(shape);
    for (const [lon, lat] of ring) {
      expect(
        lon >= bounds.minLon && lon <= bounds.maxLon && lat >= bounds.minLat && lat <= bounds.maxLat,
      ).toBe(true);
      expect(Math.abs(lon - centre.lon)).toBeLessThan(0.01);
    }
  });
});
