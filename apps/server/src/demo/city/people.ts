// The households of one structure, their members and their consent, as an enumeration team would
// record them: most households answer, a few refuse and several are not found at home; only those
// that answer have members and a consent record. Rates are research §8's or stated assumptions.
import { bernoulli, householdSize, integer, normal, pick, type Random, weighted } from './random.ts';
import type { CityConsent, CityHousehold, CityMember } from './types.ts';

const day = 86_400_000;

export interface HouseholdContext {
  random: Random;
  id: (kind: string, ...position: number[]) => string;
  roundId: string;
  settlementId: string;
  sectionId: string;
  structureId: string;
  verifying: boolean;
  /** How long the settlement has been there, in years: nobody has lived there longer. */
  settlementAge: number;
  /** The round's start (ages are counted on it) and the days it has run so far. */
  start: Date;
  days: number;
}

export interface Enumerated {
  household: CityHousehold;
  members: CityMember[];
  consent: CityConsent | null;
}

/** Birth date giving exactly `age` whole years on `on`, a uniformly random day of that year of life. */
export function birthDateFor(random: Random, age: number, on: Date): string {
  const [y, m, d] = [on.getUTCFullYear(), on.getUTCMonth(), on.getUTCDate()];
  const latest = Date.UTC(y - age, m, d);
  const earliest = Date.UTC(y - age - 1, m, d) + day;
  return new Date(earliest + integer(random, 0, Math.round((latest - earliest) / day)) * day)
    .toISOString()
    .slice(0, 10);
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, Math.round(value)));

function employment(random: Random, age: number): string | null {
  if (age < 15) return null;
  if (age < 18 || age >= 65) return bernoulli(random, 0.88) ? 'not_economically_active' : 'employed_informal';
  return weighted(random, {
    employed_formal: 0.3,
    employed_informal: 0.13,
    self_employed: 0.07,
    unemployed: 0.32,
    not_economically_active: 0.18,
  });
}

function schooling(random: Random, age: number): boolean | null {
  if (age < 3) return null;
  const rate = age <= 5 ? 0.55 : age <= 15 ? 0.96 : age <= 18 ? 0.8 : age <= 24 ? 0.2 : 0.01;
  return bernoulli(random, rate);
}

/** Someone other than the head: their tie to the head and an age that fits it. */
function relative(random: Random, position: number, head: { age: number; sex: 'female' | 'male' }) {
  if (position === 2 && head.age >= 18 && bernoulli(random, 0.5)) {
    const sex: 'female' | 'male' = bernoulli(random, 0.97)
      ? head.sex === 'female'
        ? 'male'
        : 'female'
      : head.sex;
    return { relationship: 'spouse', sex, age: clamp(normal(random, head.age, 5), 18, 90) };
  }
  const sex: 'female' | 'male' = bernoulli(random, 0.5) ? 'female' : 'male';
  let relationship = weighted(random, {
    child: 0.62,
    grandchild: 0.08,
    sibling: 0.1,
    other_relative: 0.12,
    non_relative: 0.08,
  });
  if (relationship === 'grandchild' && head.age < 34) relationship = 'child';
  if (relationship === 'child' && head.age < 16) relationship = 'sibling';
  const age =
    relationship === 'child'
      ? integer(random, 0, Math.min(24, head.age - 16))
      : relationship === 'grandchild'
        ? integer(random, 0, Math.min(15, head.age - 34))
        : relationship === 'sibling'
          ? clamp(normal(random, head.age, 7), 5, 85)
          : relationship === 'other_relative'
            ? integer(random, 0, 70)
            : integer(random, 18, 55);
  return { relationship, sex, age };
}

function members(
  context: HouseholdContext,
  householdId: string,
  index: number,
  size: number,
  headSex: 'female' | 'male',
): CityMember[] {
  const { random, id, start } = context;
  const head = { age: clamp(normal(random, 38, 12), 18, 85), sex: headSex };
  const list: CityMember[] = [];
  for (let position = 1; position <= size; position++) {
    const who = position === 1 ? { relationship: 'head', ...head } : relative(random, position, head);
    const disabilityRate = who.age < 18 ? 0.03 : who.age < 50 ? 0.05 : 0.16;
    list.push({
      id: id('member', index, position),
      householdId,
      position,
      relationship: who.relationship,
      sex: who.sex,
      age: who.age,
      birthDate: bernoulli(random, 0.88) ? birthDateFor(random, who.age, start) : null,
      disability: bernoulli(random, disabilityRate) ? 1 : 0,
      schoolEnrolled: schooling(random, who.age),
      employment: employment(random, who.age),
    });
  }
  return list;
}

