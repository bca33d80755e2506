import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../test/agent.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('first-run setup', () => {
  it('rejects bad input naming the field, and writes nothing', async () => {
    const agent = new Agent(server.app);
    const cases: Array<[unknown, string]> = [
      [{ username: 'ab', password: 'long enough pass', displayName: 'A' }, 'body.username'],
      [{ username: 'has space', password: 'long enough pass', displayName: 'A' }, 'body.username'],
      [{ username: 'admin', password: 'short', displayName: 'A' }, 'body.password'],
      [{ username: 'admin', password: 'long enough pass' }, 'body.displayName'],
      [{ username: 'admin', password: 'long enough pass', displayName: 'A', email: 'nope' }, 'body.email'],
    ];
    for (const [body, path] of cases) {
      const response = await agent.post('/api/setup', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.body.errors[0].path).toBe(path);
    }
    expect((await agent.get('/api/setup')).body).toEqual({ needed: true, signedIn: false });
  });

  it('lets exactly one of several simultaneous setups win', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        new Agent(server.app).post('/api/setup', {
          username: `first${i}`,
          password: 'long enough pass',
          displayName: `First ${i}`,
        }),
      ),
    );
    const statuses = attempts.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    const accounts = await server.deps.db.selectFrom('accounts').select(['is_admin']).execute();
    expect(accounts).toEqual([{ is_admin: 1 }]);
    const winner = attempts.find((response) => response.statusCode === 201);
    expect(winner?.body.csrfToken).toBeTruthy();
    expect(String(winner?.headers['set-cookie'])).toMatch(/HttpOnly/);
  });
});
