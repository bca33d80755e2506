import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enumerate, type HouseholdWorld, householdWorld } from '../test/household-world.ts';

let world: HouseholdWorld;
beforeAll(async () => {
  world = await householdWorld();
});
afterAll(() => world.server.close());

describe('a structure and the households found in it', () => {
  it('reads one structure, and lists its households for those who read household records', async () => {
    const one = await enumerate(world, world.structures.a1);
    const two = await enumerate(world, world.structures.a1, {
      outcome: 'absent',
      members: [],
      consent: null,
    });
    await enumerate(world, world.structures.b1);
    const structure = await world.as.member.get(world.ws(`/structures/${world.structures.a1}`));
    expect(structure.statusCode, structure.payload).toBe(200);
    expect(structure.body).toMatchObject({ id: world.structures.a1, status: 'enumerated' });
    const listed = await world.as.researcher.get(world.ws(`/structures/${world.structures.a1}/households`));
    expect(listed.statusCode, listed.payload).toBe(200);
    expect(listed.body.items.map((h: { id: string }) => h.id).sort()).toEqual([one.id, two.id].sort());
    expect(
      (await world.as.member.get(world.ws(`/structures/${world.structures.a1}/households`))).statusCode,
    ).toBe(403);
    expect((await world.as.partner.get(world.ws(`/structures/${world.structures.a1}`))).statusCode).toBe(403);
    expect(
      (
        await world.as.coordinator.get(
          `/api/workspaces/${world.foreign.id}/structures/${world.structures.a1}/households`,
        )
      ).statusCode,
    ).toBe(404);
  });
});
