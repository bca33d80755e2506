import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../test/agent.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { adminWithWorkspace, joinAs, type TestWorkspace } from '../test/workspace-world.ts';

let server: TestServer;
let admin: Agent;
let workspace: TestWorkspace;

beforeAll(async () => {
  server = await startTestServer();
  ({ admin, workspace } = await adminWithWorkspace(server.app));
});
afterAll(() => server.close());

describe('workspaces', () => {
  it('lists the caller’s workspaces with role, person, membership and abilities', async () => {
    const response = await admin.get('/api/workspaces');
    expect(response.statusCode).toBe(200);
    expect(response.body.items).toHaveLength(1);
    const [item] = response.body.items;
    expect(item).toMatchObject({ id: workspace.id, role: 'coordinator', timeZone: 'Africa/Johannesburg' });
    expect(item.abilities.manageWorkspace).toBe(true);
    expect(item.personId).toBe(workspace.coordinatorPersonId);
  });

  it('needs a session to list', async () => {
    const response = await new Agent(server.app).get('/api/workspaces');
    expect(response.statusCode).toBe(401);
  });

  it('creates idempotently with a client id, and refuses the id for other content', async () => {
    const id = '0190f5d2-5c3a-7cc1-9c1e-3a1b2c3d4e5f';
    const first = await admin.post('/api/workspaces', { id, name: 'Phones first' });
    expect(first.statusCode).toBe(201);
    const again = await admin.post('/api/workspaces', { id, name: 'Phones first' });
    expect(again.statusCode).toBe(201);
    expect(again.body.revision).toBe(first.body.revision);
    const other = await admin.post('/api/workspaces', { id, name: 'Something else' });
    expect(other.statusCode).toBe(409);
    expect(other.body.code).toBe('conflict.id_reused');
  });

  it('lets only server admins create workspaces', async () => {
    const staff = await joinAs(server.app, workspace, 'staff');
    const response = await staff.post('/api/workspaces', { name: 'Not mine' });
    expect(response.statusCode).toBe(403);
  });

  it('lets coordinators rename; others get 403; foreign ids 404', async () => {
    const renamed = await admin.patch(`/api/workspaces/${workspace.id}`, { name: 'Sonop Community' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.body.name).toBe('Sonop Community');
    const member = await joinAs(server.app, workspace, 'member');
    expect((await member.patch(`/api/workspaces/${workspace.id}`, { name: 'x' })).statusCode).toBe(403);
    const got = await member.get(`/api/workspaces/${workspace.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.body.abilities.readPeople).toBe(false);
    const foreign = await member.get('/api/workspaces/0190f5d2-5c3a-7cc1-9c1e-3a1b2c3d4e5f');
    expect(foreign.statusCode).toBe(404);
  });

  it('rejects bad input with a 400 naming the field', async () => {
    const unknownField = await admin.patch(`/api/workspaces/${workspace.id}`, { colour: 'red' });
    expect(unknownField.statusCode).toBe(400);
    const badZone = await admin.patch(`/api/workspaces/${workspace.id}`, { timeZone: 'Mars/Olympus' });
    expect(badZone.statusCode).toBe(400);
    expect(JSON.stringify(badZone.body.errors)).toContain('timeZone');
    const malformed = await admin.request('PATCH', `/api/workspaces/${workspace.id}`, undefined, {
      rawBody: '{"name":',
    });
    expect(malformed.statusCode).toBe(400);
  });
});
