// The geometry shapes Coproduce keeps: settlements, sections and structures are polygons,
// facilities are points. Only RFC 7946 longitude/latitude (WGS 84) is ever stored.

/** [longitude, latitude] in degrees; altitude is dropped on read. */
export type Position = [lon: number, lat: number];

/** [west, south, east, north] in degrees. */
export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export interface Point {
  type: 'Point';
  coordinates: Position;
}

/** Rings are closed (first position repeated last): the exterior first, then the holes. */
export interface Polygon {
  type: 'Polygon';
  coordinates: Position[][];
}

export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}

export type Geometry = Point | Polygon | MultiPolygon;

export interface Feature<G extends Geometry = Geometry> {
  geometry: G;
  properties: Record<string, unknown>;
  id?: string | number;
}

export type GeometryProblemCode =
  | 'geojson.not_json'
  | 'geojson.not_geojson'
  | 'geojson.crs_unsupported'
  | 'geojson.geometry_unsupported'
  | 'geojson.position_invalid'
  | 'geojson.position_out_of_range'
  | 'geojson.ring_too_short'
  | 'geojson.ring_not_closed'
  | 'geojson.self_intersection'
  | 'geojson.too_many_vertices'
  | 'geojson.too_many_features'
  | 'geojson.area_too_large'
  | 'geojson.coordinates_swapped';

/**
 * One thing wrong with an uploaded file. `path` is where, as JSON-pointer-like steps without the
 * leading slash, e.g. `features/3/geometry/coordinates/0/5`; the empty string is the whole file.
 */
export interface GeometryProblem {
  code: GeometryProblemCode;
  path: string;
  message: string;
}
