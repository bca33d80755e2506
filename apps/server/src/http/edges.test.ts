// Requests at the edges: over-long ids and addresses, anonymous calls with bad bodies, empty
// uploads and list paging. Each gets problem+json that says what and where.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../test/agent.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { adminWithWorkspace, joinAs, type TestWorkspace } from '../test/workspace-world.ts';

let server: TestServer;
let workspace: TestWorkspace;
let address: string;
beforeAll(async () => {
  server = await startTestServer();
  ({ workspace } = await adminWithWorkspace(server.app));
  address = await server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

describe('long addresses', () => {
  it('answers an over-long id with problem+json naming the limit', async () => {
    const response = await fetch(`${address}/api/workspaces/${'a'.repeat(300)}/people`);
    expect(response.status).toBe(414);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ code: 'request.too_long', errors: [{ path: 'params' }] });
  });

  it('answers a query string or headers over the limit with problem+json', async () => {
    const long = await fetch(`${address}/api/workspaces?q=${'a'.repeat(20_000)}`);
    expect(long.status).toBe(431);
    expect(long.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await long.json()).toMatchObject({ code: 'request.too_large', status: 431 });
    const header = await fetch(`${address}/health`, { headers: { 'x-filler': 'b'.repeat(20_000) } });
    expect(header.status).toBe(431);
    expect((await header.json()).code).toBe('request.too_large');
  });
});

describe('anonymous calls', () => {
  it('are refused with 401 before their body is looked at', async () => {
    const anonymous = new Agent(server.app);
    const invalid = await anonymous.post(`/api/workspaces/${workspace.id}/people`, {
      displayName: 42,
      extra: true,
    });
    expect(invalid.statusCode).toBe(401);
    expect(invalid.body.code).toBe('auth.required');
    const malformed = await anonymous.post(`/api/workspaces/${workspace.id}/people`, undefined, {
      rawBody: '{"x"',
    });
    expect(malformed.statusCode).toBe(401);
  });
});

describe('uploads', () => {
  it('name the field of an empty upload', async () => {
    const created = await workspace.coordinator.post(`/api/workspaces/${workspace.id}/forms/from-template`, {
      templateId: 'household-enumeration',
    });
    const attach = await workspace.coordinator.post(
      `/api/workspaces/${workspace.id}/forms/${created.body.id}/attachments`,
      {
        fileName: 'empty.csv',
        contentBase64: '',
      },
    );
    expect(attach.statusCode).toBe(400);
    expect(attach.body.errors[0]).toMatchObject({ path: 'body.contentBase64' });
    const form = await workspace.coordinator.post(`/api/workspaces/${workspace.id}/forms/import`, {
      fileName: 'empty.xlsx',
      contentBase64: '',
    });
    expect(form.statusCode).toBe(400);
    expect(form.body.errors[0]).toMatchObject({ path: 'body.contentBase64' });
  });
});

describe('short lists', () => {
  it('honour limit and cursor for members, invites, tokens and workspaces', async () => {
    for (let i = 0; i < 4; i++) await joinAs(server.app, workspace, 'member', `Paged ${i}`);
    const base = `/api/workspaces/${workspace.id}`;
    for (const path of [`${base}/members`, `${base}/invites`]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await workspace.coordinator.get(`${path}?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.statusCode, page.payload).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.hasMore ? page.body.cursor : null;
      } while (cursor);
      const all = await workspace.coordinator.get(`${path}?limit=500`);
      expect(seen).toEqual(all.body.items.map((item: { id: string }) => item.id));
      expect(new Set(seen).size).toBeGreaterThanOrEqual(4);
    }
    for (let i = 0; i < 3; i++)
      await workspace.coordinator.post(`${base}/tokens`, { name: `t${i}`, role: 'member' });
    const tokens = await workspace.coordinator.get(`${base}/tokens?limit=2`);
    expect(tokens.body).toMatchObject({ hasMore: true, cursor: expect.any(String) });
    const rest = await workspace.coordinator.get(`${base}/tokens?limit=2&cursor=${tokens.body.cursor}`);
    expect(rest.body.items.length).toBe(1);
    const workspaces = await workspace.coordinator.get('/api/workspaces?limit=1');
    expect(workspaces.body.items.length).toBe(1);
    for (const bad of ['limit=0', 'limit=501', 'cursor=not-a-cursor']) {
      const refused = await workspace.coordinator.get(`${base}/members?${bad}`);
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.body.errors[0].path, bad).toMatch(/^query\./);
    }
  });
});
