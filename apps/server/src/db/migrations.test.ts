import { type Kysely, type Migration, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { dropTestDatabase, testDatabaseConfig } from '../test/database.ts';
import type { DatabaseConfig } from './config.ts';
import { connectDatabase } from './connect.ts';
import { checkMigrationChain } from './migration-check.ts';
import { migrations } from './migrations/index.ts';

const made: DatabaseConfig[] = [];
afterAll(async () => {
  for (const config of made) await dropTestDatabase(config);
});

/** The real chain plus `extra`, applied one by one on a fresh database of this project's kind. */
async function check(extra: Record<string, Migration> = {}) {
  const config = await testDatabaseConfig();
  made.push(config);
  const database = connectDatabase(config);
  try {
    return await checkMigrationChain(database.db as unknown as Kysely<unknown>, { ...migrations, ...extra });
  } finally {
    await database.close();
  }
}

const later = (up: (db: Kysely<unknown>) => Promise<void>) => ({ '9999_bad': { up } });

describe('migrations', () => {
  it('are additive, in order, on this database', async () => {
    const { applied, problems } = await check();
    expect(applied).toEqual(Object.keys(migrations).sort());
    expect(applied[0]).toBe('0001_foundation');
    expect(problems).toEqual([]);
  });

  it('accept what old clients survive: nullable columns, defaults, new tables', async () => {
    const { problems } = await check(
      later(async (db) => {
        await db.schema.alterTable('people').addColumn('pronouns', 'text').execute();
        await db.schema
          .alterTable('people')
          .addColumn('consented', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .createTable('fresh_things')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .execute();
      }),
    );
    expect(problems).toEqual([]);
  });

  it('catch a dropped column', async () => {
    const { problems } = await check(
      later(async (db) => {
        await db.schema.alterTable('people').dropColumn('notes').execute();
      }),
    );
    expect(problems).toEqual(['9999_bad: column people.notes was dropped or renamed']);
  });

  it('catch a renamed column', async () => {
    const { problems } = await check(
      later(async (db) => {
        await db.schema.alterTable('accounts').renameColumn('display_name', 'name').execute();
      }),
    );
    // A rename is a drop plus an add; the added name is NOT NULL too, so both are reported.
    expect(problems).toEqual([
      '9999_bad: column accounts.display_name was dropped or renamed',
      '9999_bad: column accounts.name was added as NOT NULL without a default',
    ]);
  });

  it('catch a NOT NULL column without a default (added the SQLite way, by rebuilding the table)', async () => {
    const { problems } = await check(
      later(async (db) => {
        // SQLite refuses ALTER TABLE ADD COLUMN … NOT NULL without a default, so a migration would
        // rebuild the table; PostgreSQL accepts the same steps.
        await db.schema
          .createTable('sign_in_throttles_next')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('failures', 'integer', (c) => c.notNull())
          .addColumn('last_failure_at', 'text', (c) => c.notNull())
          .addColumn('blocked_until', 'text')
          .addColumn('reason', 'text', (c) => c.notNull())
          .execute();
        await sql`insert into sign_in_throttles_next (key, failures, last_failure_at, blocked_until, reason)
          select key, failures, last_failure_at, blocked_until, 'unknown' from sign_in_throttles`.execute(db);
        await db.schema.dropTable('sign_in_throttles').execute();
        await db.schema.alterTable('sign_in_throttles_next').renameTo('sign_in_throttles').execute();
      }),
    );
    expect(problems).toEqual([
      '9999_bad: column sign_in_throttles.reason was added as NOT NULL without a default',
    ]);
  });

  it('catch a dropped table', async () => {
    const { problems } = await check(
      later(async (db) => {
        await db.schema.dropTable('sign_in_throttles').execute();
      }),
    );
    expect(problems).toEqual(['9999_bad: table sign_in_throttles was dropped or renamed']);
  });
});
