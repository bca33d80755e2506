export { distanceMetres, MEAN_EARTH_RADIUS_METRES, metresToDegreesBox } from './distance.ts';
export {
  DEFAULT_READ_LIMITS,
  type ReadLimits,
  type ReadResult,
  readFeatureCollection,
} from './geojson-read.ts';
export { type WriteOptions, writeFeatureCollection } from './geojson-write.ts';
export {
  AREA_EARTH_RADIUS_METRES,
  areaSquareMetres,
  bbox,
  centroid,
  pointInPolygon,
  polygonSelfIntersection,
  rewindPolygon,
  ringAreaSquareMetres,
  ringSelfIntersections,
  type SegmentMeeting,
  signedRingArea,
} from './polygon.ts';
export { looksSwapped } from './swapped.ts';
export type * from './types.ts';
