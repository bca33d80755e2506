import { describe, expect, it } from 'vitest';
import { type Polygon, type Position, readFeatureCollection, signedRingArea } from './index.ts';

// A small square near Cape Town, counterclockwise, as RFC 7946 wants exteriors.
const square = (lon = 18.42, lat = -33.92, side = 0.001): Position[] => [
  [lon, lat],
  [lon + side, lat],
  [lon + side, lat + side],
  [lon, lat + side],
  [lon, lat],
];
const polygonOf = (...rings: unknown[]) => ({ type: 'Polygon', coordinates: rings });
const feature = (geometry: unknown, properties: unknown = {}) => ({ type: 'Feature', geometry, properties });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });

/** The one problem of a file: its code and path. */
function onlyProblem(input: unknown, limits = {}) {
  const { problems, features } = readFeatureCollection(input, limits);
  expect(problems).toHaveLength(1);
  expect(problems[0]!.message.length).toBeGreaterThan(10);
  return { code: problems[0]!.code, path: problems[0]!.path, features: features.length };
}

describe('readFeatureCollection: what it accepts', () => {
  it('reads a collection of polygons and points, keeping properties and ids, dropping altitude', () => {
    const text = JSON.stringify(
      collection(
        { ...feature(polygonOf(square()), { name: 'Section A' }), id: 'a' },
        { ...feature({ type: 'Point', coordinates: [18.42, -33.92, 12.5] }, null), id: 7 },
      ),
    );
    const { features, problems } = readFeatureCollection(text);
    expect(problems).toEqual([]);
    expect(features).toEqual([
      { id: 'a', properties: { name: 'Section A' }, geometry: { type: 'Polygon', coordinates: [square()] } },
      { id: 7, properties: {}, geometry: { type: 'Point', coordinates: [18.42, -33.92] } },
    ]);
  });

  it('wraps a single Feature and a bare geometry', () => {
    expect(readFeatureCollection(feature(polygonOf(square()), { n: 1 })).features).toHaveLength(1);
    const bare = readFeatureCollection({ type: 'MultiPolygon', coordinates: [[square()], [square(18.5)]] });
    expect(bare.problems).toEqual([]);
    expect(bare.features[0]).toEqual({
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: [[square()], [square(18.5)]] },
    });
  });

  it('rewinds clockwise exteriors to counterclockwise and holes to clockwise', () => {
    const hole = square(18.4203, -33.9197, 0.0002); // counterclockwise: wrong for a hole
    const { features } = readFeatureCollection(polygonOf([...square()].reverse(), hole));
    const [outer, inner] = (features[0]!.geometry as Polygon).coordinates;
    expect(signedRingArea(outer!)).toBeGreaterThan(0);
    expect(signedRingArea(inner!)).toBeLessThan(0);
  });

  it('accepts the crs names of WGS 84 and merges repeated positions', () => {
    const old = {
      ...collection(feature(polygonOf(square()))),
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
    };
    expect(readFeatureCollection(old).features).toHaveLength(1);
    const epsg = { ...collection(), crs: { type: 'name', properties: { name: 'EPSG:4326' } } };
    expect(readFeatureCollection(epsg).problems).toEqual([]);
    const ring = square();
    const repeated = [ring[0]!, ring[1]!, ring[1]!, ring[2]!, ring[3]!, ring[4]!];
    expect(readFeatureCollection(polygonOf(repeated)).features[0]!.geometry).toEqual(polygonOf(square()));
  });
});

