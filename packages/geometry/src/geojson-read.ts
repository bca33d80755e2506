// Reading an uploaded GeoJSON file (RFC 7946) into checked features. Every problem is located
// (`features/3/geometry/coordinates/0/5`) so the person uploading can find and mend it; a
// feature with any problem is left out, the others are returned.
import { type GeometryLimits, readGeometry } from './geojson-geometry.ts';
import { join, ProblemList } from './problems.ts';
import type { BBox, Feature, GeometryProblem } from './types.ts';

export interface ReadLimits {
  /** Positions in one feature's geometry; 20,000 by default. */
  maxVerticesPerFeature?: number;
  /** Features in one file; 100,000 by default. */
  maxFeatures?: number;
  /** Area of each polygon; 100 km² by default: a settlement is never bigger. */
  maxAreaSquareMetres?: number;
  /** Problems kept; 100 by default (the rest are only counted). */
  maxProblems?: number;
  /** Where the shapes should be (e.g. the settlement's boundary): sharpens the swapped check. */
  expectedBbox?: BBox;
}

export interface ReadResult {
  features: Feature[];
  /** Where each returned feature stood in the input's `features` (0 for a lone Feature or geometry). */
  indexes: number[];
  problems: GeometryProblem[];
  /** Problems found beyond `maxProblems`, not listed. */
  problemsLeftOut: number;
}

export const DEFAULT_READ_LIMITS = {
  maxVerticesPerFeature: 20_000,
  maxFeatures: 100_000,
  maxAreaSquareMetres: 100_000_000,
  maxProblems: 100,
} as const;

const GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
];

// Names GeoJSON 2008 files used for plain WGS 84 longitude/latitude, which RFC 7946 assumes.
const WGS84_NAMES = new Set([
  'urn:ogc:def:crs:ogc:1.3:crs84',
  'urn:ogc:def:crs:ogc::crs84',
  'http://www.opengis.net/def/crs/ogc/1.3/crs84',
  'crs84',
  'epsg:4326',
  'urn:ogc:def:crs:epsg::4326',
  'urn:ogc:def:crs:epsg:6.6:4326',
  'http://www.opengis.net/def/crs/epsg/0/4326',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether an object's `crs` member, if any, names WGS 84 longitude/latitude. */
function crsAccepted(object: Record<string, unknown>): boolean {
  const crs = object.crs;
  if (crs === undefined || crs === null) return true;
  if (!isObject(crs) || !isObject(crs.properties)) return false;
  const { name, code } = crs.properties;
  if (crs.type === 'name' && typeof name === 'string') return WGS84_NAMES.has(name.trim().toLowerCase());
  if (crs.type === 'EPSG') return code === 4326 || code === '4326';
  return false;
}

function checkCrs(object: Record<string, unknown>, path: string, problems: ProblemList): boolean {
  if (crsAccepted(object)) return true;
  problems.add(
    'geojson.crs_unsupported',
    join(path, 'crs'),
    'the file names a coordinate system other than WGS 84 longitude/latitude (CRS84, EPSG:4326); ' +
      'export it again as GeoJSON in WGS 84',
  );
  return false;
}

function readFeature(
  value: unknown,
  path: string,
  problems: ProblemList,
  limits: GeometryLimits,
): Feature | null {
  if (!isObject(value) || value.type !== 'Feature') {
    problems.add('geojson.not_geojson', path, 'each member of "features" must be a Feature');
    return null;
  }
  const before = problems.found;
  checkCrs(value, path, problems);
  const { properties, id } = value;
  if (properties !== undefined && properties !== null && !isObject(properties)) {
    problems.add('geojson.not_geojson', join(path, 'properties'), '"properties" must be an object or null');
  }
  if (id !== undefined && typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) {
    problems.add('geojson.not_geojson', join(path, 'id'), '"id" must be a string or a number');
  }
  const geometry = readGeometry(value.geometry, join(path, 'geometry'), problems, limits);
  if (!geometry || problems.found > before) return null;
  const feature: Feature = { geometry, properties: isObject(properties) ? { ...properties } : {} };
  if (id !== undefined) feature.id = id as string | number;
  return feature;
}

function parse(input: unknown, problems: ProblemList): { ok: true; value: unknown } | { ok: false } {
  if (typeof input !== 'string') return { ok: true, value: input };
  try {
    return { ok: true, value: JSON.parse(input) };
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : '';
    problems.add('geojson.not_json', '', `the file is not JSON${detail}`);
    return { ok: false };
  }
}

/**
 * Reads a FeatureCollection, a single Feature or a bare geometry (given as parsed JSON or as
 * text) into Point, Polygon and MultiPolygon features. Altitudes are dropped, repeated
 * consecutive positions merged, and polygons rewound to the right-hand rule.
 */
export function readFeatureCollection(input: unknown, limits: ReadLimits = {}): ReadResult {
  const all = { ...DEFAULT_READ_LIMITS, ...limits };
  const problems = new ProblemList(all.maxProblems);
  const features: Feature[] = [];
  const indexes: number[] = [];
  const result = (): ReadResult => ({
    features,
    indexes,
    problems: problems.items,
    problemsLeftOut: problems.leftOut,
  });
  const parsed = parse(input, problems);
  if (!parsed.ok) return result();
  const root = parsed.value;
  if (!isObject(root) || typeof root.type !== 'string') {
    problems.add('geojson.not_geojson', '', 'GeoJSON is an object with a "type", such as FeatureCollection');
    return result();
  }
  if (!checkCrs(root, '', problems)) return result();
  const geometryLimits: GeometryLimits = all;
  if (root.type === 'FeatureCollection') {
    const list = root.features;
    if (!Array.isArray(list)) {
      problems.add('geojson.not_geojson', 'features', 'a FeatureCollection needs a "features" array');
      return result();
    }
    if (list.length > all.maxFeatures) {
      problems.add(
        'geojson.too_many_features',
        'features',
        `the file has ${list.length} features, more than the ${all.maxFeatures} allowed`,
      );
      return result();
    }
    list.forEach((value, index) => {
      const feature = readFeature(value, join('features', index), problems, geometryLimits);
      if (feature) {
        features.push(feature);
        indexes.push(index);
      }
    });
  } else if (root.type === 'Feature') {
    const feature = readFeature(root, '', problems, geometryLimits);
    if (feature) {
      features.push(feature);
      indexes.push(0);
    }
  } else if (GEOMETRY_TYPES.includes(root.type)) {
    const geometry = readGeometry(root, '', problems, geometryLimits);
    if (geometry) {
      features.push({ geometry, properties: {} });
      indexes.push(0);
    }
  } else {
    problems.add('geojson.not_geojson', 'type', `"${root.type}" is not a GeoJSON type`);
  }
  return result();
}
