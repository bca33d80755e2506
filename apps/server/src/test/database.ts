// The database harness of server tests. Each test file gets its own database on the kind its
// vitest project runs (`sqlite` or `postgres`), so files run in parallel without seeing each other.
//
//   const db = await testDatabaseConfig();        // in beforeAll
//   afterAll(() => dropTestDatabase(db));
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import pg from 'pg';
import { expect, inject } from 'vitest';
import type { DatabaseConfig } from '../db/config.ts';
import './provided.ts';

export type TestDatabaseKind = DatabaseConfig['kind'];

/** Which database this test process runs against, set per vitest project (COPRODUCE_TEST_DB). */
export const testDatabaseKind: TestDatabaseKind =
  process.env.COPRODUCE_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';

/** A PostgreSQL identifier from the test file's name plus randomness: readable in logs, never reused. */
function databaseName(name: string | undefined): string {
  const testPath = expect.getState().testPath;
  const base = name ?? (testPath ? basename(testPath).replace(/\.test\.tsx?$/, '') : 'test');
  const slug = base
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  return `t_${slug || 'test'}_${randomBytes(5).toString('hex')}`;
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database for this test file: a new SQLite file in its own temp folder, or a new
 * database on the run's PostgreSQL server. Pass it to the app as its DatabaseConfig; drop it in afterAll.
 */
export async function testDatabaseConfig(name?: string): Promise<DatabaseConfig> {
  if (testDatabaseKind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'coproduce-test-'));
    return { kind: 'sqlite', file: join(dir, 'coproduce.sqlite') };
  }
  const database = databaseName(name);
  // template0 so concurrent CREATE DATABASE calls never collide on a connected template1.
  await withAdmin((client) =>
    client.query(`CREATE DATABASE "${database}" TEMPLATE template0 ENCODING 'UTF8'`),
  );
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = `/${database}`;
  return { kind: 'postgres', url: url.toString() };
}

/**
 * Removes what testDatabaseConfig made. Close the app's connections first. A closed pg pool may
 * still be hanging up for a moment; DROP ... WITH (FORCE) would kill those half-closed clients and
 * their error would surface as an unhandled error in the test run, so wait for them first and
 * force only as a last resort.
 */
export async function dropTestDatabase(config: DatabaseConfig): Promise<void> {
  if (config.kind === 'sqlite') {
    rmSync(dirname(config.file), { recursive: true, force: true });
    return;
  }
  const database = decodeURIComponent(new URL(config.url).pathname.slice(1));
  if (!/^t_[a-z0-9_]+$/.test(database)) throw new Error(`refusing to drop non-test database ${database}`);
  await withAdmin(async (client) => {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        await client.query(`DROP DATABASE IF EXISTS "${database}"`);
        return;
      } catch (error) {
        // 55006 object_in_use: someone is still connected.
        if ((error as { code?: string }).code !== '55006') throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  });
}
