// Shapes of generated settlements, worked in metres east and north of the settlement's centre and
// turned into lon/lat only at the end. A boundary is star-shaped about its centre (every vertex
// seen from the centre, in order of angle), which keeps it simple, and lets sections be slices
// of it from the centre: each slice is again simple and the slices tile the boundary exactly.
import { type Random, uniform } from './random.ts';
import type { Polygon } from './types.ts';

/** Metres east, metres north of a centre. */
export type Xy = [number, number];

export interface LonLat {
  lon: number;
  lat: number;
}

/** A boundary: its vertices counterclockwise and the angle (0 to 2π) of each from the centre. */
export interface Outline {
  ring: Xy[];
  angles: number[];
}

/**
 * A slice of an outline: the polygon is apex + chain when `closed` is false (a section of a
 * settlement with several), or the chain alone around the apex when true (the whole settlement).
 */
export interface Fan {
  apex: Xy;
  chain: Xy[];
  closed: boolean;
}

const metresPerDegree = 111_320;

export function toLonLat(centre: LonLat, [x, y]: Xy): [number, number] {
  const east = metresPerDegree * Math.cos((centre.lat * Math.PI) / 180);
  return [centre.lon + x / east, centre.lat + y / metresPerDegree];
}

/** The signed area (positive when counterclockwise) of an open ring. */
export function signedArea(ring: readonly Xy[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i] as Xy;
    const [x2, y2] = ring[(i + 1) % ring.length] as Xy;
    sum += x1 * y2 - x2 * y1;
  }
  return sum / 2;
}

/**
 * A blob of the given area: 10–17 vertices at jittered angles, radii from two random harmonics
 * and a little noise (an elongated, dented outline, as settlements squeezed between roads,
 * wetlands and railway lines are), scaled to the area exactly.
 */
export function blob(random: Random, areaM2: number): Outline {
  const count = 10 + Math.floor(random() * 8);
  const [a2, a3] = [uniform(random, 0.05, 0.25), uniform(random, 0, 0.15)];
  const [p2, p3] = [uniform(random, 0, 2 * Math.PI), uniform(random, 0, 2 * Math.PI)];
  const angles: number[] = [];
  const radii: number[] = [];
  for (let k = 0; k < count; k++) {
    const angle = ((k + 0.5 + uniform(random, -0.35, 0.35)) * 2 * Math.PI) / count;
    const wave = a2 * Math.sin(2 * angle + p2) + a3 * Math.sin(3 * angle + p3);
    angles.push(angle);
    radii.push(Math.min(1.4, Math.max(0.6, 1 + wave + uniform(random, -0.08, 0.08))));
  }
  const unit = angles.map(
    (angle, k): Xy => [(radii[k] as number) * Math.cos(angle), (radii[k] as number) * Math.sin(angle)],
  );
  const scale = Math.sqrt(areaM2 / signedArea(unit));
  return { ring: unit.map(([x, y]): Xy => [x * scale, y * scale]), angles };
}

/** Where the ray from the centre at `angle` leaves the outline. */
function exitPoint(outline: Outline, angle: number): Xy {
  const { ring, angles } = outline;
  const n = ring.length;
  // The edge from the last vertex below the angle to the next (wrapping round 2π).
  let k = n - 1;
  for (let i = 0; i < n; i++) if ((angles[i] as number) <= angle) k = i;
  const a = ring[k] as Xy;
  const b = ring[(k + 1) % n] as Xy;
  const d: Xy = [Math.cos(angle), Math.sin(angle)];
  const edge: Xy = [b[0] - a[0], b[1] - a[1]];
  const t = (a[0] * d[1] - a[1] * d[0]) / (d[0] * edge[1] - d[1] * edge[0]);
  return [a[0] + t * edge[0], a[1] + t * edge[1]];
}

/** The outline cut into `count` slices from its centre at jittered, roughly equal angles, in angle order. */
export function slices(random: Random, outline: Outline, count: number): Fan[] {
  if (count <= 1) return [{ apex: [0, 0], chain: outline.ring, closed: true }];
  const turn = uniform(random, 0, 2 * Math.PI);
  const cuts = Array.from({ length: count }, (_, j) => {
    const angle = turn + ((j + uniform(random, -0.3, 0.3)) * 2 * Math.PI) / count;
    return ((angle % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  }).sort((a, b) => a - b);
  return cuts.map((from, j) => {
    const to = j + 1 < count ? (cuts[j + 1] as number) : (cuts[0] as number) + 2 * Math.PI;
    const inside: Array<[number, Xy]> = [];
    outline.angles.forEach((angle, k) => {
      for (const turned of [angle, angle + 2 * Math.PI])
        if (turned > from && turned < to) inside.push([turned, outline.ring[k] as Xy]);
    });
    inside.sort((a, b) => a[0] - b[0]);
    const chain = [
      exitPoint(outline, from),
      ...inside.map(([, xy]) => xy),
      exitPoint(outline, to % (2 * Math.PI)),
    ];
    return { apex: [0, 0], chain, closed: false };
  });
}

export function fanRing(fan: Fan): Xy[] {
  return fan.closed ? fan.chain : [fan.apex, ...fan.chain];
}

export function fanArea(fan: Fan): number {
  return signedArea(fanRing(fan));
}

/** GeoJSON polygon of an open ring in metres: lon/lat, closed (last = first). */
export function polygon(centre: LonLat, ring: readonly Xy[]): Polygon {
  const points = ring.map((xy) => toLonLat(centre, xy));
  return { type: 'Polygon', coordinates: [[...points, points[0] as [number, number]]] };
}

/**
 * Uniform points strictly inside a fan: a triangle from the apex picked by area, then a point
 * of it kept 3 % (barycentric) away from its sides, so rounding never puts it on an edge.
 */
export function fanSampler(random: Random, fan: Fan): () => Xy {
  const n = fan.chain.length;
  const edges = fan.closed ? n : n - 1;
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < edges; i++) {
    const [bx, by] = fan.chain[i] as Xy;
    const [cx, cy] = fan.chain[(i + 1) % n] as Xy;
    total += Math.abs((bx - fan.apex[0]) * (cy - fan.apex[1]) - (cx - fan.apex[0]) * (by - fan.apex[1])) / 2;
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = edges - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] as number) < target) low = mid + 1;
      else high = mid;
    }
    const b = fan.chain[low] as Xy;
    const c = fan.chain[(low + 1) % n] as Xy;
    let [u, v] = [random(), random()];
    if (u + v > 1) [u, v] = [1 - u, 1 - v];
    const margin = 0.03;
    const [wb, wc] = [margin + (1 - 3 * margin) * u, margin + (1 - 3 * margin) * v];
    const wa = 1 - wb - wc;
    return [wa * fan.apex[0] + wb * b[0] + wc * c[0], wa * fan.apex[1] + wb * b[1] + wc * c[1]];
  };
}

export function boundsOf(shape: Polygon): { minLon: number; minLat: number; maxLon: number; maxLat: number } {
  const ring = shape.coordinates[0] ?? [];
  const lons = ring.map(([lon]) => lon);
  const lats = ring.map(([, lat]) => lat);
  return {
    minLon: Math.min(...lons),
    minLat: Math.min(...lats),
    maxLon: Math.max(...lons),
    maxLat: Math.max(...lats),
  };
}

/** Radius of the circle round the centre that holds the whole outline. */
export function reach(outline: Outline): number {
  return Math.max(...outline.ring.map(([x, y]) => Math.hypot(x, y)));
}
