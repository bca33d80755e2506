// Finding where the segments of closed rings meet, without testing every pair: segments are
// dropped into the cells of a uniform grid that their bounding boxes cover, and only segments
// sharing a cell are compared. Two segments that meet share the cell of their meeting point, so
// nothing is missed; for a simple ring of n short edges each cell holds a handful, about O(n).
import type { Position } from './types.ts';

/** Where segment `segment` of ring `ring` meets segment `otherSegment` of ring `otherRing`. */
export interface SegmentMeeting {
  ring: number;
  segment: number;
  otherRing: number;
  otherSegment: number;
}

/** > 0 when c lies left of a→b, < 0 right of it, 0 on its line. */
export function orientation(a: Position, b: Position, c: Position): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

function within(a: Position, b: Position, p: Position): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/** Whether p lies on the segment a–b, ends included. */
export function onSegment(a: Position, b: Position, p: Position): boolean {
  return orientation(a, b, p) === 0 && within(a, b, p);
}

/** Whether segments a–b and c–d have any point in common (touching counts). */
export function segmentsMeet(a: Position, b: Position, c: Position, d: Position): boolean {
  const d1 = orientation(c, d, a);
  const d2 = orientation(c, d, b);
  const d3 = orientation(a, b, c);
  const d4 = orientation(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && within(c, d, a)) ||
    (d2 === 0 && within(c, d, b)) ||
    (d3 === 0 && within(a, b, c)) ||
    (d4 === 0 && within(a, b, d))
  );
}

/**
 * Two consecutive edges a→v, v→c always share v; they only fault when the ring folds back on
 * itself along one line (a spike), so that they share more than v.
 */
export function consecutiveEdgesOverlap(a: Position, v: Position, c: Position): boolean {
  if (orientation(a, v, c) !== 0) return false;
  return (a[0] - v[0]) * (c[0] - v[0]) + (a[1] - v[1]) * (c[1] - v[1]) > 0;
}

/** Whether edges i and j (i < j) of a ring with `edges` edges follow each other around it. */
function consecutive(i: number, j: number, edges: number): boolean {
  return j === i + 1 || (i === 0 && j === edges - 1 && edges > 2);
}

/**
 * Every place where the closed rings meet themselves or each other, or only the first `limit`.
 * Edge k of a ring runs from position k to position k + 1. Consecutive edges of one ring count
 * only when they overlap; edges of different rings count whenever they touch.
 */
export function findSegmentMeetings(rings: Position[][], limit = Number.POSITIVE_INFINITY): SegmentMeeting[] {
  const ringOf: number[] = [];
  const edgeOf: number[] = [];
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  rings.forEach((ring, r) => {
    for (let k = 0; k + 1 < ring.length; k++) {
      ringOf.push(r);
      edgeOf.push(k);
    }
    for (const [x, y] of ring) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  });
  const total = ringOf.length;
  const found: SegmentMeeting[] = [];
  if (total < 2 || limit <= 0) return found;

  // About one edge per cell for a ring of short edges; never more than total cells.
  const side = Math.max(1, Math.ceil(Math.sqrt(total)));
  const width = (maxX - minX) / side || 1;
  const height = (maxY - minY) / side || 1;
  const column = (x: number) => Math.min(side - 1, Math.floor((x - minX) / width));
  const row = (y: number) => Math.min(side - 1, Math.floor((y - minY) / height));
  const cells = new Map<number, number[]>();
  const lastCompared = new Int32Array(total).fill(-1);

  for (let s = 0; s < total; s++) {
    const r = ringOf[s]!;
    const k = edgeOf[s]!;
    const ring = rings[r]!;
    const a = ring[k]!;
    const b = ring[k + 1]!;
    const edges = ring.length - 1;
    const c0 = column(Math.min(a[0], b[0]));
    const c1 = column(Math.max(a[0], b[0]));
    const r0 = row(Math.min(a[1], b[1]));
    const r1 = row(Math.max(a[1], b[1]));
    const meetings: SegmentMeeting[] = [];
    for (let cy = r0; cy <= r1; cy++) {
      for (let cx = c0; cx <= c1; cx++) {
        const key = cy * side + cx;
        let cell = cells.get(key);
        if (!cell) {
          cell = [];
          cells.set(key, cell);
        }
        for (const t of cell) {
          if (lastCompared[t] === s) continue;
          lastCompared[t] = s;
          const otherRing = ringOf[t]!;
          const otherEdge = edgeOf[t]!;
          const other = rings[otherRing]!;
          const c = other[otherEdge]!;
          const d = other[otherEdge + 1]!;
          let meet: boolean;
          if (otherRing === r && consecutive(otherEdge, k, edges)) {
            // Either c→d then a→b (sharing a), or a→b closes the ring onto c→d (sharing c).
            meet = otherEdge + 1 === k ? consecutiveEdgesOverlap(c, a, b) : consecutiveEdgesOverlap(a, c, d);
          } else {
            meet = segmentsMeet(a, b, c, d);
          }
          if (meet) meetings.push({ ring: otherRing, segment: otherEdge, otherRing: r, otherSegment: k });
        }
        cell.push(s);
      }
    }
    meetings.sort((x, y) => x.ring - y.ring || x.segment - y.segment);
    for (const meeting of meetings) {
      found.push(meeting);
      if (found.length >= limit) return found;
    }
  }
  return found;
}
