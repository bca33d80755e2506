import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../clock.ts';
import { Agent } from '../test/agent.ts';
import { seedAccount, seededPassword } from '../test/seed-accounts.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { passwordVerifications } from './passwords.ts';

let now = Date.parse('2026-03-01T10:00:00Z');
const clock: Clock = { now: () => new Date(now) };
const wait = (seconds: number) => {
  now += seconds * 1000;
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock });
  await seedAccount(server.deps.db, 'known');
});
afterAll(() => server.close());

const attempt = (agent: Agent, login: string, password = 'wrong password') =>
  agent.post('/api/auth/sign-in', { login, password });

describe('sign-in throttling', () => {
  it('allows five failures, then backs off the same way for known and unknown logins', async () => {
    for (const login of ['known', 'unknown-person']) {
      const agent = new Agent(server.app, { address: `10.0.0.${login.length}` });
      for (let i = 0; i < 5; i++) expect((await attempt(agent, login)).statusCode).toBe(401);
      expect((await attempt(agent, login)).statusCode).toBe(401); // the 6th counts and blocks for 2 s
      const blocked = await attempt(agent, login);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.body).toMatchObject({ code: 'auth.throttled', retryAfterSeconds: 2 });
      expect(blocked.headers['retry-after']).toBe('2');
      // While blocked even the right password is refused, and no argon2 work is done.
      const before = passwordVerifications();
      expect((await attempt(agent, login, seededPassword)).statusCode).toBe(429);
      expect(passwordVerifications()).toBe(before);
      wait(3);
      expect((await attempt(agent, login)).statusCode).toBe(401); // 7th: 4 s
      expect((await attempt(agent, login)).body.retryAfterSeconds).toBe(4);
    }
  });

  it('grows the wait exponentially up to 15 minutes, and a success clears the login', async () => {
    const agent = new Agent(server.app, { address: '10.0.1.1' });
    const login = 'known';
    let retry = 0;
    for (let i = 0; i < 12; i++) {
      wait(901);
      await attempt(agent, login);
      retry = (await attempt(agent, login)).body.retryAfterSeconds;
    }
    expect(retry).toBe(900);
    wait(901);
    expect((await attempt(agent, login, seededPassword)).statusCode).toBe(200);
    // Cleared: five free failures again.
    for (let i = 0; i < 5; i++) expect((await attempt(agent, login)).statusCode).toBe(401);
  });

  it('decides atomically: of 20 guesses sent at once, only as many are checked as one by one', async () => {
    const before = passwordVerifications();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attempt(new Agent(server.app, { address: `10.0.9.${i}` }), 'known-parallel-target'),
      ),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    // Five free tries and the sixth that sets the first wait, as in sequence; the rest never hash.
    expect(codes).toEqual([...Array(6).fill(401), ...Array(14).fill(429)]);
    expect(passwordVerifications() - before).toBe(6);
  });

  it('limits one address across many logins', async () => {
    const agent = new Agent(server.app, { address: '10.0.2.2' });
    for (let i = 0; i < 21; i++) expect((await attempt(agent, `guess-${i}`)).statusCode).toBe(401);
    const blocked = await attempt(agent, 'guess-new');
    expect(blocked.statusCode).toBe(429);
    // Someone at another address is not affected.
    expect(
      (await attempt(new Agent(server.app, { address: '10.0.2.3' }), 'known', seededPassword)).statusCode,
    ).toBe(200);
  });

  it('survives a server restart', async () => {
    const agent = new Agent(server.app, { address: '10.0.3.3' });
    for (let i = 0; i < 6; i++) await attempt(agent, 'restart-target');
    expect((await attempt(agent, 'restart-target')).statusCode).toBe(429);
    const { database, dataDir } = server.config;
    await server.close({ keepData: true });
    server = await startTestServer({ clock, database, dataDir });
    const again = new Agent(server.app, { address: '10.0.3.3' });
    const blocked = await attempt(again, 'restart-target');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body.code).toBe('auth.throttled');
  });
});
