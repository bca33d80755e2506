import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Feature,
  type Geometry,
  type Position,
  readFeatureCollection,
  rewindPolygon,
  signedRingArea,
  writeFeatureCollection,
} from './index.ts';

// Star polygons around a point in southern Africa: simple by construction, a few km across.
const starRing = fc
  .record({
    lon: fc.double({ min: 10, max: 40, noNaN: true }),
    lat: fc.double({ min: -35, max: -5, noNaN: true }),
    steps: fc.uniqueArray(fc.integer({ min: 1, max: 89 }), { maxLength: 30 }),
    radii: fc.array(fc.double({ min: 0.001, max: 0.02, noNaN: true }), { minLength: 40, maxLength: 40 }),
    clockwise: fc.boolean(),
  })
  .map(({ lon, lat, steps, radii, clockwise }) => {
    const angles = [0, 30, 60, ...steps].filter((a, i, all) => all.indexOf(a) === i).sort((a, b) => a - b);
    const points = angles.map((a, k): Position => {
      const t = (a * Math.PI) / 45;
      return [lon + radii[k]! * Math.cos(t), lat + radii[k]! * Math.sin(t)];
    });
    const ring = [...points, points[0]!];
    return clockwise ? ring.reverse() : ring;
  });

const geometry: fc.Arbitrary<Geometry> = fc.oneof(
  starRing.map((ring): Geometry => ({ type: 'Polygon', coordinates: [ring] })),
  fc
    .tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }))
    .map(([lon, lat]): Geometry => ({ type: 'Point', coordinates: [lon, lat] })),
);

const value = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
);
const properties = fc.dictionary(
  fc.string().filter((key) => key !== '__proto__'),
  fc.oneof(value, fc.array(value, { maxLength: 3 })),
  { maxKeys: 5 },
);
const feature: fc.Arbitrary<Feature> = fc.record(
  { geometry, properties, id: fc.oneof(fc.string(), fc.integer()) },
  { requiredKeys: ['geometry', 'properties'] },
);

const counterclockwise = (g: Geometry): Geometry => (g.type === 'Polygon' ? rewindPolygon(g) : g);
const positions = (g: Geometry): Position[] =>
  g.type === 'Point' ? [g.coordinates] : g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2);

describe('writeFeatureCollection', () => {
  it('reads back the same geometries (within rounding), properties and ids', () => {
    fc.assert(
      fc.property(fc.array(feature, { maxLength: 8 }), (features) => {
        const { features: back, problems } = readFeatureCollection(writeFeatureCollection(features));
        expect(problems).toEqual([]);
        expect(back).toHaveLength(features.length);
        back.forEach((read, i) => {
          const original = features[i]!;
          expect(read.properties).toEqual(original.properties);
          expect(read.id).toEqual(original.id);
          const expected = counterclockwise(original.geometry);
          expect(read.geometry.type).toBe(expected.type);
          const got = positions(read.geometry);
          const want = positions(expected);
          expect(got).toHaveLength(want.length);
          got.forEach(([lon, lat], k) => {
            expect(Math.abs(lon - want[k]![0])).toBeLessThanOrEqual(5.1e-8);
            expect(Math.abs(lat - want[k]![1])).toBeLessThanOrEqual(5.1e-8);
          });
        });
      }),
      { numRuns: 200 },
    );
  });

  it('writes RFC 7946: no crs, 7 decimals, counterclockwise exteriors, bbox when asked', () => {
    const ring: Position[] = [
      [18.123456789, -33.9],
      [18.123456789, -33.8],
      [18.2, -33.8],
      [18.123456789, -33.9],
    ];
    const text = writeFeatureCollection(
      [{ geometry: { type: 'Polygon', coordinates: [ring] }, properties: { a: 1 } }],
      {
        bbox: true,
      },
    );
    const parsed = JSON.parse(text);
    expect(parsed.crs).toBeUndefined();
    expect(parsed.bbox).toEqual([18.1234568, -33.9, 18.2, -33.8]);
    const written = parsed.features[0].geometry.coordinates[0] as Position[];
    expect(written[0]).toEqual([18.1234568, -33.9]);
    expect(signedRingArea(written)).toBeGreaterThan(0);
    expect(parsed.features[0].properties).toEqual({ a: 1 });
    expect(JSON.parse(writeFeatureCollection([])).bbox).toBeUndefined();
    expect(text).not.toContain('-0,');
  });

  it('writes MultiPolygons with each exterior counterclockwise and each hole clockwise', () => {
    const square = (lon: number, size: number): Position[] => [
      [lon, 0],
      [lon, size],
      [lon + size, size],
      [lon + size, 0],
      [lon, 0],
    ];
    const hole: Position[] = [
      [0.2, 0.2],
      [0.4, 0.2],
      [0.4, 0.4],
      [0.2, 0.4],
      [0.2, 0.2],
    ];
    const parsed = JSON.parse(
      writeFeatureCollection([
        {
          geometry: { type: 'MultiPolygon', coordinates: [[square(0, 1), hole], [square(2, 1)]] },
          properties: {},
        },
      ]),
    );
    const [first, next] = parsed.features[0].geometry.coordinates as Position[][][];
    const [outer, inner] = first!;
    const [second] = next!;
    expect(signedRingArea(outer!)).toBeGreaterThan(0);
    expect(signedRingArea(inner!)).toBeLessThan(0);
    expect(signedRingArea(second!)).toBeGreaterThan(0);
  });
});
