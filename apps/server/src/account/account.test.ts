import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../clock.ts';
import { Agent, adminPassword, createAdmin, signIn } from '../test/agent.ts';
import { seedAccount, seededPassword } from '../test/seed-accounts.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

let now = Date.parse('2026-05-01T08:00:00Z');
const clock: Clock = { now: () => new Date(now) };

let server: TestServer;
let admin: Agent;
beforeAll(async () => {
  server = await startTestServer({ clock });
  admin = await createAdmin(server.app, { email: 'lead@example.org' });
  await seedAccount(server.deps.db, 'second');
});
afterAll(() => server.close());

const liveSessions = async (accountId: string) =>
  server.deps.db
    .selectFrom('sessions')
    .select('id')
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .execute();

describe('own account', () => {
  it('changes name, language, email and phone; taken ones are 409', async () => {
    const changed = await admin.patch('/api/account', {
      displayName: 'Lead Organiser',
      locale: 'zu',
      email: 'Lead.New@Example.org',
      phone: '+91 98765-43210',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toMatchObject({
      displayName: 'Lead Organiser',
      locale: 'zu',
      email: 'Lead.New@Example.org',
      phone: '+91 98765-43210',
    });
    await signIn(server.app, 'lead.new@example.org', adminPassword);
    await signIn(server.app, '+919876543210', adminPassword);

    const second = await signIn(server.app, 'second', seededPassword);
    const email = await second.patch('/api/account', { email: 'LEAD.new@example.org' });
    expect(email.statusCode).toBe(409);
    expect(email.body.code).toBe('conflict.email_taken');
    const phone = await second.patch('/api/account', { phone: '+91 9876543210' });
    expect(phone.statusCode).toBe(409);
    expect(phone.body.code).toBe('conflict.phone_taken');
    expect((await second.get('/api/auth/session')).body.account).toMatchObject({ email: null, phone: null });

    const cleared = await admin.patch('/api/account', { phone: null });
    expect(cleared.body.phone).toBeNull();
    expect((await second.patch('/api/account', { phone: '+91 9876543210' })).statusCode).toBe(200);
  });

  it('answers bad input with 400 naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ email: 'not-an-email' }, 'body.email'],
      [{ phone: 'call me' }, 'body.phone'],
      [{ displayName: '' }, 'body.displayName'],
      [{ displayName: 7 }, 'body.displayName'],
      [{ locale: 'fr' }, 'body.locale'],
      [{ isAdmin: true }, 'body.isAdmin'],
    ];
    for (const [body, path] of cases) {
      const response = await admin.patch('/api/account', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.body.errors[0].path).toBe(path);
    }
    const malformed = await admin.patch('/api/account', undefined, { rawBody: '{"displayName":}' });
    expect(malformed.statusCode).toBe(400);
    expect((await admin.get('/api/auth/session')).body.account.isAdmin).toBe(true);
  });

  it('lists own devices and signs one out; another account’s session is 404', async () => {
    const phone = await signIn(server.app, 'admin', adminPassword);
    const devices = await admin.get('/api/account/sessions');
    expect(devices.statusCode).toBe(200);
    const current = devices.body.items.filter((item: { current: boolean }) => item.current);
    expect(current).toHaveLength(1);
    const phoneSession = devices.body.items.find((item: { id: string; current: boolean }) => !item.current);
    const second = await signIn(server.app, 'second', seededPassword);
    expect((await second.delete(`/api/account/sessions/${phoneSession.id}`)).statusCode).toBe(404);
    expect((await phone.get('/api/auth/session')).statusCode).toBe(200);
    expect((await admin.delete(`/api/account/sessions/${phoneSession.id}`)).statusCode).toBe(204);
    expect((await phone.get('/api/auth/session')).statusCode).toBe(401);
    expect((await admin.delete(`/api/account/sessions/${phoneSession.id}`)).statusCode).toBe(404);
    expect((await admin.delete('/api/account/sessions/not-an-id')).statusCode).toBe(400);
  });

  it('signs out this device or every device', async () => {
    const a = await signIn(server.app, 'second', seededPassword);
    const b = await signIn(server.app, 'second', seededPassword);
    const c = await signIn(server.app, 'second', seededPassword);
    const out = await a.post('/api/auth/sign-out', {});
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/coproduce_session=;/);
    expect((await a.get('/api/auth/session')).statusCode).toBe(401);
    expect((await b.get('/api/auth/session')).statusCode).toBe(200);
    expect((await b.post('/api/auth/sign-out', { everywhere: true })).statusCode).toBe(204);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
    expect((await c.post('/api/auth/sign-out', {})).statusCode).toBe(401);
  });

  it('changes the password, signing out every other device', async () => {
    const other = await signIn(server.app, 'admin', adminPassword);
    const changed = await admin.post('/api/auth/password', {
      currentPassword: adminPassword,
      newPassword: 'the next long password',
    });
    expect(changed.statusCode).toBe(204);
    expect((await other.get('/api/auth/session')).statusCode).toBe(401);
    expect((await admin.get('/api/auth/session')).statusCode).toBe(200);
    expect(await liveSessions(admin.accountId ?? '')).toHaveLength(1);
    const old = await new Agent(server.app).post('/api/auth/sign-in', {
      login: 'admin',
      password: adminPassword,
    });
    expect(old.statusCode).toBe(401);
    await signIn(server.app, 'admin', 'the next long password');
    const short = await admin.post('/api/auth/password', {
      currentPassword: 'the next long password',
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.body.errors[0].path).toBe('body.newPassword');
  });

  it('keeps sessions for sessionDays (60), then asks to sign in again', async () => {
    const agent = await signIn(server.app, 'second', seededPassword);
    now += 59 * 86400 * 1000;
    expect((await agent.get('/api/auth/session')).statusCode).toBe(200);
    now += 2 * 86400 * 1000;
    const expired = await agent.get('/api/auth/session');
    expect(expired.statusCode).toBe(401);
    expect(expired.body.code).toBe('auth.required');
  });

  it('marks the cookie Secure when PUBLIC_URL is https', async () => {
    const https = await startTestServer({ publicUrl: 'https://coproduce.example.org' });
    try {
      const agent = await createAdmin(https.app);
      const response = await agent.post('/api/auth/sign-in', { login: 'admin', password: adminPassword });
      expect(String(response.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await https.close();
    }
  });
});