function consent(random: Random, consentId: string, householdId: string, at: Date, asOf: Date): CityConsent {
  const method = weighted(random, { signed: 0.72, verbal_witnessed: 0.18, thumbprint: 0.1 });
  const withdrawn = bernoulli(random, 0.02)
    ? Math.min(asOf.getTime(), at.getTime() + integer(random, 1, 20) * day)
    : null;
  return {
    id: consentId,
    householdId,
    noticeVersion: '2026-1',
    // Cape Town's home languages, isiXhosa first; Shona for the Zimbabwean neighbours.
    language: weighted(random, { xh: 0.55, af: 0.16, en: 0.12, zu: 0.06, st: 0.05, sn: 0.03, tn: 0.03 }),
    method,
    givenBy: bernoulli(random, 0.93) ? 'self' : 'proxy',
    witness: method === 'signed' ? null : `enumerator E${String(integer(random, 1, 40)).padStart(2, '0')}`,
    communityPlanning: bernoulli(random, 0.99),
    municipalityAggregates: bernoulli(random, 0.94),
    housingList: bernoulli(random, 0.82),
    photos: bernoulli(random, 0.55),
    recontact: bernoulli(random, 0.72),
    givenAt: at.toISOString(),
    withdrawnAt: withdrawn === null ? null : new Date(withdrawn).toISOString(),
  };
}

/** One household of a structure; `index` numbers it in its settlement, `pseudoId` is given. */
export function household(
  context: HouseholdContext,
  index: number,
  pseudoId: string,
  asOf: Date,
): Enumerated {
  const { random, id } = context;
  const householdId = id('household', index);
  const outcome = weighted(random, { enumerated: 0.91, absent: 0.065, refused: 0.025 });
  const verificationStatus = context.verifying
    ? weighted(random, { unverified: 0.7, confirmed: 0.25, corrected: 0.04, disputed: 0.01 })
    : 'unverified';
  const base: CityHousehold = {
    id: householdId,
    roundId: context.roundId,
    settlementId: context.settlementId,
    sectionId: context.sectionId,
    structureId: context.structureId,
    pseudoId,
    outcome,
    sizeStated: null,
    yearsInSettlement: null,
    tenure: null,
    incomeBand: null,
    headSex: null,
    verificationStatus: outcome === 'enumerated' ? verificationStatus : 'unverified',
  };
  if (outcome !== 'enumerated') return { household: base, members: [], consent: null };
  const size = householdSize(random);
  const headSex = bernoulli(random, 0.42) ? 'female' : 'male';
  const at = new Date(
    context.start.getTime() +
      integer(random, 0, context.days - 1) * day +
      integer(random, 6 * 60, 15 * 60) * 60_000, // 08:00–17:00 in South Africa (UTC+2),
  );
  const household: CityHousehold = {
    ...base,
    sizeStated: size,
    yearsInSettlement: Math.min(context.settlementAge, Math.floor(-8 * Math.log(random()))),
    tenure: weighted(random, { owner_occupier: 0.72, tenant: 0.2, rent_free: 0.08 }),
    // Monthly household income in rand.
    incomeBand: weighted(random, {
      none: 0.18,
      below_1500: 0.22,
      '1500_3499': 0.3,
      '3500_6999': 0.2,
      '7000_plus': 0.1,
    }),
    headSex,
  };
  return {
    household,
    members: members(context, householdId, index, size, headSex),
    consent: consent(random, id('consent', index), householdId, at, asOf),
  };
}

/** Another plausible answer to one field, for a conflicting second version. */
export function otherAnswer(random: Random, household: CityHousehold) {
  const field = pick(random, ['sizeStated', 'tenure', 'incomeBand', 'yearsInSettlement'] as const);
  const current = household[field] as string | number;
  const options: Record<typeof field, Array<string | number>> = {
    sizeStated: [Number(current) + 1, Math.max(1, Number(current) - 1)],
    yearsInSettlement: [Number(current) + 1, Number(current) + 2],
    tenure: ['owner_occupier', 'tenant', 'rent_free'],
    incomeBand: ['none', 'below_1500', '1500_3499', '3500_6999', '7000_plus'],
  };
  const other = pick(
    random,
    options[field].filter((value) => value !== current),
  );
  return { field, values: [current, other] as [string | number, string | number] };
}
