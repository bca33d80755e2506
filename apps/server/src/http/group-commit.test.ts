// Group commit on a real database: requests queued while a transaction runs share the next one,
// a failing request rolls back alone, and nobody is answered before the commit.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { dropTestDatabase, testDatabaseConfig } from '../test/database.ts';
import { createGroupCommit } from './group-commit.ts';

let handle: DatabaseHandle;
let config: Awaited<ReturnType<typeof testDatabaseConfig>>;
beforeAll(async () => {
  config = await testDatabaseConfig();
  handle = connectDatabase(config);
  await migrateToLatest(handle.db as never);
  await sql`create table notes (id integer primary key, text text not null)`.execute(handle.db);
});
afterAll(async () => {
  await handle.close();
  await dropTestDatabase(config);
});

const notes = async () =>
  (await sql<{ id: number }>`select id from notes order by id`.execute(handle.db)).rows.map((r) =>
    Number(r.id),
  );

const none = { append: async () => [], committed: () => {} };
const done = <T>(value: T) => ({ value, audit: [] });

describe('group commit', () => {
  it('runs requests of one turn in one transaction, the next ones in the next, a failing one rolled back alone', async () => {
    const group = createGroupCommit(handle.db, none);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const revisions: string[] = [];
    const first = [1, 2, 3].map((id) =>
      group.run(async (trx, revision) => {
        revisions.push(await revision());
        await sql`insert into notes values (${id}, 'first turn')`.execute(trx);
        if (id === 1) await held;
        if (id === 2) throw new Error('this one fails');
        return done(id);
      }),
    );
    // Queued while the first group runs (it waits on `held`): they share the next transaction.
    await new Promise((resolve) => setImmediate(resolve));
    const later = [4, 5].map((id) =>
      group.run(async (trx, revision) => {
        revisions.push(await revision());
        await sql`insert into notes values (${id}, 'later')`.execute(trx);
        return done(id);
      }),
    );
    release();
    const settled = await Promise.allSettled([...first, ...later]);
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await notes()).toEqual([1, 3, 4, 5]);
    expect(group.lastGroupSizes.slice(0, 2)).toEqual([2, 3]);
    expect(new Set(revisions).size).toBe(2);
  });

  it('recovers from a statement the database refuses (PostgreSQL aborts the transaction without the savepoint)', async () => {
    const group = createGroupCommit(handle.db, none);
    const settled = await Promise.allSettled([
      group.run(async (trx) => {
        await sql`insert into notes values (20, 'first')`.execute(trx);
        return done(20);
      }),
      group.run(async (trx) => {
        await sql`insert into notes values (1, 'the same key again')`.execute(trx);
        return done(1);
      }),
      group.run(async (trx) => {
        await sql`insert into notes values (21, 'after the clash')`.execute(trx);
        return done(21);
      }),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await notes()).toEqual(expect.arrayContaining([20, 21]));
    expect(group.lastGroupSizes[0]).toBe(3);
  });

  it('answers nobody of a group whose audit append fails, and leaves nothing of it', async () => {
    const group = createGroupCommit(handle.db, {
      append: async () => {
        throw new Error('chain head locked away');
      },
      committed: () => {},
    });
    const settled = await Promise.allSettled([
      group.run(async (trx) => {
        await sql`insert into notes values (30, 'lost with its group')`.execute(trx);
        return done(30);
      }),
    ]);
    expect(settled[0]?.status).toBe('rejected');
    expect(await notes()).not.toContain(30);
  });
});
