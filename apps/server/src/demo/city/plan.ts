// The city as a whole, worked out before any settlement is generated: how many structures each
// settlement has, its name, its outline and where it lies. Only this plan (a few numbers and a
// ring per settlement) is kept; the settlements themselves are made one at a time from it.
import { blob, type LonLat, type Outline, reach } from './geometry.ts';
import { settlementNames } from './names.ts';
import { apportion, deriveSeed, lognormal, type Random, seeded, uniform } from './random.ts';

/**
 * Structures per hectare inside a settlement's boundary, paths and open ground included. Nairobi's
 * ≈ 250 units/ha (research §8) are multi-room tenements of one room per family; Cape Town's
 * shacks are single-storey and free-standing, with yards and the fire breaks the City asks for,
 * so we take 150/ha (an assumption: 67 m² of ground for a ≈ 18 m² shack).
 */
export const structuresPerHa = 150;

/** Cape Town's informal settlements lie on the Cape Flats and round them (research §8). */
export const capeTown: LonLat = { lon: 18.6, lat: -33.93 };
/** Half the width (degrees of longitude) and height (of latitude) of the area settlements are put in. */
const halfSpan = { lon: 0.2, lat: 0.12 };
/** Least ground (metres) between two settlements' outlines. */
const gap = 40;

export interface SettlementPlan {
  index: number;
  seed: number;
  name: string;
  structures: number;
  centre: LonLat;
  outline: Outline;
}

/**
 * Settlement sizes: lognormal with σ = 1.1 (Cape Town's 806 settlements average ≈ 335 structures,
 * from a handful to a few thousand; σ = 1.1 gives a median ≈ 185 and a largest of 800 ≈ 6,000),
 * scaled to `total` exactly, each at least 1.
 */
export function settlementSizes(random: Random, count: number, total: number): number[] {
  const weights = Array.from({ length: count }, () => lognormal(random, 0, 1.1));
  return apportion(weights, total);
}

/**
 * Places outlines round `centre` without overlap, largest first: random spots are tried against
 * the circles already placed; when a hundred fail the area grows by a tenth (a huge city on a small
 * area spreads out rather than looping for ever).
 */
function place(random: Random, centre: LonLat, radii: number[]): LonLat[] {
  const metresPerLat = 111_320;
  const metresPerLon = metresPerLat * Math.cos((centre.lat * Math.PI) / 180);
  const order = radii.map((r, i) => [r, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const placed: Array<{ x: number; y: number; r: number }> = [];
  const spots: LonLat[] = new Array(radii.length);
  let [halfX, halfY] = [halfSpan.lon * metresPerLon, halfSpan.lat * metresPerLat];
  for (const [r, i] of order) {
    for (let attempt = 1; ; attempt++) {
      const x = uniform(random, -halfX + r, halfX - r);
      const y = uniform(random, -halfY + r, halfY - r);
      if (placed.every((p) => Math.hypot(p.x - x, p.y - y) >= p.r + r + gap)) {
        placed.push({ x, y, r });
        spots[i] = { lon: centre.lon + x / metresPerLon, lat: centre.lat + y / metresPerLat };
        break;
      }
      if (attempt % 100 === 0) [halfX, halfY] = [halfX * 1.1, halfY * 1.1];
    }
  }
  return spots;
}

export function planCity(options: {
  settlements: number;
  structures: number;
  seed: number;
  centre?: LonLat;
}): SettlementPlan[] {
  const { settlements, structures, seed } = options;
  if (!Number.isInteger(settlements) || settlements < 1)
    throw new RangeError('settlements must be a whole number of at least 1');
  if (!Number.isInteger(structures) || structures < settlements)
    throw new RangeError('structures must be a whole number, at least one per settlement');
  const random = seeded(deriveSeed(seed, 0x5e771e));
  const sizes = settlementSizes(random, settlements, structures);
  const names = settlementNames(random, settlements);
  const outlines = sizes.map((size, index) =>
    blob(seeded(deriveSeed(seed, index, 1)), (size / structuresPerHa) * 10_000),
  );
  const spots = place(random, options.centre ?? capeTown, outlines.map(reach));
  return sizes.map((size, index) => ({
    index,
    seed: deriveSeed(seed, index, 2),
    name: names[index] as string,
    structures: size,
    centre: spots[index] as LonLat,
    outline: outlines[index] as Outline,
  }));
}
