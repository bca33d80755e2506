import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enumerate, type HouseholdWorld, householdWorld } from '../test/household-world.ts';

// Changes to households and members on a base version (issue #8): a stale change is kept as a
// conflict beside the current content, for a coordinator to resolve; nothing offline is lost.
let world: HouseholdWorld;

beforeAll(async () => {
  world = await householdWorld();
});
afterAll(() => world.server.close());

const auditCount = async (action: string) =>
  (await world.as.coordinator.get(world.ws(`/audit?action=${action}&limit=500`))).body.items.length as number;

describe('changes on a base version', () => {
  it('keeps two stale updates as a conflict, for a coordinator to resolve', async () => {
    const made = await enumerate(world, world.structures.a2);
    const url = world.ws(`/households/${made.id}`);
    const one = await world.as.researcher.patch(url, { baseVersionId: made.versionId, sizeStated: 4 });
    expect(one.statusCode, one.payload).toBe(200);
    expect(one.body).toMatchObject({ sizeStated: 4, hasConflict: false });
    const two = await world.as.staff.patch(url, { baseVersionId: made.versionId, sizeStated: 5 });
    expect(two.statusCode).toBe(200);
    expect(two.body).toMatchObject({ sizeStated: 4, hasConflict: true });
    const three = await world.as.researcher.patch(url, { baseVersionId: made.versionId, tenure: 'tenant' });
    expect(three.body).toMatchObject({ tenure: 'owner_occupier', hasConflict: true });
    const history = await world.as.coordinator.get(`${url}/versions`);
    expect(history.body.items.map((v: { kind: string }) => v.kind)).toEqual([
      'original',
      'change',
      'conflict',
      'conflict',
    ]);
    expect(history.body.items[2].content.sizeStated).toBe(5);

    const researcher = await world.as.researcher.post(`${url}/resolution`, {
      baseVersionId: two.body.versionId,
      sizeStated: 5,
      reason: 'counted again',
    });
    expect(researcher.statusCode).toBe(403);
    const current = (await world.as.coordinator.get(url)).body;
    const resolved = await world.as.coordinator.post(`${url}/resolution`, {
      baseVersionId: current.versionId,
      sizeStated: 5,
      tenure: 'tenant',
      reason: 'counted again with the household',
    });
    expect(resolved.statusCode, resolved.payload).toBe(200);
    expect(resolved.body).toMatchObject({ sizeStated: 5, tenure: 'tenant', hasConflict: false });
    expect(await auditCount('household.conflict')).toBeGreaterThanOrEqual(2);
    expect(await auditCount('household.resolve')).toBeGreaterThanOrEqual(1);
  });

  it('adds, changes and removes members, each a version', async () => {
    const made = await enumerate(world, world.structures.a1);
    const added = await world.as.researcher.post(world.ws(`/households/${made.id}/members`), {
      relationship: 'grandchild',
      sex: 'male',
      age: 2,
    });
    expect(added.statusCode, added.payload).toBe(201);
    expect(added.body).toMatchObject({ position: 4, age: 2, versionCount: 1 });
    const url = world.ws(`/household-members/${added.body.id}`);
    const changed = await world.as.researcher.patch(url, { baseVersionId: added.body.versionId, age: 3 });
    expect(changed.body).toMatchObject({ age: 3, versionCount: 2 });
    const stale = await world.as.researcher.patch(url, { baseVersionId: added.body.versionId, age: 'two' });
    expect(stale.statusCode).toBe(400);
    expect(stale.body.errors[0].path).toBe('body.age');
    const removed = await world.as.researcher.delete(`${url}?baseVersionId=${changed.body.versionId}`);
    expect(removed.statusCode, removed.payload).toBe(204);
    const got = await world.as.coordinator.get(world.ws(`/households/${made.id}`));
    expect(got.body.members.map((m: { position: number }) => m.position)).toEqual([1, 2, 3]);
    expect(await auditCount('household_member.remove')).toBe(1);
    const late = await world.as.researcher.patch(url, { baseVersionId: changed.body.versionId, age: 4 });
    expect(late.statusCode, late.payload).toBe(200);
    expect(late.body.hasConflict).toBe(true);
    const listed = await world.as.coordinator.get(world.ws(`/households/${made.id}`));
    expect(listed.body.members.map((m: { id: string }) => m.id)).not.toContain(added.body.id);
  });
});

describe('a member removed on one phone and changed on another', () => {
  it('keeps the change as a conflict on the removed member, settled by a coordinator', async () => {
    const made = await enumerate(world, world.structures.b1);
    const child = made.members[2];
    const url = world.ws(`/household-members/${child.id}`);
    const removed = await world.as.researcher.delete(`${url}?baseVersionId=${child.versionId}`);
    expect(removed.statusCode).toBe(204);
    // The other phone's change, made offline on the same version, arrives after the removal:
    // kept as a conflict on the removed member, and a coordinator brings the child back.
    const changed = await world.as.staff.patch(url, { baseVersionId: child.versionId, age: 10 });
    expect(changed.statusCode, changed.payload).toBe(200);
    expect(changed.body).toMatchObject({ hasConflict: true, age: 9 });
    const back = await world.as.coordinator.post(`${url}/resolution`, {
      baseVersionId: changed.body.versionId,
      age: 10,
      reason: 'the child still lives here',
    });
    expect(back.statusCode, back.payload).toBe(200);
    expect(back.body).toMatchObject({ age: 10, hasConflict: false });
    // A change first and a removal on the stale version: the removal is kept as the conflict.
    const head = made.members[0];
    const headUrl = world.ws(`/household-members/${head.id}`);
    const first = await world.as.staff.patch(headUrl, {
      baseVersionId: head.versionId,
      employment: 'formal',
    });
    expect(first.body).toMatchObject({ employment: 'formal', versionCount: 2 });
    const stale = await world.as.researcher.delete(`${headUrl}?baseVersionId=${head.versionId}`);
    expect(stale.statusCode).toBe(204);
    const after = (await world.as.coordinator.get(world.ws(`/households/${made.id}`))).body;
    expect(after.members.map((m: { id: string }) => m.id)).toEqual([head.id, made.members[1].id, child.id]);
    expect(after.members[0].hasConflict).toBe(true);
    const settled = await world.as.coordinator.post(`${headUrl}/resolution`, {
      baseVersionId: first.body.versionId,
      removed: true,
      reason: 'the head moved out; confirmed at verification',
    });
    expect(settled.statusCode, settled.payload).toBe(200);
    expect(settled.body.hasConflict).toBe(false);
    const final = (await world.as.coordinator.get(world.ws(`/households/${made.id}`))).body;
    expect(final.members.map((m: { id: string }) => m.id)).toEqual([made.members[1].id, child.id]);
    expect(await auditCount('household_member.resolve')).toBe(2);
    // A third phone's removal of the removed head changes nothing.
    const removes = await auditCount('household_member.remove');
    const twice = await world.as.researcher.delete(`${headUrl}?baseVersionId=${head.versionId}`);
    expect(twice.statusCode).toBe(204);
    expect(await auditCount('household_member.remove')).toBe(removes);
  });
});
