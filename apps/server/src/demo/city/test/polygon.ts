// Plane geometry written independently of geometry.ts, to check what it makes.
export type Point = readonly [number, number];

/** Ray casting: is the point strictly inside the closed ring (last point = first)? */
export function inside(point: Point, ring: readonly Point[]): boolean {
  const [x, y] = point;
  let crossings = 0;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i] as Point;
    const [xj, yj] = ring[j] as Point;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) crossings++;
  }
  return crossings % 2 === 1;
}

/** Distance from a point to the nearest side of the closed ring. */
export function distanceToEdge(point: Point, ring: readonly Point[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < ring.length - 1; i++) {
    const [ax, ay] = ring[i] as Point;
    const [bx, by] = ring[i + 1] as Point;
    const [dx, dy] = [bx - ax, by - ay];
    const t = Math.max(
      0,
      Math.min(1, ((point[0] - ax) * dx + (point[1] - ay) * dy) / (dx * dx + dy * dy || 1)),
    );
    best = Math.min(best, Math.hypot(point[0] - ax - t * dx, point[1] - ay - t * dy));
  }
  return best;
}

/** Shoelace over a closed ring: positive when counterclockwise. */
export function area(ring: readonly Point[]): number {
  // Relative to the first point: lon/lat far from 0 would lose digits to cancellation.
  const [x0, y0] = ring[0] as Point;
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [ax, ay] = ring[i] as Point;
    const [bx, by] = ring[i + 1] as Point;
    sum += (ax - x0) * (by - y0) - (bx - x0) * (ay - y0);
  }
  return sum / 2;
}

function cross(o: Point, a: Point, b: Point): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Proper or touching intersection of two segments. */
function meet(a: Point, b: Point, c: Point, d: Point): boolean {
  const [d1, d2, d3, d4] = [cross(c, d, a), cross(c, d, b), cross(a, b, c), cross(a, b, d)];
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return false;
}

/** No two sides that are not neighbours cross, and no point repeats (closed ring). */
export function simple(ring: readonly Point[]): boolean {
  const n = ring.length - 1;
  const seen = new Set(ring.slice(0, n).map((p) => `${p[0]},${p[1]}`));
  if (seen.size !== n) return false;
  for (let i = 0; i < n; i++)
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue;
      if (meet(ring[i] as Point, ring[i + 1] as Point, ring[j] as Point, ring[j + 1] as Point)) return false;
    }
  return true;
}
