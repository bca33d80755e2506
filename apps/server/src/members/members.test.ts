import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../test/agent.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { adminWithWorkspace, joinAs, type TestWorkspace } from '../test/workspace-world.ts';

let server: TestServer;
let coordinator: Agent;
let workspace: TestWorkspace;
const members = () => `/api/workspaces/${workspace.id}/members`;

beforeAll(async () => {
  server = await startTestServer();
  ({ admin: coordinator, workspace } = await adminWithWorkspace(server.app));
});
afterAll(() => server.close());

describe('members', () => {
  it('lists members with names and roles for those who read the register', async () => {
    const member = await joinAs(server.app, workspace, 'member', 'Listed Member');
    const list = await coordinator.get(members());
    expect(list.statusCode).toBe(200);
    expect(list.body.items.map((m: { displayName: string }) => m.displayName)).toContain('Listed Member');
    expect(list.body.items.find((m: { isSelf: boolean }) => m.isSelf).role).toBe('coordinator');
    expect((await member.get(members())).statusCode).toBe(403);
  });

  it('keeps the last coordinator: no demotion, removal or leaving', async () => {
    const self = (await coordinator.get(members())).body.items.find((m: { isSelf: boolean }) => m.isSelf);
    const demote = await coordinator.patch(`${members()}/${self.id}`, { role: 'staff' });
    expect(demote.statusCode).toBe(409);
    expect(demote.body.code).toBe('conflict.last_coordinator');
    expect((await coordinator.delete(`${members()}/${self.id}`)).statusCode).toBe(409);
    expect((await coordinator.post(`/api/workspaces/${workspace.id}/leave`)).statusCode).toBe(409);
  });

  it('changes roles, removes and lets members leave, as tombstoned rows', async () => {
    const staff = await joinAs(server.app, workspace, 'staff');
    const promoted = await coordinator.patch(`${members()}/${staff.membershipId}`, { role: 'coordinator' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.body.role).toBe('coordinator');
    // Now there are two coordinators: the first may step down.
    const me = (await coordinator.get(`/api/workspaces/${workspace.id}`)).body.membershipId;
    expect((await coordinator.patch(`${members()}/${me}`, { role: 'staff' })).statusCode).toBe(200);
    expect((await staff.patch(`${members()}/${me}`, { role: 'coordinator' })).statusCode).toBe(200);

    const leaver = await joinAs(server.app, workspace, 'researcher');
    expect((await leaver.post(`/api/workspaces/${workspace.id}/leave`)).statusCode).toBe(204);
    expect((await leaver.get(`/api/workspaces/${workspace.id}`)).statusCode).toBe(404);

    const removed = await joinAs(server.app, workspace, 'partner');
    expect(
      (await removed.patch(`${members()}/${removed.membershipId}`, { role: 'coordinator' })).statusCode,
    ).toBe(403);
    expect((await coordinator.delete(`${members()}/${removed.membershipId}`)).statusCode).toBe(204);
    expect((await removed.get('/api/workspaces')).body.items).toEqual([]);
    expect((await coordinator.delete(`${members()}/${removed.membershipId}`)).statusCode).toBe(404);
  });

  it('rejects an unknown role and ids from elsewhere', async () => {
    const member = await joinAs(server.app, workspace, 'member');
    const bad = await coordinator.patch(`${members()}/${member.membershipId}`, { role: 'king' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toContain('role');
    const elsewhere = await coordinator.patch(`${members()}/0190f5d2-5c3a-7cc1-9c1e-3a1b2c3d4e5f`, {
      role: 'staff',
    });
    expect(elsewhere.statusCode).toBe(404);
  });
});
