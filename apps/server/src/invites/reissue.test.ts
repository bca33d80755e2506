// Printing a slip again (issue 6, screens item 6): a new code replaces the old one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../test/agent.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { adminWithWorkspace, joinAs, memberPassword, type TestWorkspace } from '../test/workspace-world.ts';

let server: TestServer;
let coordinator: Agent;
let workspace: TestWorkspace;
const invites = () => `/api/workspaces/${workspace.id}/invites`;
const codeOf = (id: string) => `${invites()}/${id}/code`;

beforeAll(async () => {
  server = await startTestServer();
  ({ admin: coordinator, workspace } = await adminWithWorkspace(server.app));
});
afterAll(() => server.close());

describe('printing an invite slip again', () => {
  it('issues a new code, the old one stops working, and the audit log says so', async () => {
    const created = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'code',
      displayName: 'Sipho',
    });
    const oldCode = created.body.code as string;
    const again = await coordinator.post(codeOf(created.body.invite.id), {});
    expect(again.statusCode).toBe(200);
    const newCode = again.body.code as string;
    expect(newCode).not.toBe(oldCode);
    expect(again.body.invite).toMatchObject({
      id: created.body.invite.id,
      state: 'pending',
      codeHint: newCode.replace('-', '').slice(-3),
      expiresAt: created.body.invite.expiresAt,
    });
    expect(again.body.link).toContain(encodeURIComponent(newCode));

    const anonymous = new Agent(server.app);
    const old = await anonymous.post('/api/invites/preview', { code: oldCode });
    expect(old.statusCode).toBe(404);
    expect(old.body.code).toBe('invite.not_found');
    expect((await anonymous.post('/api/invites/preview', { code: newCode })).body.personDisplayName).toBe(
      'Sipho',
    );

    const log = await coordinator.get(`/api/workspaces/${workspace.id}/audit?action=invite.reissue`);
    expect(log.body.items).toEqual([
      expect.objectContaining({ entityType: 'invite', entityId: created.body.invite.id, fields: ['code'] }),
    ]);
    // Still one invite in the list, with the new hint.
    const listed = await coordinator.get(invites());
    const mine = listed.body.items.filter((i: { id: string }) => i.id === created.body.invite.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].codeHint).toBe(again.body.invite.codeHint);

    // The new code redeems.
    const redeemed = await new Agent(server.app).post('/api/invites/redeem', {
      code: newCode,
      username: 'sipho-again',
      password: memberPassword,
    });
    expect(redeemed.statusCode).toBe(200);
    // A used invite cannot be printed again, and nothing is audited for the refusal.
    const used = await coordinator.post(codeOf(created.body.invite.id), {});
    expect(used.statusCode).toBe(409);
    expect(used.body.code).toBe('invite.used');
    const after = await coordinator.get(`/api/workspaces/${workspace.id}/audit?action=invite.reissue`);
    expect(after.body.items).toHaveLength(1);
  });

  it('refuses revoked and email invites, and staff reprinting a staff invite', async () => {
    const revoked = await coordinator.post(invites(), { role: 'member', delivery: 'code', displayName: 'R' });
    await coordinator.delete(`${invites()}/${revoked.body.invite.id}`);
    const refused = await coordinator.post(codeOf(revoked.body.invite.id), {});
    expect(refused.statusCode).toBe(410);
    expect(refused.body.code).toBe('invite.revoked');

    const emailed = await coordinator.post(invites(), {
      role: 'member',
      delivery: 'email',
      email: 'thabo@example.org',
      displayName: 'Thabo',
    });
    expect(emailed.statusCode).toBe(201);
    const byEmail = await coordinator.post(codeOf(emailed.body.invite.id), {});
    expect(byEmail.statusCode).toBe(409);
    expect(byEmail.body.code).toBe('invite.not_code');

    const staffInvite = await coordinator.post(invites(), {
      role: 'staff',
      delivery: 'code',
      displayName: 'S',
    });
    const staff = await joinAs(server.app, workspace, 'staff');
    const notTheirs = await staff.post(codeOf(staffInvite.body.invite.id), {});
    expect(notTheirs.statusCode).toBe(403);
    const memberInvite = await staff.post(invites(), { role: 'member', delivery: 'code', displayName: 'M' });
    expect((await staff.post(codeOf(memberInvite.body.invite.id), {})).statusCode).toBe(200);

    const member = await joinAs(server.app, workspace, 'member');
    expect((await member.post(codeOf(memberInvite.body.invite.id), {})).statusCode).toBe(403);
    const unknown = await coordinator.post(codeOf('01890000-0000-7000-8000-000000000000'), {});
    expect(unknown.statusCode).toBe(404);
  });
});
