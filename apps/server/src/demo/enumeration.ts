// The demo's enumeration submissions, coherent with the generated settlement: the first
// settlement's round uses the household enumeration form, and for a spread of its structures the
// generator's households are not written directly but become the answers of one submission per
// structure, so the records of those structures come in through the form's entities like a
// researcher's would. The other structures keep the generator's households; nothing is doubled.
import type { Form } from '@coproduce/forms';
import { fillAnswers, type Given } from './answers.ts';
import type { Random } from './city/random.ts';
import type {
  CityConsent,
  CityHousehold,
  CityMember,
  CitySettlementBundle,
  CityStructure,
} from './city/types.ts';

export interface Visit {
  structure: CityStructure;
  sectionCode: string;
  households: Array<{ household: CityHousehold; members: CityMember[]; consent: CityConsent | null }>;
}

// The generator's words where the template's choices say the same thing differently.
const wall: Record<string, string> = {
  corrugated_iron: 'zinc',
  brick_block: 'brick',
  plastic_cardboard: 'plastic',
  mixed: 'other',
};
const roof: Record<string, string> = { corrugated_iron: 'zinc', mixed: 'other', asbestos: 'other' };
const relationship: Record<string, string> = { sibling: 'other_relative' };

/**
 * Takes `count` structures of the bundle's first round, spread evenly over the settlement, out of
 * what the generator writes: their households, members, consents and conflicts, and their status
 * back to "numbered". The round is given the form. Returns what each submission will say.
 */
export function handOverToForm(
  bundle: CitySettlementBundle,
  form: { id: string; model: Form },
  count: number,
): Visit[] {
  const round = bundle.rounds[0];
  if (!round) return [];
  round.formId = form.id;
  const uses = new Set((form.model.choices.structure_use ?? []).map((c) => c.name));
  const candidates = bundle.structures.filter((s) => uses.has(s.use));
  const wanted = Math.min(count, candidates.length);
  const chosen = candidates.filter(
    (_, i) =>
      Math.floor(((i + 1) * wanted) / candidates.length) > Math.floor((i * wanted) / candidates.length),
  );
  const codes = new Map(bundle.sections.map((s) => [s.id, s.code]));
  const ids = new Set(chosen.map((s) => s.id));
  const households = bundle.households.filter((h) => ids.has(h.structureId));
  const gone = new Set(households.map((h) => h.id));
  const visits = chosen.map((structure) => ({
    structure: { ...structure },
    sectionCode: codes.get(structure.sectionId) ?? '',
    households: households
      .filter((h) => h.structureId === structure.id)
      .map((household) => ({
        household,
        members: bundle.members.filter((m) => m.householdId === household.id),
        consent: bundle.consents.find((c) => c.householdId === household.id) ?? null,
      })),
  }));
  bundle.households = bundle.households.filter((h) => !gone.has(h.id));
  bundle.members = bundle.members.filter((m) => !gone.has(m.householdId));
  bundle.consents = bundle.consents.filter((c) => !gone.has(c.householdId));
  bundle.conflicts = bundle.conflicts.filter((c) => !gone.has(c.recordId));
  for (const structure of bundle.structures)
    if (ids.has(structure.id)) Object.assign(structure, { status: 'numbered', statedOccupants: null });
  return visits;
}

const purposes = (c: CityConsent) =>
  [
    c.communityPlanning && 'community_planning',
    c.municipalityAggregates && 'municipality_aggregates',
    c.housingList && 'housing_list',
    c.photos && 'photos',
    c.recontact && 'recontact',
  ]
    .filter(Boolean)
    .join(' ');

/** The known answers of a visit, by question path; the form's engine fills in the rest. */
function answersOf(visit: Visit): Given {
  const { structure: s } = visit;
  const people = visit.households.reduce((n, h) => n + h.members.length, 0);
  const structure: Record<string, string | null> = {
    painted_number: s.number,
    location: `${s.lat} ${s.lon} 0 5`,
    section: visit.sectionCode,
    use: s.use,
    wall_material: wall[s.wallMaterial] ?? s.wallMaterial,
    roof_material: roof[s.roofMaterial] ?? s.roofMaterial,
    rooms: String(s.rooms),
    floor_area: String(s.floorAreaM2),
    people_sleeping: String(people),
    households_here: String(visit.households.length),
  };
  return (path, indexes) => {
    const [, top, ...rest] = path.split('/');
    const name = rest.at(-1) ?? '';
    if (top === 'structure') return structure[name];
    const entry = visit.households[indexes[0] ?? 0];
    if (top !== 'households' || !entry) return undefined;
    const { household: h, consent: c } = entry;
    if (rest[0] === 'member') {
      const m = entry.members[indexes[1] ?? 0];
      if (!m) return undefined;
      const member: Record<string, string | null> = {
        relationship: relationship[m.relationship] ?? m.relationship,
        sex: m.sex,
        age: String(m.age),
        in_school: m.schoolEnrolled === null ? null : m.schoolEnrolled ? 'yes' : 'no',
      };
      return member[name];
    }
    const household: Record<string, string | null | undefined> = {
      outcome: h.outcome,
      notice_language: c?.language,
      consent_method: c?.method,
      witness: c?.witness ?? undefined,
      purposes: c ? purposes(c) || null : undefined,
      who_consented: c ? (c.givenBy === 'proxy' ? 'proxy' : 'head') : undefined,
      years_here: h.yearsInSettlement === null ? undefined : String(h.yearsInSettlement),
      household_size: String(Math.max(1, entry.members.length)),
      tenure: h.tenure ?? undefined,
    };
    return household[name];
  };
}

export function visitAnswers(form: Form, random: Random, visit: Visit) {
  return fillAnswers(form, random, undefined, answersOf(visit));
}
