import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../ids.ts';
import { Agent, adminPassword, createAdmin, signIn } from '../test/agent.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { passwordVerifications } from './passwords.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('setup and sign-in', () => {
  it('offers setup only while no account exists, then signs the admin in', async () => {
    const anonymous = new Agent(server.app);
    expect((await anonymous.get('/api/setup')).body).toEqual({ needed: true, signedIn: false });
    const admin = await createAdmin(server.app, { email: 'Admin@Example.org' });
    expect(admin.sessionCookie).toBeTruthy();
    const session = await admin.get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.body.account).toMatchObject({
      username: 'admin',
      email: 'Admin@Example.org',
      isAdmin: true,
    });
    expect((await anonymous.get('/api/setup')).body).toEqual({ needed: false, signedIn: false });
    expect((await admin.get('/api/setup')).body).toEqual({ needed: false, signedIn: true });
    const again = await anonymous.post('/api/setup', {
      username: 'second',
      password: 'another long password',
      displayName: 'Second',
    });
    expect(again.statusCode).toBe(409);
    expect(again.body.code).toBe('setup.already_done');
  });

  it('signs in by username, email and phone, in any case and spacing', async () => {
    const byName = await signIn(server.app, ' ADMIN ', adminPassword);
    expect(byName.csrfToken).toBeTruthy();
    await signIn(server.app, 'admin@example.ORG', adminPassword);
    const patched = await byName.patch('/api/account', { phone: '+27 82-123 4567' });
    expect(patched.statusCode).toBe(200);
    await signIn(server.app, '+27821234567', adminPassword);
  });

  it('answers a wrong password and an unknown login the same way, both after running argon2', async () => {
    const agent = new Agent(server.app);
    const before = passwordVerifications();
    const wrong = await agent.post('/api/auth/sign-in', { login: 'admin', password: 'not the password' });
    const middle = passwordVerifications();
    const unknown = await agent.post('/api/auth/sign-in', { login: 'nobody', password: 'not the password' });
    const after = passwordVerifications();
    expect(middle - before).toBe(1);
    expect(after - middle).toBe(1);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body.code).toBe('auth.invalid_credentials');
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('sets an httpOnly, SameSite=Lax, Path=/ cookie and stores only its hash', async () => {
    const agent = new Agent(server.app);
    const response = await agent.post('/api/auth/sign-in', { login: 'admin', password: adminPassword });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/coproduce_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // PUBLIC_URL is http in tests
    const token = agent.sessionCookie ?? '';
    expect(Buffer.from(token, 'base64url').length).toBe(32);
    const rows = await server.deps.db.selectFrom('sessions').select(['id', 'token_hash']).execute();
    expect(rows.some((row) => row.token_hash === sha256(token))).toBe(true);
    for (const row of rows) {
      expect(row.token_hash).not.toBe(token);
      expect(row.id).not.toBe(token);
    }
  });

  it('rotates the session on sign-in: the presented one stops working', async () => {
    const agent = await signIn(server.app, 'admin', adminPassword);
    const old = agent.sessionCookie;
    const again = await agent.post('/api/auth/sign-in', { login: 'admin', password: adminPassword });
    expect(again.statusCode).toBe(200);
    expect(agent.sessionCookie).not.toBe(old);
    const stale = new Agent(server.app);
    stale.cookies.set('coproduce_session', old ?? '');
    expect((await stale.get('/api/auth/session')).statusCode).toBe(401);
    expect((await agent.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('refuses a write without or with a wrong CSRF token, and changes nothing', async () => {
    const agent = await signIn(server.app, 'admin', adminPassword);
    const count = async () =>
      (await server.deps.db.selectFrom('audit_entries').select('id').execute()).length;
    const before = await count();
    const missing = await agent.patch('/api/account', { displayName: 'Changed' }, { csrf: false });
    const wrong = await agent.patch('/api/account', { displayName: 'Changed' }, { csrf: 'x'.repeat(43) });
    for (const response of [missing, wrong]) {
      expect(response.statusCode).toBe(403);
      expect(response.body.code).toBe('auth.csrf');
    }
    expect((await agent.get('/api/auth/session')).body.account.displayName).toBe('Admin');
    expect(await count()).toBe(before);
  });

  it('rejects malformed JSON, unknown fields, wrong types and oversized bodies with 400/413 naming the field', async () => {
    const agent = new Agent(server.app);
    const malformed = await agent.post('/api/auth/sign-in', undefined, { rawBody: '{"login":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.body.code).toBe('request.invalid');
    expect(malformed.body.errors).toEqual([
      { path: 'body', message: 'not valid JSON', code: 'body.not_json' },
    ]);
    const quoted = await agent.post('/api/auth/sign-in', undefined, { rawBody: 'my secret words' });
    expect(JSON.stringify(quoted.body)).not.toContain('secret');
    const unknown = await agent.post('/api/auth/sign-in', { login: 'a', password: 'b', extra: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body.errors).toEqual([
      { path: 'body.extra', message: 'unknown field "extra"', code: 'unrecognized_keys' },
    ]);
    const wrongType = await agent.post('/api/auth/sign-in', { login: 5, password: 'b' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.body.errors[0]).toMatchObject({
      path: 'body.login',
      code: 'invalid_type',
      params: { expected: 'string' },
    });
    // A stable code with its parameters, so screens word it in the reader's language; never the value.
    const empty = await agent.post('/api/auth/sign-in', { login: '', password: 'secret words' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body.errors[0]).toMatchObject({
      path: 'body.login',
      code: 'too_small',
      params: { minimum: 1, origin: 'string' },
    });
    expect(JSON.stringify(empty.body)).not.toContain('secret words');
    const huge = await agent.post('/api/auth/sign-in', { login: 'a', password: 'x'.repeat(1_100_000) });
    expect(huge.statusCode).toBe(413);
  });
});
