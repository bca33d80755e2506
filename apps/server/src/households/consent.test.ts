import { consentPurposes } from '@coproduce/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consent, enumerate, type HouseholdWorld, householdWorld } from '../test/household-world.ts';

// Consent per purpose (issue #8, point 6): every read serving a purpose keeps to the households
// that agreed to it (records/consent.ts), and a withdrawal takes a household out of all of them.
let world: HouseholdWorld;

beforeAll(async () => {
  world = await householdWorld();
});
afterAll(() => world.server.close());

const listed = async (purpose: string) => {
  const got = await world.as.coordinator.get(
    world.ws(`/rounds/${world.roundId}/households?purpose=${purpose}&limit=500`),
  );
  expect(got.statusCode, got.payload).toBe(200);
  return got.body.items.map((h: { id: string }) => h.id) as string[];
};
const counted = async (agent = world.as.coordinator, purpose?: string) => {
  const got = await agent.get(
    world.ws(`/rounds/${world.roundId}/household-counts${purpose ? `?purpose=${purpose}` : ''}`),
  );
  expect(got.statusCode, got.payload).toBe(200);
  return got.body;
};

describe('consent purposes', () => {
  it.each([...consentPurposes])(
    'lists a household consenting to %s there, and in no other purpose',
    async (purpose) => {
      const made = await enumerate(world, world.structures.a1, { consent: consent({ [purpose]: true }) });
      for (const other of consentPurposes) {
        const ids = await listed(other);
        if (other === purpose) expect(ids, other).toContain(made.id);
        else expect(ids, other).not.toContain(made.id);
      }
      // Without a purpose the team sees every household of the round.
      const all = await world.as.coordinator.get(world.ws(`/rounds/${world.roundId}/households?limit=500`));
      expect(all.body.items.map((h: { id: string }) => h.id)).toContain(made.id);
    },
  );

  it('pages a purpose listing by code without losing or repeating a household', async () => {
    const all = await listed('recontact');
    expect(all.length).toBeGreaterThanOrEqual(1);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const tail: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await world.as.coordinator.get(
        world.ws(`/rounds/${world.roundId}/households?purpose=recontact&limit=1${tail}`),
      );
      expect(page.statusCode, page.payload).toBe(200);
      seen.push(...page.body.items.map((h: { id: string }) => h.id));
      cursor = page.body.cursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('takes a household out of every purpose once its consent is withdrawn, and says who and when', async () => {
    const made = await enumerate(world, world.structures.b1);
    for (const purpose of consentPurposes) expect(await listed(purpose)).toContain(made.id);
    const before = await counted(world.as.coordinator, 'municipality_aggregates');
    const withdrawn = await world.as.researcher.post(world.ws(`/households/${made.id}/consent/withdrawal`), {
      reason: 'the household asked at the verification meeting',
    });
    expect(withdrawn.statusCode, withdrawn.payload).toBe(200);
    expect(withdrawn.body.withdrawnAt).toEqual(expect.any(String));
    expect(withdrawn.body.withdrawnByPersonId).toBe(world.as.researcher.personId);
    for (const purpose of consentPurposes) expect(await listed(purpose)).not.toContain(made.id);
    const after = await counted(world.as.coordinator, 'municipality_aggregates');
    expect(after.total.households).toBe(before.total.households - 1);
    expect(after.total.persons).toBe(before.total.persons - 3);
    // The household record shows it; a second withdrawal changes nothing.
    const got = await world.as.coordinator.get(world.ws(`/households/${made.id}`));
    expect(got.body.consent.withdrawnAt).toBe(withdrawn.body.withdrawnAt);
    const again = await world.as.researcher.post(world.ws(`/households/${made.id}/consent/withdrawal`), {});
    expect(again.body.withdrawnAt).toBe(withdrawn.body.withdrawnAt);
    const audit = await world.as.coordinator.get(world.ws('/audit?action=consent.withdraw'));
    expect(audit.body.items).toHaveLength(1);
    // A refusal has no consent to withdraw.
    const refused = await world.as.researcher.post(world.ws(`/rounds/${world.roundId}/households`), {
      structureId: world.structures.a2,
      outcome: 'refused',
    });
    const none = await world.as.researcher.post(
      world.ws(`/households/${refused.body.id}/consent/withdrawal`),
      {},
    );
    expect(none.statusCode).toBe(409);
    expect(none.body.code).toBe('consent.none');
  });

  it('gives partners only municipality aggregates and members only community planning, whatever they ask', async () => {
    const municipal = await enumerate(world, world.structures.a2, {
      consent: consent({ municipality_aggregates: true }),
      members: [],
    });
    const community = await enumerate(world, world.structures.a2, {
      consent: consent({ community_planning: true }),
      members: [{ relationship: 'head', age: 30 }],
    });
    expect(municipal.id).not.toBe(community.id);
    const partner = await counted(world.as.partner, 'community_planning');
    expect(partner.purpose).toBe('municipality_aggregates');
    expect(partner).toEqual(await counted(world.as.coordinator, 'municipality_aggregates'));
    const member = await counted(world.as.member, 'municipality_aggregates');
    expect(member.purpose).toBe('community_planning');
    expect(member).toEqual(await counted(world.as.coordinator, 'community_planning'));
    expect(partner.total.persons).not.toBe(member.total.persons);
    // Refusals, absences and vacancies have no consent: counted only when no purpose is asked.
    const all = await counted(world.as.coordinator);
    expect(all.purpose).toBeNull();
    expect(all.total.refused).toBeGreaterThanOrEqual(1);
    expect(partner.total.refused).toBe(0);
  });
});
