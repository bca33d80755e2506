// Self-test of the harness: on each kind, a database works, is fresh, and is isolated from another one.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatabaseConfig } from '../db/config.ts';
import { dropTestDatabase, testDatabaseConfig, testDatabaseKind } from './database.ts';

/** Runs statements on a config through the plain driver, returning the rows of the last one. */
async function sql(config: DatabaseConfig, statements: string[]): Promise<unknown[]> {
  if (config.kind === 'sqlite') {
    const db = new Database(config.file);
    try {
      let rows: unknown[] = [];
      for (const statement of statements) {
        const prepared = db.prepare(statement);
        if (prepared.reader) rows = prepared.all();
        else {
          prepared.run();
          rows = [];
        }
      }
      return rows;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: config.url });
  await client.connect();
  try {
    let rows: unknown[] = [];
    for (const statement of statements) rows = (await client.query(statement)).rows;
    return rows;
  } finally {
    await client.end();
  }
}

describe(`test database harness (${testDatabaseKind})`, () => {
  const made: DatabaseConfig[] = [];
  afterAll(async () => {
    for (const config of made) await dropTestDatabase(config);
  });

  it('runs on the kind its project names, whatever DATABASE_URL says', () => {
    expect(process.env.DATABASE_URL).toBeUndefined();
    expect(testDatabaseKind).toBe(process.env.COPRODUCE_TEST_DB);
  });

  it('gives a fresh working database per call, isolated from the others', async () => {
    const first = await testDatabaseConfig();
    const second = await testDatabaseConfig('other');
    made.push(first, second);
    expect(first.kind).toBe(testDatabaseKind);
    expect(first).not.toEqual(second);

    await sql(first, [
      'CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT)',
      "INSERT INTO people VALUES ('1', 'Zoë')",
    ]);
    expect(await sql(first, ['SELECT name FROM people'])).toEqual([{ name: 'Zoë' }]);
    // The same table name in the other database is free and empty: nothing leaked across.
    await sql(second, ['CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT)']);
    expect(await sql(second, ['SELECT name FROM people'])).toEqual([]);
  });

  it('stores text as UTF-8', async () => {
    const config = await testDatabaseConfig();
    made.push(config);
    const query = config.kind === 'sqlite' ? 'PRAGMA encoding' : 'SHOW server_encoding';
    const [row] = (await sql(config, [query])) as Record<string, string>[];
    expect(Object.values(row ?? {})).toEqual([config.kind === 'sqlite' ? 'UTF-8' : 'UTF8']);
  });

  it('removes the database on drop', async () => {
    const config = await testDatabaseConfig();
    await sql(config, ['CREATE TABLE t (x INTEGER)']);
    await dropTestDatabase(config);
    if (config.kind === 'sqlite') {
      expect(existsSync(config.file)).toBe(false);
    } else {
      await expect(sql(config, ['SELECT 1'])).rejects.toThrow(/does not exist/);
    }
  });
});