describe('readFeatureCollection: each refusal, located', () => {
  it('geojson.not_json and geojson.not_geojson', () => {
    expect(onlyProblem('{"type": "FeatureCollection",')).toEqual({
      code: 'geojson.not_json',
      path: '',
      features: 0,
    });
    expect(onlyProblem({ features: [] })).toMatchObject({ code: 'geojson.not_geojson', path: '' });
    expect(onlyProblem({ type: 'Topology' })).toMatchObject({ code: 'geojson.not_geojson', path: 'type' });
    expect(onlyProblem(collection({ type: 'Thing' }))).toMatchObject({ path: 'features/0' });
    expect(onlyProblem(collection(feature(polygonOf(square()), [1])))).toMatchObject({
      code: 'geojson.not_geojson',
      path: 'features/0/properties',
    });
  });

  it('geojson.crs_unsupported, at the root or on a feature', () => {
    const utm = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32734' } };
    expect(onlyProblem({ ...collection(feature(polygonOf(square()))), crs: utm })).toEqual({
      code: 'geojson.crs_unsupported',
      path: 'crs',
      features: 0,
    });
    expect(
      onlyProblem(collection(feature(polygonOf(square())), { ...feature(polygonOf(square())), crs: utm })),
    ).toEqual({
      code: 'geojson.crs_unsupported',
      path: 'features/1/crs',
      features: 1,
    });
  });

  it('geojson.geometry_unsupported names the accepted types', () => {
    const line = feature({
      type: 'LineString',
      coordinates: [
        [18.4, -33.9],
        [18.5, -33.9],
      ],
    });
    const result = readFeatureCollection(collection(line, feature(null), feature(polygonOf(square()))));
    expect(result.indexes).toEqual([2]);
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([
      ['geojson.geometry_unsupported', 'features/0/geometry'],
      ['geojson.geometry_unsupported', 'features/1/geometry'],
    ]);
    expect(result.problems[0]!.message).toContain('Point, Polygon and MultiPolygon');
    expect(result.features).toHaveLength(1);
    expect(onlyProblem({ type: 'GeometryCollection', geometries: [] }).code).toBe(
      'geojson.geometry_unsupported',
    );
  });

  it('geojson.position_invalid and geojson.position_out_of_range', () => {
    const ring: unknown[] = square();
    ring[2] = [18.4, 'south'];
    expect(onlyProblem(collection(feature(polygonOf(square()), {}), feature(polygonOf(ring))))).toEqual({
      code: 'geojson.position_invalid',
      path: 'features/1/geometry/coordinates/0/2',
      features: 1,
    });
    expect(onlyProblem(feature({ type: 'Point', coordinates: [1, 2, 3, 4] }))).toMatchObject({
      path: 'geometry/coordinates',
    });
    expect(onlyProblem({ type: 'Point', coordinates: [Number.NaN, 2] }).code).toBe(
      'geojson.position_invalid',
    );
    const far = square(179.9995);
    const result = readFeatureCollection(collection(feature(polygonOf(far))));
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([
      ['geojson.position_out_of_range', 'features/0/geometry/coordinates/0/1'],
      ['geojson.position_out_of_range', 'features/0/geometry/coordinates/0/2'],
    ]);
    expect(result.features).toEqual([]);
  });

  it('geojson.ring_too_short and geojson.ring_not_closed', () => {
    const ring = square();
    expect(onlyProblem(collection(feature(polygonOf(ring.slice(0, 3)))))).toEqual({
      code: 'geojson.ring_too_short',
      path: 'features/0/geometry/coordinates/0',
      features: 0,
    });
    const flat = [ring[0]!, ring[1]!, ring[1]!, ring[0]!];
    expect(onlyProblem(polygonOf(flat)).code).toBe('geojson.ring_too_short');
    const hole = square(18.4203, -33.9197, 0.0002).slice(0, 4);
    expect(onlyProblem(collection(feature(polygonOf(ring, hole))))).toEqual({
      code: 'geojson.ring_not_closed',
      path: 'features/0/geometry/coordinates/1',
      features: 0,
    });
  });

  it('geojson.self_intersection names both segments, in one ring or across rings', () => {
    const bowTie: Position[] = [
      [18.42, -33.92],
      [18.421, -33.919],
      [18.421, -33.92],
      [18.42, -33.919],
      [18.42, -33.92],
    ];
    const { problems } = readFeatureCollection(
      collection(feature(polygonOf(square())), feature(polygonOf(bowTie))),
    );
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['geojson.self_intersection', 'features/1/geometry/coordinates/0/0'],
    ]);
    expect(problems[0]!.message).toContain('segment 0');
    expect(problems[0]!.message).toContain('segment 2');
    const crossingHole = square(18.4205, -33.9195, 0.001);
    const multi = { type: 'MultiPolygon', coordinates: [[square(18.5)], [square(), crossingHole]] };
    expect(onlyProblem(feature(multi))).toMatchObject({
      code: 'geojson.self_intersection',
      path: 'geometry/coordinates/1/0/1',
    });
  });

  it('geojson.too_many_vertices, geojson.too_many_features and geojson.area_too_large', () => {
    expect(readFeatureCollection(polygonOf(square()), { maxVerticesPerFeature: 4 }).problems).toEqual([]);
    expect(onlyProblem(collection(feature(polygonOf(square()))), { maxVerticesPerFeature: 3 })).toEqual({
      code: 'geojson.too_many_vertices',
      path: 'features/0/geometry',
      features: 0,
    });
    expect(
      onlyProblem(collection(feature(polygonOf(square())), feature(polygonOf(square()))), { maxFeatures: 1 }),
    ).toEqual({
      code: 'geojson.too_many_features',
      path: 'features',
      features: 0,
    });
    // 0.1° × 0.1° near Cape Town is about 103 km².
    expect(onlyProblem(collection(feature(polygonOf(square(18.4, -34, 0.1)))))).toEqual({
      code: 'geojson.area_too_large',
      path: 'features/0/geometry/coordinates',
      features: 0,
    });
    expect(readFeatureCollection(polygonOf(square(18.4, -34, 0.09))).problems).toEqual([]);
  });

  it('geojson.coordinates_swapped, with the settlement box or from a latitude past 90', () => {
    const swapped = square().map(([lon, lat]): Position => [lat, lon]);
    expect(readFeatureCollection(polygonOf(swapped)).problems).toEqual([]);
    expect(
      onlyProblem(collection(feature(polygonOf(swapped))), { expectedBbox: [18.3, -34.1, 18.7, -33.8] }),
    ).toEqual({
      code: 'geojson.coordinates_swapped',
      path: 'features/0/geometry/coordinates',
      features: 0,
    });
    expect(onlyProblem(feature({ type: 'Point', coordinates: [-6.2, 106.8] }))).toEqual({
      code: 'geojson.coordinates_swapped',
      path: 'geometry/coordinates',
      features: 0,
    });
  });

  it('reads a 20,000-vertex circle (the default limit) and refuses one more vertex', () => {
    const circle = (n: number): Position[] => {
      const ring = Array.from({ length: n }, (_, k): Position => {
        const t = (2 * Math.PI * k) / n;
        return [18.42 + 0.01 * Math.cos(t), -33.92 + 0.01 * Math.sin(t)];
      });
      return [...ring, ring[0]!];
    };
    expect(readFeatureCollection(polygonOf(circle(20_000))).problems).toEqual([]);
    expect(onlyProblem(polygonOf(circle(20_001)))).toMatchObject({
      code: 'geojson.too_many_vertices',
      path: '',
    });
  });

  it('keeps at most maxProblems problems and counts the rest', () => {
    const bad = Array.from({ length: 150 }, () => feature({ type: 'Point', coordinates: [200, 0] }));
    const result = readFeatureCollection(collection(...bad));
    expect(result.problems).toHaveLength(100);
    expect(result.problemsLeftOut).toBe(50);
    expect(result.problems[99]!.path).toBe('features/99/geometry/coordinates');
  });
});
