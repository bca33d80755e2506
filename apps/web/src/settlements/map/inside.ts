// Which section a tapped point lies in, so placing a structure proposes its section (the same
// point-in-polygon as the server's, from @coproduce/geometry).
import type { Point, Section } from '@coproduce/contract';
import { type MultiPolygon, type Polygon, pointInPolygon } from '@coproduce/geometry';

export function sectionAt(sections: Section[], point: Point): Section | null {
  return (
    sections.find(
      (section) =>
        section.boundary &&
        pointInPolygon([point.lon, point.lat], section.boundary as Polygon | MultiPolygon),
    ) ?? null
  );
}
