// Writing features as RFC 7946 text: no crs member (WGS 84 is implied), exteriors
// counterclockwise and holes clockwise, coordinates rounded to 7 decimals (about 1 cm, far
// finer than any phone's GPS), which also keeps files small.
import { bbox as geometryBbox, rewindPolygon } from './polygon.ts';
import type { BBox, Feature, Geometry, Position } from './types.ts';

export interface WriteOptions {
  /** Add a `bbox` member to the collection and to each feature. */
  bbox?: boolean;
}

const round = (n: number) => {
  const rounded = Math.round(n * 1e7) / 1e7;
  return rounded === 0 ? 0 : rounded; // never "-0"
};
const roundPosition = ([lon, lat]: Position): Position => [round(lon), round(lat)];

function written(geometry: Geometry): Geometry {
  if (geometry.type === 'Point') return { type: 'Point', coordinates: roundPosition(geometry.coordinates) };
  const roundRings = (rings: Position[][]) =>
    rewindPolygon({ type: 'Polygon', coordinates: rings.map((ring) => ring.map(roundPosition)) }).coordinates;
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: roundRings(geometry.coordinates) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(roundRings) };
}

function union(boxes: BBox[]): BBox | null {
  if (boxes.length === 0) return null;
  return boxes.reduce((a, b) => [
    Math.min(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.max(a[2], b[2]),
    Math.max(a[3], b[3]),
  ]);
}

/** The features as GeoJSON text, a FeatureCollection. */
export function writeFeatureCollection(features: readonly Feature[], options: WriteOptions = {}): string {
  const boxes: BBox[] = [];
  const out = features.map((feature) => {
    const geometry = written(feature.geometry);
    const item: Record<string, unknown> = { type: 'Feature' };
    if (feature.id !== undefined) item.id = feature.id;
    if (options.bbox) {
      const box = geometryBbox(geometry);
      boxes.push(box);
      item.bbox = box;
    }
    item.geometry = geometry;
    item.properties = feature.properties;
    return item;
  });
  const collection: Record<string, unknown> = { type: 'FeatureCollection' };
  const box = options.bbox ? union(boxes) : null;
  if (box) collection.bbox = box;
  collection.features = out;
  return JSON.stringify(collection);
}
