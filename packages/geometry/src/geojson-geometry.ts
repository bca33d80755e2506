// Reading one GeoJSON geometry member into a checked Point, Polygon or MultiPolygon: every
// position a finite [lon, lat] in range, rings long enough, closed and not crossing, each
// polygon a plausible settlement's size, exteriors counterclockwise.
import { areaSquareMetres, rewindPolygon } from './polygon.ts';
import { join, type ProblemList } from './problems.ts';
import { findSegmentMeetings } from './segments.ts';
import { looksSwapped } from './swapped.ts';
import type { BBox, Geometry, Polygon, Position } from './types.ts';

export interface GeometryLimits {
  maxVerticesPerFeature: number;
  maxAreaSquareMetres: number;
  expectedBbox?: BBox;
}

const ACCEPTED = ['Point', 'Polygon', 'MultiPolygon'];
const REFUSED = ['LineString', 'MultiPoint', 'MultiLineString', 'GeometryCollection'];
const ACCEPTED_WORDS = 'only Point, Polygon and MultiPolygon are accepted';

/** A raw position with where it was found. */
interface Located {
  value: unknown;
  path: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The raw rings of each polygon, or null (with a problem) when the nesting is not arrays. */
function ringsOf(
  coordinates: unknown,
  path: string,
  depth: 1 | 2,
  problems: ProblemList,
): unknown[][][] | null {
  const notArray = (at: string, what: string) => {
    problems.add('geojson.not_geojson', at, `${what} must be an array`);
    return null;
  };
  if (!Array.isArray(coordinates)) return notArray(path, 'coordinates');
  const polygons = depth === 1 ? [coordinates] : coordinates;
  const out: unknown[][][] = [];
  for (const [p, polygon] of polygons.entries()) {
    const polygonPath = depth === 1 ? path : join(path, p);
    if (!Array.isArray(polygon)) return notArray(polygonPath, 'a polygon');
    if (polygon.length === 0) {
      problems.add(
        'geojson.ring_too_short',
        polygonPath,
        'a polygon needs an exterior ring; this one has none',
      );
      return null;
    }
    for (const [r, ring] of polygon.entries()) {
      if (!Array.isArray(ring)) return notArray(join(polygonPath, r), 'a ring');
    }
    out.push(polygon as unknown[][]);
  }
  return out;
}

function readPosition(value: unknown, path: string, problems: ProblemList): Position | null {
  if (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.length <= 3 &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n))
  ) {
    return [value[0] as number, value[1] as number];
  }
  problems.add('geojson.position_invalid', path, 'a position must be 2 or 3 numbers: [longitude, latitude]');
  return null;
}

/** Reads positions, then checks for a swapped file and then ranges; null when any failed. */
function readPositions(raw: Located[], problems: ProblemList, limits: GeometryLimits, path: string) {
  const before = problems.found;
  const positions = raw.map(({ value, path: at }) => readPosition(value, at, problems));
  if (problems.found > before) return null;
  const read = positions as Position[];
  if (looksSwapped(read, limits.expectedBbox)) {
    problems.add(
      'geojson.coordinates_swapped',
      path,
      'the coordinates look like [latitude, longitude]; GeoJSON puts longitude first',
    );
    return null;
  }
  read.forEach(([lon, lat], k) => {
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      problems.add(
        'geojson.position_out_of_range',
        raw[k]!.path,
        `longitude ${lon}, latitude ${lat} is outside ±180, ±90`,
      );
    }
  });
  return problems.found > before ? null : read;
}

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** The ring without repeated consecutive positions, and each kept position's index as given. */
function withoutRepeats(ring: Position[]): { ring: Position[]; given: number[] } {
  const out: Position[] = [];
  const given: number[] = [];
  ring.forEach((position, index) => {
    if (out.length > 0 && same(out[out.length - 1]!, position)) return;
    out.push(position);
    given.push(index);
  });
  return { ring: out, given };
}

