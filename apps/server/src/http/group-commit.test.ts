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

describe('group commit', () => {
  it('runs queued requests in one transaction, rolls back a failing one alone, answers after the commit', async () => {
    const group = createGroupCommit(handle.db);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const revisions: string[] = [];
    // The first request holds its transaction open until the others have queued behind it.
    const first = group.run(async (trx, revision) => {
      revisions.push(await revision());
      await sql`insert into notes values (1, 'first')`.execute(trx);
      await held;
      return 1;
    });
    const rest = [2, 3, 4, 5].map((id) =>
      group.run(async (trx, revision) => {
        revisions.push(await revision());
        await sql`insert into notes values (${id}, 'queued')`.execute(trx);
        if (id === 4) throw new Error('this one fails');
        return id;
      }),
    );
    release();
    const settled = await Promise.allSettled([first, ...rest]);
    expect(settled.map((s) => s.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(await notes()).toEqual([1, 2, 3, 5]);
    // Two transactions: the first alone, then the four that queued behind it (one revision each).
    expect(group.lastGroupSizes.slice(0, 2)).toEqual([4, 1]);
    expect(new Set(revisions).size).toBe(2);
  });

  it('recovers from a statement the database refuses (PostgreSQL aborts the transaction without the savepoint)', async () => {
    const group = createGroupCommit(handle.db);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = group.run(async (trx) => {
      await held;
      await sql`insert into notes values (20, 'first')`.execute(trx);
    });
    const clash = group.run(async (trx) => {
      await sql`insert into notes values (1, 'the same key again')`.execute(trx);
    });
    const after = group.run(async (trx) => {
      await sql`insert into notes values (21, 'after the clash')`.execute(trx);
    });
    release();
    const settled = await Promise.allSettled([first, clash, after]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await notes()).toEqual(expect.arrayContaining([20, 21]));
  });
});
