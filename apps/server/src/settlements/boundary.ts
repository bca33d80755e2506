import type { Boundary, Point } from '@coproduce/contract';
import { areaSquareMetres, bbox, pointInPolygon, readFeatureCollection } from '@coproduce/geometry';
import { AppError } from '../errors.ts';
import type { BoundaryColumns } from './content.ts';

type Shape = BoundaryColumns & { area_ha: number | null };
const none: Shape = {
  boundary: null,
  min_lon: null,
  min_lat: null,
  max_lon: null,
  max_lat: null,
  area_ha: null,
};

/**
 * A drawn boundary checked in depth (rings closed, not crossing themselves, in range, not
 * enormous) and stored with its box and area; every problem is named with where it is.
 */
export function boundaryColumns(boundary: Boundary | null, path: string): Shape {
  if (!boundary) return none;
  const { features, problems } = readFeatureCollection(boundary);
  const geometry = features[0]?.geometry;
  if (problems.length > 0 || !geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon'))
    throw new AppError(
      'settlement.boundary_invalid',
      400,
      problems[0]?.message ?? 'The boundary must be a Polygon or MultiPolygon.',
      problems.map((p) => ({
        path: `${path}/${p.path.replace(/^features\/0\/geometry\/?/, '')}`,
        message: p.message,
        code: p.code,
      })),
    );
  const [minLon, minLat, maxLon, maxLat] = bbox(geometry);
  return {
    boundary: JSON.stringify(geometry),
    min_lon: minLon,
    min_lat: minLat,
    max_lon: maxLon,
    max_lat: maxLat,
    area_ha: Math.round(areaSquareMetres(geometry) / 100) / 100,
  };
}

/** Whether a point lies inside a stored boundary (no boundary yet: nothing to be outside of). */
export function insideBoundary(boundary: string | null, point: Point): boolean {
  if (!boundary) return true;
  return pointInPolygon([point.lon, point.lat], JSON.parse(boundary));
}
