// Distances on the sphere, and the box an R*Tree index is asked for before the exact distance.
import type { BBox, Position } from './types.ts';

/** The mean earth radius (IUGG), the usual one for haversine distances. */
export const MEAN_EARTH_RADIUS_METRES = 6371008.8;

const radians = (degrees: number) => (degrees * Math.PI) / 180;
const degrees = (radians: number) => (radians * 180) / Math.PI;

/** Great-circle distance in metres between two [lon, lat] positions (haversine). */
export function distanceMetres(a: Position, b: Position): number {
  const dLat = radians(b[1] - a[1]);
  const dLon = radians(b[0] - a[0]);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a[1])) * Math.cos(radians(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * MEAN_EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Rounding in the trigonometry must never make the box a hair too small: grow it a little.
const SAFETY = 1.000001;
const SAFETY_DEGREES = 1e-9;

/**
 * A [west, south, east, north] box holding every position within `metres` of `point`. The
 * widest longitude reach of a circle of angular radius δ around latitude φ is
 * asin(sin δ / cos φ); a circle reaching a pole, or across the antimeridian, gets every longitude.
 */
export function metresToDegreesBox(point: Position, metres: number): BBox {
  const [lon, lat] = point;
  const delta = Math.max(0, metres) / MEAN_EARTH_RADIUS_METRES;
  const dLat = degrees(delta) * SAFETY + SAFETY_DEGREES;
  const south = Math.max(-90, lat - dLat);
  const north = Math.min(90, lat + dLat);
  const ratio = Math.sin(Math.min(delta, Math.PI / 2)) / Math.cos(radians(lat));
  if (north >= 90 || south <= -90 || delta >= Math.PI / 2 || ratio >= 1) return [-180, south, 180, north];
  const dLon = degrees(Math.asin(ratio)) * SAFETY + SAFETY_DEGREES;
  if (lon - dLon < -180 || lon + dLon > 180) return [-180, south, 180, north];
  return [lon - dLon, south, lon + dLon, north];
}
