// Test fixtures shared by the workspace-domain tests: real HTTP through app.inject(), no shortcuts,
// so every row they make has its revision and audit entry like a user's would.
import type { Role } from '@coproduce/contract';
import type { FastifyInstance } from 'fastify';
import { Agent, createAdmin } from './agent.ts';

export const memberPassword = 'a long enough password';

export interface TestWorkspace {
  id: string;
  coordinator: Agent;
  coordinatorPersonId: string;
}

export async function createWorkspace(admin: Agent, name: string): Promise<TestWorkspace> {
  const response = await admin.post('/api/workspaces', { name, timeZone: 'Africa/Johannesburg' });
  if (response.statusCode !== 201)
    throw new Error(`create workspace: ${response.statusCode} ${response.payload}`);
  return { id: response.body.id, coordinator: admin, coordinatorPersonId: response.body.personId };
}

let counter = 0;

/** A new account that joined the workspace with `role` by redeeming a printed code. */
export async function joinAs(
  app: FastifyInstance,
  workspace: TestWorkspace,
  role: Role,
  displayName = `${role} ${++counter}`,
): Promise<Agent & { personId: string; membershipId: string }> {
  const invite = await workspace.coordinator.post(`/api/workspaces/${workspace.id}/invites`, {
    role,
    delivery: 'code',
    displayName,
  });
  if (invite.statusCode !== 201) throw new Error(`invite: ${invite.statusCode} ${invite.payload}`);
  const agent = new Agent(app);
  const username = `${role}-${++counter}-${Date.now().toString(36)}`;
  const redeemed = await agent.post('/api/invites/redeem', {
    code: invite.body.code,
    username,
    password: memberPassword,
  });
  if (redeemed.statusCode !== 200) throw new Error(`redeem: ${redeemed.statusCode} ${redeemed.payload}`);
  const mine = await agent.get(`/api/workspaces/${workspace.id}`);
  return Object.assign(agent, {
    personId: mine.body.personId as string,
    membershipId: mine.body.membershipId as string,
  });
}

/** An admin, a workspace they coordinate, and a second workspace they also coordinate. */
export async function adminWithWorkspace(app: FastifyInstance, name = 'Sonop Shelter') {
  const admin = await createAdmin(app);
  const workspace = await createWorkspace(admin, name);
  return { admin, workspace };
}