/** Checks one polygon's rings; returns it rewound, or null with its problems added. */
function checkPolygon(
  rings: Position[][],
  path: string,
  problems: ProblemList,
  limits: GeometryLimits,
): Polygon | null {
  const before = problems.found;
  const cleaned: Position[][] = [];
  const given: number[][] = [];
  rings.forEach((ring, r) => {
    const at = join(path, r);
    if (ring.length < 4) {
      problems.add(
        'geojson.ring_too_short',
        at,
        `a ring needs at least 4 positions; this one has ${ring.length}`,
      );
      return;
    }
    if (!same(ring[0]!, ring[ring.length - 1]!)) {
      problems.add('geojson.ring_not_closed', at, 'a ring must end with the same position it starts with');
      return;
    }
    const kept = withoutRepeats(ring);
    if (kept.ring.length < 4) {
      problems.add(
        'geojson.ring_too_short',
        at,
        `a ring needs at least 3 different corners; this one has ${kept.ring.length - 1}`,
      );
      return;
    }
    cleaned.push(kept.ring);
    given.push(kept.given);
  });
  if (problems.found > before) return null;
  const meeting = findSegmentMeetings(cleaned, 1)[0];
  if (meeting) {
    const first = given[meeting.ring]![meeting.segment]!;
    const second = given[meeting.otherRing]![meeting.otherSegment]!;
    const where = meeting.ring === meeting.otherRing ? 'itself' : `ring ${meeting.otherRing}`;
    problems.add(
      'geojson.self_intersection',
      join(path, meeting.ring, first),
      `ring ${meeting.ring} crosses ${where}: segment ${first} (from position ${first}) meets segment ` +
        `${second} of ring ${meeting.otherRing} (from position ${second})`,
    );
    return null;
  }
  const polygon: Polygon = { type: 'Polygon', coordinates: cleaned };
  const area = areaSquareMetres(polygon);
  if (area > limits.maxAreaSquareMetres) {
    const km2 = (n: number) => `${Math.round(n / 1e4) / 100} km²`;
    problems.add(
      'geojson.area_too_large',
      path,
      `the polygon covers ${km2(area)}, more than the ${km2(limits.maxAreaSquareMetres)} allowed`,
    );
    return null;
  }
  return rewindPolygon(polygon);
}

/** Reads a geometry member at `path` (e.g. `features/3/geometry`); null when it has problems. */
export function readGeometry(
  value: unknown,
  path: string,
  problems: ProblemList,
  limits: GeometryLimits,
): Geometry | null {
  if (value === null || value === undefined) {
    problems.add('geojson.geometry_unsupported', path, `the feature has no geometry; ${ACCEPTED_WORDS}`);
    return null;
  }
  if (!isObject(value) || typeof value.type !== 'string') {
    problems.add('geojson.not_geojson', path, 'a geometry must be an object with a "type"');
    return null;
  }
  const type = value.type;
  if (!ACCEPTED.includes(type)) {
    if (REFUSED.includes(type)) {
      problems.add('geojson.geometry_unsupported', path, `${type} is not accepted: ${ACCEPTED_WORDS}`);
    } else {
      problems.add('geojson.not_geojson', path, `"${type}" is not a GeoJSON geometry type`);
    }
    return null;
  }
  const at = join(path, 'coordinates');
  if (type === 'Point') {
    const read = readPositions([{ value: value.coordinates, path: at }], problems, limits, at);
    return read ? { type: 'Point', coordinates: read[0]! } : null;
  }
  const multi = type === 'MultiPolygon';
  const polygons = ringsOf(value.coordinates, at, multi ? 2 : 1, problems);
  if (!polygons) return null;
  // Vertices, not positions: a ring's closing position repeats its first.
  const count = polygons.reduce(
    (sum, rings) => sum + rings.reduce((n, ring) => n + Math.max(0, ring.length - 1), 0),
    0,
  );
  if (count > limits.maxVerticesPerFeature) {
    problems.add(
      'geojson.too_many_vertices',
      path,
      `the geometry has ${count} vertices, more than the ${limits.maxVerticesPerFeature} allowed`,
    );
    return null;
  }
  const polygonPath = (p: number) => (multi ? join(at, p) : at);
  const raw: Located[] = [];
  for (const [p, rings] of polygons.entries()) {
    for (const [r, ring] of rings.entries()) {
      for (const [k, position] of ring.entries())
        raw.push({ value: position, path: join(polygonPath(p), r, k) });
    }
  }
  const read = readPositions(raw, problems, limits, at);
  if (!read) return null;
  let next = 0;
  const shaped = polygons.map((rings) => rings.map((ring) => ring.map(() => read[next++]!)));
  const before = problems.found;
  const checked = shaped.map((rings, p) => checkPolygon(rings, polygonPath(p), problems, limits));
  if (problems.found > before) return null;
  const coordinates = checked.map((polygon) => polygon!.coordinates);
  return multi ? { type: 'MultiPolygon', coordinates } : { type: 'Polygon', coordinates: coordinates[0]! };
}
