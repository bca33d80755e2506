import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../ids.ts';
import { Agent, signIn } from '../test/agent.ts';
import { seedAccount, seededPassword, seedMembership, seedWorkspace } from '../test/seed-accounts.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

let server: TestServer;
let workspaceId: string;
let otherWorkspaceId: string;
let staff: Agent;
let member: Agent;
let outsider: Agent;
let partner: Agent;

beforeAll(async () => {
  server = await startTestServer();
  const db = server.deps.db;
  workspaceId = await seedWorkspace(db);
  otherWorkspaceId = await seedWorkspace(db, 'Elsewhere');
  const staffId = await seedAccount(db, 'staffer');
  const memberId = await seedAccount(db, 'member1');
  const outsiderId = await seedAccount(db, 'outsider');
  const partnerId = await seedAccount(db, 'partner1');
  await seedMembership(db, workspaceId, partnerId, 'partner');
  await seedMembership(db, workspaceId, staffId, 'staff');
  await seedMembership(db, workspaceId, memberId, 'member');
  await seedMembership(db, otherWorkspaceId, outsiderId, 'coordinator');
  staff = await signIn(server.app, 'staffer', seededPassword);
  member = await signIn(server.app, 'member1', seededPassword);
  outsider = await signIn(server.app, 'outsider', seededPassword);
  partner = await signIn(server.app, 'partner1', seededPassword);
});
afterAll(() => server.close());

const tokens = (id = workspaceId) => `/api/workspaces/${id}/tokens`;
const bearer = (secret: string) => ({ headers: { authorization: `Bearer ${secret}` } });

