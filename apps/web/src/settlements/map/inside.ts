// Which section a tapped point lies in, so placing a structure proposes its section. Ray casting
// on GeoJSON rings in lon/lat: enough at the scale of a settlement; the server keeps the record.
import type { Boundary, Point, Section } from '@coproduce/contract';

type Ring = [number, number][];

function inRing(point: Point, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > point.lat !== yj > point.lat && point.lon < ((xj - xi) * (point.lat - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole, of any of its polygons. */
export function contains(boundary: Boundary, point: Point): boolean {
  const polygons = (boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates) as Ring[][];
  return polygons.some(
    (rings) =>
      rings.length > 0 &&
      inRing(point, rings[0] as Ring) &&
      !rings.slice(1).some((hole) => inRing(point, hole)),
  );
}

export function sectionAt(sections: Section[], point: Point): Section | null {
  return sections.find((section) => section.boundary && contains(section.boundary, point)) ?? null;
}
