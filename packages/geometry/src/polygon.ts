// Measures and tests on polygons. Everything here takes closed rings (first position repeated
// last), as geojson-read.ts returns them.
import { findSegmentMeetings, onSegment, type SegmentMeeting } from './segments.ts';
import type { BBox, Geometry, MultiPolygon, Point, Polygon, Position } from './types.ts';

export type { SegmentMeeting } from './segments.ts';

/** The WGS 84 equatorial radius, as most web-map tools measure areas with it. */
export const AREA_EARTH_RADIUS_METRES = 6378137;

/** Each pair of edges [i, j] (i < j) of a closed ring that cross, touch or overlap. */
export function ringSelfIntersections(ring: Position[]): Array<[number, number]> {
  return findSegmentMeetings([ring]).map((meeting) => [meeting.segment, meeting.otherSegment]);
}

/**
 * The first place where a polygon's rings cross themselves or each other (edge indexes within
 * each ring), or null when it is simple. Rings of one polygon may not touch at all here.
 */
export function polygonSelfIntersection(polygon: Polygon): SegmentMeeting | null {
  return findSegmentMeetings(polygon.coordinates, 1)[0] ?? null;
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** A ring's area on the sphere, always ≥ 0 (the winding does not matter). */
export function ringAreaSquareMetres(ring: Position[]): number {
  const n = ring.length - 1;
  if (n < 3) return 0;
  let sum = 0;
  // Σ (λ[i+1] − λ[i−1]) · sin φ[i] over the ring, the spherical-excess form for small steps.
  for (let i = 0; i < n; i++) {
    const before = ring[(i - 1 + n) % n]!;
    const here = ring[i]!;
    const after = ring[i + 1]!;
    sum += (radians(after[0]) - radians(before[0])) * Math.sin(radians(here[1]));
  }
  return Math.abs((sum * AREA_EARTH_RADIUS_METRES * AREA_EARTH_RADIUS_METRES) / 2);
}

/** Area on the sphere (radius 6378137 m), holes subtracted. */
export function areaSquareMetres(shape: Polygon | MultiPolygon): number {
  const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
  let total = 0;
  for (const [exterior, ...holes] of polygons) {
    if (!exterior) continue;
    total += ringAreaSquareMetres(exterior);
    for (const hole of holes) total -= ringAreaSquareMetres(hole);
  }
  return Math.max(0, total);
}

/** 1 strictly inside, 0 on the boundary, −1 outside (even-odd ray cast). */
function ringSide(point: Position, ring: Position[]): 1 | 0 | -1 {
  const [x, y] = point;
  let inside = false;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    if (onSegment(a, b, point)) return 0;
    if (a[1] > y !== b[1] > y) {
      const crossX = a[0] + ((y - a[1]) * (b[0] - a[0])) / (b[1] - a[1]);
      if (x < crossX) inside = !inside;
    }
  }
  return inside ? 1 : -1;
}

function inOnePolygon(point: Position, rings: Position[][]): boolean {
  const [exterior, ...holes] = rings;
  if (!exterior || ringSide(point, exterior) < 0) return false;
  return holes.every((hole) => ringSide(point, hole) < 1);
}

/** Whether the point lies in the polygon; the boundary, a hole's boundary too, counts as inside. */
export function pointInPolygon(point: Position | Point, shape: Polygon | MultiPolygon): boolean {
  const at = Array.isArray(point) ? point : point.coordinates;
  if (shape.type === 'Polygon') return inOnePolygon(at, shape.coordinates);
  return shape.coordinates.some((rings) => inOnePolygon(at, rings));
}

/** [west, south, east, north] of every position (no shape crosses the antimeridian here). */
export function bbox(geometry: Geometry): BBox {
  const box: BBox = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  const add = ([lon, lat]: Position) => {
    box[0] = Math.min(box[0], lon);
    box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon);
    box[3] = Math.max(box[3], lat);
  };
  if (geometry.type === 'Point') add(geometry.coordinates);
  else if (geometry.type === 'Polygon') for (const ring of geometry.coordinates) ring.forEach(add);
  else for (const rings of geometry.coordinates) for (const ring of rings) ring.forEach(add);
  return box;
}

/** Shoelace area in square degrees: > 0 counterclockwise, < 0 clockwise. */
export function signedRingArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

/** A ring turned to run counterclockwise (or clockwise), as RFC 7946's right-hand rule asks. */
export function windRing(ring: Position[], counterclockwise: boolean): Position[] {
  const area = signedRingArea(ring);
  if (area === 0 || area > 0 === counterclockwise) return ring;
  return [...ring].reverse();
}

/** Exterior counterclockwise, holes clockwise. */
export function rewindPolygon(polygon: Polygon): Polygon {
  return {
    type: 'Polygon',
    coordinates: polygon.coordinates.map((ring, index) => windRing(ring, index === 0)),
  };
}

/**
 * The area-weighted centroid, computed flat in degrees: the shapes kept here are a few
 * kilometres across, where the distortion is far below a GPS reading's error.
 */
export function centroid(polygon: Polygon): Position {
  let area = 0;
  let x = 0;
  let y = 0;
  polygon.coordinates.forEach((ring, index) => {
    // Each ring weighted by its own area, holes taken away whatever way they wind.
    const ringArea = signedRingArea(ring);
    const role = index === 0 ? 1 : -1;
    const winding = Math.sign(ringArea);
    let cx = 0;
    let cy = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[i + 1]!;
      const cross = a[0] * b[1] - b[0] * a[1];
      cx += (a[0] + b[0]) * cross;
      cy += (a[1] + b[1]) * cross;
    }
    area += role * Math.abs(ringArea);
    x += role * winding * (cx / 6);
    y += role * winding * (cy / 6);
  });
  if (area !== 0) return [x / area, y / area];
  // A flat shape has no area to weigh: the mean of its exterior's distinct positions.
  const exterior = polygon.coordinates[0] ?? [];
  const positions = exterior.slice(0, Math.max(1, exterior.length - 1));
  const sum = positions.reduce<Position>((acc, p) => [acc[0] + p[0], acc[1] + p[1]], [0, 0]);
  return [sum[0] / positions.length, sum[1] / positions.length];
}
