// A settlement's taps, toilets, skips and lights and what monitors saw at them. Counts follow
// Cape Town's city-wide ratios (research §8: ≈ 4.5 households per toilet, ≈ 34 per tap), each
// settlement a little better or worse; 70–90 % work on the latest visit, more on earlier ones
// (things break between repairs).
import { bernoulli, integer, pick, type Random, uniform, weighted } from './random.ts';
import type { CityFacility, CityObservation, FacilityType, ToiletType } from './types.ts';

const day = 86_400_000;

export interface Place {
  sectionId: string;
  /** Structures in the section, so facilities are spread as people are. */
  weight: number;
  point: () => [number, number];
}

export interface FacilityContext {
  random: Random;
  id: (kind: string, ...position: number[]) => string;
  settlementId: string;
  places: Place[];
  households: number;
  structures: number;
  asOf: Date;
}

interface Planned {
  type: FacilityType;
  toiletType: ToiletType | null;
  units: number;
}

const issuesOf: Record<FacilityType, string[]> = {
  tap: ['no_water', 'leaking', 'broken_tap', 'low_pressure'],
  standpipe: ['no_water', 'leaking', 'broken_tap', 'low_pressure'],
  toilet: ['blocked', 'broken_door', 'full', 'dirty', 'no_water'],
  toilet_block: ['blocked', 'broken_door', 'no_light', 'dirty', 'no_water'],
  skip: ['full', 'overflowing', 'burnt'],
  light: ['not_working', 'damaged'],
};

/** What the settlement has, before it is placed: toilet pans and taps as single ones or grouped. */
function inventory(random: Random, households: number, structures: number): Planned[] {
  const planned: Planned[] = [];
  let pans = Math.round(households / uniform(random, 3.9, 5.1));
  while (pans > 0) {
    if (pans >= 4 && bernoulli(random, 0.2)) {
      const units = integer(random, 4, Math.min(10, pans));
      planned.push({
        type: 'toilet_block',
        toiletType: bernoulli(random, 0.7) ? 'flush' : 'chemical',
        units,
      });
      pans -= units;
    } else {
      const toiletType = weighted(random, {
        flush: 0.35,
        portable: 0.25,
        chemical: 0.2,
        container: 0.1,
        vip: 0.06,
        pit: 0.04,
      });
      planned.push({ type: 'toilet', toiletType, units: 1 });
      pans--;
    }
  }
  let taps = Math.round(households / uniform(random, 28, 40));
  while (taps > 0) {
    const units = taps >= 2 && bernoulli(random, 0.4) ? integer(random, 2, Math.min(4, taps)) : 1;
    planned.push({ type: units > 1 ? 'standpipe' : 'tap', toiletType: null, units });
    taps -= units;
  }
  const skips = Math.max(households >= 15 ? 1 : 0, Math.round(households / 150));
  const lights = Math.max(structures >= 100 ? 1 : 0, Math.round(structures / 250));
  for (let i = 0; i < skips; i++) planned.push({ type: 'skip', toiletType: null, units: 1 });
  for (let i = 0; i < lights; i++) planned.push({ type: 'light', toiletType: null, units: 1 });
  return planned;
}

function placeOf(random: Random, places: Place[]): Place {
  const total = places.reduce((sum, place) => sum + place.weight, 0);
  let left = random() * total;
  for (const place of places) {
    left -= place.weight;
    if (left < 0) return place;
  }
  return places[places.length - 1] as Place;
}

export function facilitiesOf(context: FacilityContext): {
  facilities: CityFacility[];
  observations: CityObservation[];
} {
  const { random, id } = context;
  const working = uniform(random, 0.72, 0.88);
  const facilities: CityFacility[] = [];
  const observations: CityObservation[] = [];
  inventory(random, context.households, context.structures).forEach((planned, index) => {
    const place = placeOf(random, context.places);
    const [lon, lat] = place.point();
    const toilet = planned.type === 'toilet' || planned.type === 'toilet_block';
    const functional = bernoulli(random, working);
    const facilityId = id('facility', index);
    const visits = integer(random, 1, 3);
    // The latest visit 1–7 days before the data's date in working hours (08:00–17:00 South African
    // time, 06:00–15:00 UTC), earlier ones a week apart.
    const latest =
      context.asOf.getTime() - integer(random, 1, 7) * day + integer(random, 6 * 60, 15 * 60) * 60_000;
    for (let visit = 0; visit < visits; visit++) {
      const at = new Date(latest - (visits - 1 - visit) * 7 * day);
      const works = visit === visits - 1 ? functional : bernoulli(random, 0.92);
      const issues = works
        ? bernoulli(random, 0.15)
          ? [pick(random, issuesOf[planned.type])]
          : []
        : [...new Set([pick(random, issuesOf[planned.type]), pick(random, issuesOf[planned.type])])];
      observations.push({
        id: id('observation', index, visit),
        facilityId,
        observedAt: at.toISOString(),
        observerRole: weighted(random, { resident_monitor: 0.7, enumerator: 0.2, coordinator: 0.1 }),
        functional: works,
        cleanedLast7d: toilet ? bernoulli(random, 0.6) : null,
        issues,
        photoName: null,
      });
    }
    const contractor =
      planned.toiletType === 'chemical' ||
      planned.toiletType === 'portable' ||
      planned.toiletType === 'container';
    facilities.push({
      id: facilityId,
      settlementId: context.settlementId,
      sectionId: place.sectionId,
      type: planned.type,
      toiletType: planned.toiletType,
      lon,
      lat,
      units: planned.units,
      accessible: bernoulli(random, planned.type === 'toilet_block' ? 0.5 : toilet ? 0.1 : 0.3),
      sexDesignation:
        planned.type === 'toilet_block' ? weighted(random, { any: 0.4, female: 0.3, male: 0.3 }) : 'any',
      provider:
        contractor && bernoulli(random, 0.8)
          ? 'contractor'
          : weighted(random, { municipality: 0.9, ngo: 0.05, community: 0.05 }),
      functional,
      observedAt: observations[observations.length - 1]?.observedAt as string,
    });
  });
  return { facilities, observations };
}
