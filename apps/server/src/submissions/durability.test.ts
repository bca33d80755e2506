// Kill -9 during a stream of submissions, twenty times: every submission the server acknowledged
// is there after each restart. Acknowledged means committed (group commit answers only then).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../db/config.ts';
import { connectDatabase } from '../db/connect.ts';
import { startChildServer } from '../test/child-server.ts';
import { householdForm } from '../test/collection-world.ts';
import { dropTestDatabase, testDatabaseConfig, testDatabaseKind } from '../test/database.ts';

let dataDir: string;
let database: DatabaseConfig;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'coproduce-kill-'));
  database =
    testDatabaseKind === 'sqlite'
      ? { kind: 'sqlite', file: join(dataDir, 'coproduce.sqlite') }
      : await testDatabaseConfig();
});
afterAll(async () => {
  if (database.kind === 'postgres') await dropTestDatabase(database);
  rmSync(dataDir, { recursive: true, force: true });
});

const session = { cookie: '', csrf: '' };
async function send(base: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const cookie = response.headers.get('set-cookie');
  if (cookie) session.cookie = cookie.split(';')[0] ?? '';
  return {
    status: response.status,
    body: (await response.json().catch(() => ({}))) as Record<string, unknown> & {
      id: string;
      csrfToken: string;
      outcomes: Array<{ id: string; status: string }>;
    },
  };
}

describe('acknowledged submissions survive SIGKILL', () => {
  it('keeps every acknowledged one over twenty kills during a stream', { timeout: 240_000 }, async () => {
    let server = await startChildServer(database, dataDir);
    const setup = await send(server.url, 'POST', '/api/setup', {
      username: 'killer',
      password: 'a long enough password',
      displayName: 'K',
    });
    expect(setup.status).toBe(201);
    session.csrf = setup.body.csrfToken;
    const ws = (await send(server.url, 'POST', '/api/workspaces', { name: 'Kill' })).body.id;
    const form = (await send(server.url, 'POST', `/api/workspaces/${ws}/forms`, { model: householdForm() }))
      .body.id as string;
    expect((await send(server.url, 'POST', `/api/workspaces/${ws}/forms/${form}/publish`, {})).status).toBe(
      201,
    );
    const acknowledged = new Set<string>();
    for (let round = 0; round < 20; round++) {
      if (round > 0) server = await startChildServer(database, dataDir);
      let stop = false;
      const streams = Array.from({ length: 6 }, async () => {
        while (!stop) {
          const items = Array.from({ length: 3 }, (_, i) => ({
            id: v7(),
            formId: form,
            formVersion: 1,
            answers: { structure: `K-${round}-${i}`, size: '2' },
          }));
          try {
            const answer = await send(server.url, 'POST', `/api/workspaces/${ws}/submissions`, { items });
            if (answer.status !== 200) continue;
            for (const outcome of answer.body.outcomes) {
              if (['stored', 'needs_attention', 'duplicate'].includes(outcome.status))
                acknowledged.add(outcome.id);
            }
          } catch {
            // The server was killed under this request: it was never acknowledged.
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 150 + round * 10));
      await server.kill();
      stop = true;
      await Promise.all(streams);
    }
    expect(acknowledged.size).toBeGreaterThan(20);
    // Restart once more: the server must come up on what the kills left, with every acknowledged row.
    server = await startChildServer(database, dataDir);
    expect((await send(server.url, 'GET', '/health')).status).toBe(200);
    await server.kill();
    const handle = connectDatabase(database);
    try {
      const stored = new Set<string>();
      const ids = [...acknowledged];
      for (let start = 0; start < ids.length; start += 500) {
        const rows = await handle.db
          .selectFrom('submissions')
          .select('id')
          .where('id', 'in', ids.slice(start, start + 500))
          .execute();
        for (const row of rows) stored.add(row.id);
      }
      expect(ids.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
