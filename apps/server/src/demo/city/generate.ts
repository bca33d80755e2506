// A whole synthetic city of informal settlements, for `coproduce demo --settlements N
// --structures M --seed S` and for benchmarks: pure and deterministic (same options, same
// records), one settlement at a time so that Cape Town's scale (≈ 800 settlements, ≈ 270,000
// structures, research §8) never has to sit in memory at once.
import { blob, type LonLat } from './geometry.ts';
import { capeTown, planCity, type SettlementPlan, structuresPerHa } from './plan.ts';
import { deriveSeed, seeded } from './random.ts';
import { type CityOptions, generateSettlement } from './settlement.ts';
import type { CitySettlementBundle } from './types.ts';

export interface CityRequest {
  settlements: number;
  /** All settlements' structures together: met exactly. */
  structures: number;
  seed: number;
  /** Where the settlements are put round; Cape Town's Cape Flats unless given. */
  centre?: LonLat;
  municipality?: string;
  /** The day the data describes (rounds started before it); 1 November 2026 unless given. */
  asOf?: Date;
}

const defaultAsOf = new Date('2026-11-01T00:00:00Z');

function optionsOf(request: { seed: number; municipality?: string; asOf?: Date }): CityOptions {
  return {
    seed: request.seed,
    municipality: request.municipality ?? 'City of Cape Town',
    asOf: request.asOf ?? defaultAsOf,
  };
}

/** The city's settlements, one bundle each, in order; nothing is made before it is asked for. */
export function* generateCity(request: CityRequest): Generator<CitySettlementBundle, void, undefined> {
  const plans = planCity(request);
  const options = optionsOf(request);
  for (const plan of plans) yield generateSettlement(plan, options);
}

/**
 * The demo settlement for `npm start`, named after the seed brief's case: Sonop, where residents
 * and CORC made a profile and an enumeration in 2019 to negotiate water and sanitation. The brief
 * gives no numbers or place (the domain research found no data on Sonop), so everything here but
 * the name is generated: about 300 structures, put at the centre given (Cape Town's Cape Flats unless).
 */
export function sonopDemo(seed: number, centre: LonLat = capeTown): CitySettlementBundle {
  const random = seeded(deriveSeed(seed, 0x50909));
  const structures = 290 + Math.floor(random() * 21);
  const plan: SettlementPlan = {
    index: 0,
    seed: deriveSeed(seed, 0, 2),
    name: 'Sonop',
    structures,
    centre,
    outline: blob(random, (structures / structuresPerHa) * 10_000),
  };
  // Ids from a seed of its own, so they never meet those of generateCity's first settlement.
  const bundle = generateSettlement(plan, {
    ...optionsOf({ seed: deriveSeed(seed, 0x50909) }),
    // Where Sonop lies is not in the brief: no real municipality is claimed for it.
    municipality: 'Demo municipality',
  });
  bundle.settlement.aliases = ['Sonop Informal Settlement'];
  return bundle;
}
