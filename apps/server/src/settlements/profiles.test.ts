import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consent, enumerate, type HouseholdWorld, householdWorld } from '../test/household-world.ts';

let world: HouseholdWorld;
beforeAll(async () => {
  world = await householdWorld();
});
afterAll(() => world.server.close());

const profiles = (agent = world.as.coordinator) =>
  agent.get(world.ws(`/settlements/${world.settlementId}/profiles`));

describe('settlement profiles as dated snapshots', () => {
  it('keeps the figures of the day they were taken, whatever changes after', async () => {
    await enumerate(world, world.structures.a1);
    // A household that shares nothing with the municipality is not in a profile's figures.
    await enumerate(world, world.structures.b1, { consent: consent({ community_planning: true }) });
    await world.as.coordinator.post(world.ws(`/settlements/${world.settlementId}/facilities`), {
      type: 'tap',
      point: { lon: 18.5005, lat: -33.9995 },
    });
    const taken = await world.as.coordinator.post(world.ws(`/settlements/${world.settlementId}/profiles`), {
      takenOn: '2026-12-01',
      note: 'Before the council meeting',
    });
    expect(taken.statusCode, taken.payload).toBe(201);
    const first = taken.body.profile;
    expect(first.round).toMatchObject({ households: 1, persons: 3 });
    expect(first.facilities).toEqual([{ type: 'tap', count: 1, functional: 1 }]);
    const enumerated = first.structures.enumerated;
    // The settlement changes; the profile of 1 December does not.
    await enumerate(world, world.structures.a2);
    const later = await world.as.coordinator.post(
      world.ws(`/settlements/${world.settlementId}/profiles`),
      {},
    );
    expect(later.body.profile.structures.enumerated).toBe(enumerated + 1);
    expect(later.body.takenOn).toBe(later.body.createdAt.slice(0, 10));
    const listed = (await profiles(world.as.partner)).body.items;
    expect(listed.map((p: { takenOn: string }) => p.takenOn)).toEqual([later.body.takenOn, '2026-12-01']);
    expect(listed[1].profile).toEqual(first);
    expect(listed[1].note).toBe('Before the council meeting');
  });

  it('only mappers take profiles; a bad date is refused with its path', async () => {
    const url = world.ws(`/settlements/${world.settlementId}/profiles`);
    expect((await world.as.researcher.post(url, {})).statusCode).toBe(403);
    expect((await world.as.partner.post(url, {})).statusCode).toBe(403);
    const bad = await world.as.coordinator.post(url, { takenOn: '1 December' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.takenOn');
    expect(
      (
        await world.as.coordinator.get(
          `/api/workspaces/${world.foreign.id}/settlements/${world.settlementId}/profiles`,
        )
      ).statusCode,
    ).toBe(404);
  });
});