describe('API tokens', () => {
  it('creates a token shown once, stored only as a hash, usable on its workspace', async () => {
    const created = await staff.post(tokens(), {
      name: 'export script',
      role: 'researcher',
      expiresInDays: 30,
    });
    expect(created.statusCode).toBe(201);
    const { secret, token } = created.body;
    expect(secret).toMatch(/^cpt_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'export script', role: 'researcher', revokedAt: null });
    const row = await server.deps.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_hash).toBe(sha256(secret));
    expect(JSON.stringify(row)).not.toContain(secret);
    const listed = await staff.get(tokens());
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(token.id);
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    const anonymous = new Agent(server.app);
    // Bearer tokens work on their workspace's endpoints, and need no CSRF token.
    const viaToken = await anonymous.get(tokens(), bearer(secret));
    expect(viaToken.statusCode).toBe(200);
    expect(viaToken.body.items.length).toBeGreaterThan(0);
    // A token cannot mint tokens (a leaked one could otherwise outlive its expiry).
    expect((await anonymous.post(tokens(), { name: 'y', role: 'member' }, bearer(secret))).statusCode).toBe(
      403,
    );
    expect(
      (await anonymous.get(`/api/workspaces/${otherWorkspaceId}/tokens`, bearer(secret))).statusCode,
    ).toBe(404);
    // …and never on account endpoints.
    expect((await anonymous.patch('/api/account', { displayName: 'x' }, bearer(secret))).statusCode).toBe(
      403,
    );
    expect((await anonymous.get('/api/account/sessions', bearer(secret))).statusCode).toBe(403);
  });

  it('lets a token revoke itself without a CSRF token', async () => {
    const created = await staff.post(tokens(), { name: 'rotating', role: 'member' });
    const anonymous = new Agent(server.app);
    const revoked = await anonymous.delete(
      `${tokens()}/${created.body.token.id}`,
      bearer(created.body.secret),
    );
    expect(revoked.statusCode).toBe(204);
    expect((await anonymous.get(tokens(), bearer(created.body.secret))).statusCode).toBe(401);
  });

  it('refuses a role above the creator’s own (403) and accepts one within it', async () => {
    const tooHigh = await staff.post(tokens(), { name: 'x', role: 'coordinator' });
    expect(tooHigh.statusCode).toBe(403);
    expect(tooHigh.body.code).toBe('auth.forbidden');
    expect((await member.post(tokens(), { name: 'x', role: 'staff' })).statusCode).toBe(403);
    expect((await member.post(tokens(), { name: 'mine', role: 'member' })).statusCode).toBe(201);
  });

  it('never gives a token a role its owner does not cover: a partner cannot mint member rights', async () => {
    const minted = await partner.post(tokens(), { name: 'escalate', role: 'member' });
    expect(minted.statusCode).toBe(403);
    expect(minted.body.code).toBe('auth.forbidden');
    // Members cannot mint partner rights either: the two roles see different things.
    expect((await member.post(tokens(), { name: 'x', role: 'partner' })).statusCode).toBe(403);
    expect((await staff.post(tokens(), { name: 'x', role: 'partner' })).statusCode).toBe(403);
    const own = await partner.post(tokens(), { name: 'reports', role: 'partner' });
    expect(own.statusCode).toBe(201);
    // With its own token a partner still reads no drafts (a partner sees published forms only).
    const anonymous = new Agent(server.app);
    const forms = await anonymous.get(`/api/workspaces/${workspaceId}/forms`, bearer(own.body.secret));
    expect(forms.statusCode).toBe(200);
    expect(forms.body.items.every((f: { latestVersion: unknown }) => f.latestVersion !== null)).toBe(true);
  });

  it('expires after 90 days unless told otherwise, and never lasts for ever', async () => {
    const created = await staff.post(tokens(), { name: 'default life', role: 'member' });
    expect(created.statusCode).toBe(201);
    const days =
      (Date.parse(created.body.token.expiresAt) - Date.parse(created.body.token.createdAt)) / 86_400_000;
    expect(days).toBe(90);
    const forever = await staff.post(tokens(), { name: 'forever', role: 'member', expiresInDays: null });
    expect(forever.statusCode).toBe(400);
    expect(forever.body.errors[0].path).toBe('body.expiresInDays');
    expect(
      (await staff.post(tokens(), { name: 'long', role: 'member', expiresInDays: 366 })).statusCode,
    ).toBe(400);
  });

  it('revokes tokens on a password change and on signing out everywhere, unless told to keep them', async () => {
    const accountId = await seedAccount(server.deps.db, 'rotator');
    await seedMembership(server.deps.db, workspaceId, accountId, 'staff');
    const owner = await signIn(server.app, 'rotator', seededPassword);
    const anonymous = new Agent(server.app);
    const works = async (secret: string) => (await anonymous.get(tokens(), bearer(secret))).statusCode;

    const first = (await owner.post(tokens(), { name: 'a', role: 'member' })).body.secret as string;
    expect(await works(first)).toBe(200);
    const changed = await owner.post('/api/auth/password', {
      currentPassword: seededPassword,
      newPassword: 'another long password',
    });
    expect(changed.statusCode).toBe(204);
    expect(await works(first)).toBe(401);

    const kept = (await owner.post(tokens(), { name: 'b', role: 'member' })).body.secret as string;
    await owner.post('/api/auth/password', {
      currentPassword: 'another long password',
      newPassword: 'a third long password',
      revokeApiTokens: false,
    });
    expect(await works(kept)).toBe(200);

    const everywhere = await owner.post('/api/auth/sign-out', { everywhere: true });
    expect(everywhere.statusCode).toBe(204);
    expect(await works(kept)).toBe(401);
  });

  it('answers 401 for a revoked or expired token', async () => {
    const created = await staff.post(tokens(), { name: 'short', role: 'staff', expiresInDays: 1 });
    const secret = created.body.secret as string;
    const anonymous = new Agent(server.app);
    const revoked = await staff.delete(`${tokens()}/${created.body.token.id}`);
    expect(revoked.statusCode).toBe(204);
    expect((await anonymous.get(tokens(), bearer(secret))).statusCode).toBe(401);
    const again = await staff.delete(`${tokens()}/${created.body.token.id}`);
    expect(again.statusCode).toBe(204);

    const expiring = await staff.post(tokens(), { name: 'expiring', role: 'member', expiresInDays: 1 });
    await server.deps.db
      .updateTable('api_tokens')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('id', '=', expiring.body.token.id)
      .execute();
    expect((await anonymous.get(tokens(), bearer(`${expiring.body.secret}x`))).statusCode).toBe(401);
    const expired = await anonymous.get(tokens(), bearer(expiring.body.secret));
    expect(expired.statusCode).toBe(401);
    expect(expired.body.code).toBe('auth.required');
  });

  it('keeps tokens to their owner and workspace: foreign ids are 404', async () => {
    const created = await staff.post(tokens(), { name: 'staff only', role: 'member' });
    const id = created.body.token.id as string;
    expect((await member.delete(`${tokens()}/${id}`)).statusCode).toBe(404);
    expect((await outsider.get(tokens())).statusCode).toBe(404);
    expect((await outsider.post(tokens(), { name: 'x', role: 'member' })).statusCode).toBe(404);
    expect((await outsider.delete(`${tokens()}/${id}`)).statusCode).toBe(404);
    expect((await outsider.delete(`${tokens(otherWorkspaceId)}/${id}`)).statusCode).toBe(404);
    const memberList = await member.get(tokens());
    expect(memberList.body.items.map((item: { id: string }) => item.id)).not.toContain(id);
    const row = await server.deps.db
      .selectFrom('api_tokens')
      .select('revoked_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
  });

  it('answers bad input with 400 naming the field', async () => {
    const wrongRole = await staff.post(tokens(), { name: 'x', role: 'boss' });
    expect(wrongRole.statusCode).toBe(400);
    expect(wrongRole.body.errors[0].path).toBe('body.role');
    const unknown = await staff.post(tokens(), { name: 'x', role: 'member', scope: 'all' });
    expect(unknown.statusCode).toBe(400);
    const days = await staff.post(tokens(), { name: 'x', role: 'member', expiresInDays: 'ten' });
    expect(days.body.errors[0].path).toBe('body.expiresInDays');
    const malformed = await staff.post(tokens(), undefined, { rawBody: '{"name"' });
    expect(malformed.statusCode).toBe(400);
    expect((await staff.delete(`${tokens()}/not-a-uuid`)).statusCode).toBe(400);
  });
});
