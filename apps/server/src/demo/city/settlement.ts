// One settlement of a planned city: its boundary and sections, numbered structures, the round
// enumerating it, the households found there with their members and consent, its facilities, and
// a few answers given twice differently. Made from its plan alone, so any settlement can be
// generated without the others.

import { facilitiesOf, type Place } from './facilities.ts';
import { fanArea, fanRing, fanSampler, type LonLat, polygon, slices, toLonLat, type Xy } from './geometry.ts';
import { cityId, pseudonym } from './ids.ts';
import { aliasesOf } from './names.ts';
import { type HouseholdContext, household, otherAnswer } from './people.ts';
import type { SettlementPlan } from './plan.ts';
import {
  apportion,
  bernoulli,
  integer,
  lognormal,
  type Random,
  seeded,
  uniform,
  weighted,
} from './random.ts';
import type { CitySettlementBundle, CityStructure, StructureUse } from './types.ts';

export interface CityOptions {
  seed: number;
  municipality: string;
  /** The date the data describes: rounds started before it, nothing happens after it. */
  asOf: Date;
}

const day = 86_400_000;
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Enkanini (≈ 2,000 households) agreed 9 sections (research §1): about √n / 4, 1 to 26. */
export function sectionCount(structures: number): number {
  return Math.min(26, Math.max(1, Math.round(Math.sqrt(structures) / 4)));
}

const round7 = (value: number) => Math.round(value * 1e7) / 1e7;

function point(centre: LonLat, xy: Xy): [number, number] {
  const [lon, lat] = toLonLat(centre, xy);
  return [round7(lon), round7(lat)];
}

function structureUse(random: Random, nonResidential: number): StructureUse {
  if (!bernoulli(random, nonResidential)) return 'residential';
  return weighted(random, {
    business: 0.25,
    spaza: 0.25,
    mixed: 0.2,
    church: 0.12,
    creche: 0.08,
    vacant: 0.1,
  });
}

function buildingOf(random: Random) {
  const rooms = Number(weighted(random, { 1: 0.45, 2: 0.35, 3: 0.15, 4: 0.05 }));
  return {
    wallMaterial: weighted(random, {
      corrugated_iron: 0.62,
      wood: 0.14,
      mixed: 0.12,
      brick_block: 0.08,
      plastic_cardboard: 0.04,
    }),
    roofMaterial: weighted(random, { corrugated_iron: 0.85, plastic: 0.06, mixed: 0.05, asbestos: 0.04 }),
    rooms,
    floorAreaM2: Math.round(rooms * lognormal(random, Math.log(9), 0.3) * 10) / 10,
  };
}

