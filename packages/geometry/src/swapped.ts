// Files written as [lat, lon] instead of RFC 7946's [lon, lat] are a common mistake of
// hand-made exports. Refusing a good file is worse than letting the check pass, so this only
// answers true when the evidence is plain.
import type { BBox, Position } from './types.ts';

function inside(box: BBox, lon: number, lat: number): boolean {
  return box[0] <= lon && lon <= box[2] && box[1] <= lat && lat <= box[3];
}

/** The box grown by a tenth of its size each way (at least 0.01°, about a kilometre). */
function grown(box: BBox): BBox {
  const marginLon = Math.max(0.01, (box[2] - box[0]) / 10);
  const marginLat = Math.max(0.01, (box[3] - box[1]) / 10);
  return [box[0] - marginLon, box[1] - marginLat, box[2] + marginLon, box[3] + marginLat];
}

/**
 * Whether the positions look like [lat, lon]. With an expected box (e.g. the workspace's
 * settlement boundary, grown a little): every swapped position falls inside it while none as
 * given does. Without one: every position would be valid swapped, and some is not as given
 * (a latitude beyond ±90).
 */
export function looksSwapped(positions: readonly Position[], expectedBbox?: BBox): boolean {
  if (positions.length === 0) return false;
  if (expectedBbox) {
    const box = grown(expectedBbox);
    return (
      positions.every(([lon, lat]) => inside(box, lat, lon)) &&
      positions.every(([lon, lat]) => !inside(box, lon, lat))
    );
  }
  const validSwapped = positions.every(([lon, lat]) => Math.abs(lon) <= 90 && Math.abs(lat) <= 180);
  return validSwapped && positions.some(([, lat]) => Math.abs(lat) > 90);
}
