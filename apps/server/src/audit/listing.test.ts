import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../test/agent.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { adminWithWorkspace, joinAs, type TestWorkspace } from '../test/workspace-world.ts';
import { verifyAuditLog } from './verify.ts';

let server: TestServer;
let coordinator: Agent;
let workspace: TestWorkspace;
const audit = (query = '') => coordinator.get(`/api/workspaces/${workspace.id}/audit${query}`);

beforeAll(async () => {
  server = await startTestServer();
  ({ admin: coordinator, workspace } = await adminWithWorkspace(server.app));
});
afterAll(() => server.close());

describe('audit listing', () => {
  it('keeps one linear chain under 50 concurrent person creates', async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        coordinator.post(`/api/workspaces/${workspace.id}/people`, { displayName: `Concurrent ${i}` }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const report = await verifyAuditLog(server.deps.db, server.deps.auditKeys);
    expect(report.broken).toBeNull();
    const chain = await server.deps.db
      .selectFrom('audit_entries')
      .select('sequence')
      .where('workspace_id', '=', workspace.id)
      .orderBy('sequence')
      .execute();
    expect(chain.map((row) => Number(row.sequence))).toEqual(chain.map((_, i) => i + 1));
    expect(chain.length).toBeGreaterThanOrEqual(51);
    // Every create took its own revision: none were handed out twice.
    const revisions = responses.map((r) => r.body.revision as string);
    expect(new Set(revisions).size).toBe(50);
  });

  it('lists newest first with names, filters and keyset pages', async () => {
    const first = await audit('?limit=5');
    expect(first.statusCode).toBe(200);
    const sequences = first.body.items.map((e: { sequence: number }) => e.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
    expect(first.body.items[0]).toMatchObject({
      action: 'person.create',
      actorDisplayName: 'Admin',
      entityType: 'person',
    });
    const second = await audit(`?limit=5&cursor=${first.body.cursor}`);
    expect(second.body.items[0].sequence).toBe(sequences.at(-1) - 1);

    const created = await audit('?action=workspace.create');
    expect(created.body.items).toHaveLength(1);
    expect(created.body.items[0].fields).toEqual(['defaultLocale', 'name', 'timeZone']);
    const byActor = await audit(
      `?actorAccountId=${created.body.items[0].actorAccountId}&entityType=person&limit=500`,
    );
    expect(byActor.body.items.length).toBe(50);
    const future = await audit('?from=2999-01-01T00:00:00Z');
    expect(future.body.items).toEqual([]);
    const past = await audit('?to=2000-01-01T00:00:00%2B02:00');
    expect(past.body.items).toEqual([]);
  });

  it('is for coordinators only, and checks its query', async () => {
    const staff = await joinAs(server.app, workspace, 'staff');
    expect((await staff.get(`/api/workspaces/${workspace.id}/audit`)).statusCode).toBe(403);
    expect((await audit('?from=yesterday')).statusCode).toBe(400);
    expect((await audit('?cursor=abc')).statusCode).toBe(400);
    expect((await audit('?limit=100000')).statusCode).toBe(400);
  });
});