export function generateSettlement(plan: SettlementPlan, options: CityOptions): CitySettlementBundle {
  const random = seeded(plan.seed);
  const id = (kind: string, ...position: number[]) => cityId(options.seed, kind, plan.index, ...position);
  const settlementId = id('settlement');
  const fans = slices(random, plan.outline, sectionCount(plan.structures));
  const yearEstablished = integer(random, 1986, 2022);
  const settlement = {
    id: settlementId,
    name: plan.name,
    aliases: aliasesOf(random, plan.name),
    municipality: options.municipality,
    ward: `Ward ${integer(random, 1, 116)}`,
    boundary: polygon(plan.centre, plan.outline.ring),
    areaHa: Math.round(fanArea({ apex: [0, 0], chain: plan.outline.ring, closed: true }) / 100) / 100,
    landOwner: weighted(random, {
      municipal: 0.5,
      provincial: 0.15,
      private: 0.17,
      national: 0.08,
      mixed: 0.05,
      unknown: 0.05,
    }),
    yearEstablished,
    numberPrefix: fans.length === 1 ? 'A-' : '',
  };
  const sections = fans.map((fan, i) => ({
    id: id('section', i),
    settlementId,
    code: letters[i] as string,
    name: `Section ${letters[i]}`,
    boundary: polygon(plan.centre, fanRing(fan)),
  }));
  const verifying = bernoulli(random, 0.4);
  const start = new Date(
    options.asOf.getTime() - integer(random, verifying ? 45 : 10, verifying ? 90 : 40) * day,
  );
  const days = Math.round((options.asOf.getTime() - start.getTime()) / day);
  const round = {
    id: id('round'),
    settlementId,
    name: `${plan.name} enumeration ${start.getUTCFullYear()}`,
    status: verifying ? ('verifying' as const) : ('enumerating' as const),
    startDate: start.toISOString().slice(0, 10),
    endDate: verifying
      ? new Date(start.getTime() + Math.round(days * 0.6) * day).toISOString().slice(0, 10)
      : null,
  };
  const bundle: CitySettlementBundle = {
    index: plan.index,
    settlement,
    sections,
    structures: [],
    facilities: [],
    observations: [],
    rounds: [round],
    households: [],
    members: [],
    consents: [],
    conflicts: [],
  };
  const nonResidential = uniform(random, 0.04, 0.08);
  const shared = uniform(random, 0.07, 0.13);
  const [multiplier, offset] = [integer(random, 1, 2_147_483_646), integer(random, 0, 2_147_483_646)];
  const perSection = apportion(fans.map(fanArea), plan.structures);
  const places: Place[] = [];
  let householdIndex = 0;
  fans.forEach((fan, s) => {
    const section = sections[s] as (typeof sections)[number];
    const sample = fanSampler(random, fan);
    places.push({
      sectionId: section.id,
      weight: perSection[s] as number,
      point: () => point(plan.centre, sample()),
    });
    for (let n = 1; n <= (perSection[s] as number); n++) {
      const [lon, lat] = point(plan.centre, sample());
      const use = structureUse(random, nonResidential);
      const structureId = id('structure', s, n);
      const count =
        use === 'residential'
          ? bernoulli(random, shared)
            ? bernoulli(random, 0.75)
              ? 2
              : 3
            : 1
          : use === 'mixed'
            ? 1
            : 0;
      const context: HouseholdContext = {
        random,
        id,
        roundId: round.id,
        settlementId,
        sectionId: section.id,
        structureId,
        verifying,
        settlementAge: options.asOf.getUTCFullYear() - yearEstablished,
        start,
        days,
      };
      let answered = true;
      let occupants = 0;
      for (let h = 0; h < count; h++) {
        const made = household(
          context,
          householdIndex,
          pseudonym(householdIndex, multiplier, offset),
          options.asOf,
        );
        householdIndex++;
        bundle.households.push(made.household);
        bundle.members.push(...made.members);
        if (made.consent) bundle.consents.push(made.consent);
        if (made.household.outcome !== 'enumerated') answered = false;
        occupants += made.members.length;
        if (made.household.outcome === 'enumerated' && bernoulli(random, 0.004))
          bundle.conflicts.push({
            recordKind: 'household',
            recordId: made.household.id,
            ...otherAnswer(random, made.household),
          });
      }
      // Research §8: in 2–5 % of structures the door's count differs from the people enumerated.
      if (answered && count > 0 && bernoulli(random, 0.035))
        occupants = Math.max(1, occupants + (bernoulli(random, 0.6) ? 1 : -1) * integer(random, 1, 3));
      const status: CityStructure['status'] =
        verifying && bernoulli(random, 0.01)
          ? 'disputed'
          : verifying && bernoulli(random, 0.35)
            ? 'verified'
            : answered
              ? 'enumerated'
              : 'numbered';
      bundle.structures.push({
        id: structureId,
        settlementId,
        sectionId: section.id,
        number: `${section.code}-${String(n).padStart(4, '0')}`,
        lon,
        lat,
        use,
        ...buildingOf(random),
        statedOccupants: answered ? occupants : null,
        statedHouseholds: count,
        status,
        duplicateNumber: false,
        outsideBoundary: false,
        numberedAt: new Date(
          start.getTime() - integer(random, 1, 7) * day + integer(random, 6 * 60, 14 * 60) * 60_000,
        ).toISOString(),
      });
    }
  });
  const services = facilitiesOf({
    random: seeded(plan.seed ^ 0xfac1),
    id,
    settlementId,
    places,
    households: bundle.households.length,
    structures: plan.structures,
    asOf: options.asOf,
  });
  bundle.facilities = services.facilities;
  bundle.observations = services.observations;
  return bundle;
}
