// Editing a drawn shape corner by corner, without drawing it again: its corners are read from the
// saved ring, one can be moved or removed, and a new one goes into the side it is nearest to
// (where it lengthens the outline least), not at the end, which would cross the shape. Pure: the
// map answers which corner a tap is near, in screen pixels (map/draw.ts).
import type { Boundary, Point } from '@coproduce/contract';

/** The corners of a saved shape's outer ring (the first polygon's), without the closing repeat. */
export function cornersOf(boundary: Boundary | null | undefined): Point[] {
  if (!boundary) return [];
  const polygon = (boundary.type === 'MultiPolygon' ? boundary.coordinates[0] : boundary.coordinates) as
    | number[][][]
    | undefined;
  const ring = polygon?.[0] ?? [];
  const corners = ring.map(([lon, lat]) => ({ lat: Number(lat), lon: Number(lon) }));
  const first = corners[0];
  const last = corners.at(-1);
  if (corners.length > 1 && first && last && first.lat === last.lat && first.lon === last.lon) corners.pop();
  return corners;
}

// Distances in degrees, longitude shrunk by the latitude: enough to compare sides of one shape.
function distance(a: Point, b: Point): number {
  const k = Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.hypot((a.lon - b.lon) * k, a.lat - b.lat);
}

/** The corners with `point` added in the side of the ring it lengthens least (at the end below 3). */
export function insertCorner(corners: Point[], point: Point): Point[] {
  if (corners.length < 3) return [...corners, point];
  let best = 0;
  let bestDetour = Number.POSITIVE_INFINITY;
  for (let i = 0; i < corners.length; i++) {
    const a = corners[i] as Point;
    const b = corners[(i + 1) % corners.length] as Point;
    const detour = distance(a, point) + distance(point, b) - distance(a, b);
    if (detour < bestDetour) {
      bestDetour = detour;
      best = i;
    }
  }
  return [...corners.slice(0, best + 1), point, ...corners.slice(best + 1)];
}

export function moveCorner(corners: Point[], index: number, point: Point): Point[] {
  return corners.map((corner, i) => (i === index ? point : corner));
}

/** Without corner `index`; a shape keeps at least 3 corners, so below 4 nothing is removed. */
export function removeCorner(corners: Point[], index: number): Point[] {
  return corners.length <= 3 ? corners : corners.filter((_, i) => i !== index);
}
