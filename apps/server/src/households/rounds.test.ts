import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HouseholdWorld, householdWorld } from '../test/household-world.ts';

// Enumeration rounds (issue #8): planning → numbering → enumerating → verifying → published →
// closed, one step at a time; a coordinator may step back one, with a reason.
let world: HouseholdWorld;

beforeAll(async () => {
  world = await householdWorld();
});
afterAll(() => world.server.close());

const plan = async (body: Record<string, unknown> = {}) =>
  world.as.coordinator.post(world.ws(`/settlements/${world.settlementId}/rounds`), {
    name: 'Second count',
    ...body,
  });

describe('rounds', () => {
  it('plans a round and moves it one step at a time, refusing skips with a clear code', async () => {
    const made = await plan({ startDate: '2026-12-01', endDate: '2026-12-20' });
    expect(made.statusCode, made.payload).toBe(201);
    expect(made.body).toMatchObject({
      status: 'planning',
      startDate: '2026-12-01',
      formId: null,
      versionCount: 1,
    });
    const url = world.ws(`/rounds/${made.body.id}`);
    const skip = await world.as.coordinator.post(`${url}/status`, {
      baseVersionId: made.body.versionId,
      status: 'enumerating',
    });
    expect(skip.statusCode).toBe(409);
    expect(skip.body).toMatchObject({ code: 'round.wrong_step', errors: [{ path: 'body.status' }] });
    const numbering = await world.as.staff.post(`${url}/status`, {
      baseVersionId: made.body.versionId,
      status: 'numbering',
    });
    expect(numbering.statusCode, numbering.payload).toBe(200);
    expect(numbering.body).toMatchObject({ status: 'numbering', versionCount: 2 });
    const stale = await world.as.coordinator.post(`${url}/status`, {
      baseVersionId: made.body.versionId,
      status: 'enumerating',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body.code).toBe('conflict.stale');
    const listed = await world.as.partner.get(world.ws(`/settlements/${world.settlementId}/rounds`));
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(made.body.id);
    expect((await world.as.member.get(url)).body.status).toBe('numbering');
  });

  it('lets a coordinator step back one with a reason; staff may not; a closed round stays closed', async () => {
    let round = (await plan()).body;
    const url = world.ws(`/rounds/${round.id}`);
    const move = (status: string, agent = world.as.coordinator, reason?: string) =>
      agent.post(`${url}/status`, { baseVersionId: round.versionId, status, ...(reason ? { reason } : {}) });
    round = (await move('numbering')).body;
    round = (await move('enumerating')).body;
    expect((await move('numbering', world.as.staff, 'missed a lane')).statusCode).toBe(403);
    const noReason = await move('numbering');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toMatchObject({ code: 'round.reason_needed', errors: [{ path: 'body.reason' }] });
    const back = await move('numbering', world.as.coordinator, 'a lane was not numbered');
    expect(back.statusCode, back.payload).toBe(200);
    round = back.body;
    expect(round.status).toBe('numbering');
    expect((await move('planning', world.as.coordinator, 'again')).statusCode).toBe(200);
    round = (await world.as.coordinator.get(url)).body;
    for (const status of ['numbering', 'enumerating', 'verifying', 'published', 'closed']) {
      const moved = await move(status);
      expect(moved.statusCode, moved.payload).toBe(200);
      round = moved.body;
    }
    const after = await move('closed');
    expect(after.statusCode).toBe(409);
    expect(after.body.code).toBe('round.wrong_step');
    const audit = await world.as.coordinator.get(world.ws('/audit?action=round.step_back'));
    expect(audit.body.items).toHaveLength(2);
    expect(audit.body.items[0].subject.name).toBe('Second count');
  });

  it('refuses rounds to those who do not plan them, bad dates, and keeps stale renames as conflicts', async () => {
    for (const agent of [world.as.researcher, world.as.member, world.as.partner])
      expect(
        (await agent.post(world.ws(`/settlements/${world.settlementId}/rounds`), { name: 'x' })).statusCode,
      ).toBe(403);
    const backwards = await plan({ startDate: '2026-12-20', endDate: '2026-12-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body.errors[0].path).toBe('body.endDate');
    const notDate = await plan({ startDate: 'next week' });
    expect(notDate.body.errors[0].path).toBe('body.startDate');
    const foreignForm = await plan({ formId: '0190a000-0000-7000-8000-00000000f0f0' });
    expect(foreignForm.statusCode).toBe(400);
    expect(foreignForm.body.errors[0].path).toBe('body.formId');
    const made = (await plan()).body;
    const url = world.ws(`/rounds/${made.id}`);
    const one = await world.as.coordinator.patch(url, { baseVersionId: made.versionId, name: 'Count A' });
    expect(one.body).toMatchObject({ name: 'Count A', hasConflict: false });
    const two = await world.as.staff.patch(url, { baseVersionId: made.versionId, name: 'Count B' });
    expect(two.body).toMatchObject({ name: 'Count A', hasConflict: true });
    const byStaffStale = await world.as.staff.post(`${url}/resolution`, {
      baseVersionId: made.versionId,
      name: 'Count B',
      reason: 'the federation chose B',
    });
    expect(byStaffStale.statusCode).toBe(409);
    const resolved = await world.as.staff.post(`${url}/resolution`, {
      baseVersionId: one.body.versionId,
      name: 'Count B',
      reason: 'the federation chose B',
    });
    expect(resolved.statusCode, resolved.payload).toBe(200);
    expect(resolved.body).toMatchObject({ name: 'Count B', hasConflict: false, status: 'planning' });
    const researcher = await world.as.researcher.post(`${url}/resolution`, {
      baseVersionId: resolved.body.versionId,
      reason: 'x',
    });
    expect(researcher.statusCode).toBe(403);
    expect(
      (await world.as.coordinator.get(`/api/workspaces/${world.foreign.id}/rounds/${made.id}`)).statusCode,
    ).toBe(404);
  });
});
