import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceMetres, MEAN_EARTH_RADIUS_METRES, metresToDegreesBox, type Position } from './index.ts';

const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

// The point `metres` away from `from` on `bearing` degrees (the spherical direct problem).
function destination(from: Position, metres: number, bearing: number): Position {
  const delta = metres / MEAN_EARTH_RADIUS_METRES;
  const phi = rad(from[1]);
  const theta = rad(bearing);
  const lat = Math.asin(Math.sin(phi) * Math.cos(delta) + Math.cos(phi) * Math.sin(delta) * Math.cos(theta));
  const lon =
    rad(from[0]) +
    Math.atan2(
      Math.sin(theta) * Math.sin(delta) * Math.cos(phi),
      Math.cos(delta) - Math.sin(phi) * Math.sin(lat),
    );
  return [deg(lon), deg(lat)];
}

describe('distanceMetres', () => {
  it('measures a degree of latitude and a known city pair', () => {
    expect(distanceMetres([18.4, -33.9], [18.4, -32.9])).toBeCloseTo(
      (MEAN_EARTH_RADIUS_METRES * Math.PI) / 180,
      3,
    );
    // Cape Town to Johannesburg, about 1,265 km as the crow flies.
    const km = distanceMetres([18.4241, -33.9249], [28.0473, -26.2041]) / 1000;
    expect(km).toBeGreaterThan(1255);
    expect(km).toBeLessThan(1275);
    expect(distanceMetres([0, 0], [0, 0])).toBe(0);
  });

  it('is symmetric and agrees with the direct problem', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -170, max: 170, noNaN: true }),
        fc.double({ min: -70, max: 70, noNaN: true }),
        fc.double({ min: 1, max: 50_000, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        (lon, lat, metres, bearing) => {
          const to = destination([lon, lat], metres, bearing);
          expect(distanceMetres([lon, lat], to)).toBeCloseTo(metres, 3);
          expect(distanceMetres(to, [lon, lat])).toBeCloseTo(distanceMetres([lon, lat], to), 6);
        },
      ),
    );
  });
});

describe('metresToDegreesBox', () => {
  it('is never too small at latitudes up to ±60', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -179, max: 179, noNaN: true }),
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 20_000, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lon, lat, metres, bearing, fraction) => {
          const [west, south, east, north] = metresToDegreesBox([lon, lat], metres);
          // On the circle itself (the hardest case) and somewhere within it.
          for (const p of [
            destination([lon, lat], metres, bearing),
            destination([lon, lat], metres * fraction, bearing),
          ]) {
            expect(p[0]).toBeGreaterThanOrEqual(west);
            expect(p[0]).toBeLessThanOrEqual(east);
            expect(p[1]).toBeGreaterThanOrEqual(south);
            expect(p[1]).toBeLessThanOrEqual(north);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is not much bigger than needed, and takes every longitude near a pole or the antimeridian', () => {
    const [west, south, east, north] = metresToDegreesBox([18.4, -33.9], 1000);
    expect(north - south).toBeLessThan(2 * 0.0091);
    expect(east - west).toBeLessThan((2 * 0.0091) / Math.cos(rad(33.9)) + 1e-4);
    const polar = metresToDegreesBox([10, 89.99], 5000);
    expect([polar[0], polar[2], polar[3]]).toEqual([-180, 180, 90]);
    const dateline = metresToDegreesBox([179.999, 0], 5000);
    expect([dateline[0], dateline[2]]).toEqual([-180, 180]);
  });
});
