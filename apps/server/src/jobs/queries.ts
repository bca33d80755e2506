import { type Insertable, sql, type Updateable } from 'kysely';
import type { JobsTable } from '../db/collection-schema.ts';
import type { DatabaseKind, Db, Tx } from '../db/connect.ts';

export async function insertJob(trx: Tx, row: Insertable<JobsTable>) {
  await trx.insertInto('jobs').values(row).execute();
}

export async function findJob(db: Db, workspaceId: string, id: string) {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}
export type JobRow = NonNullable<Awaited<ReturnType<typeof findJob>>>;

/**
 * Claims the oldest due job, atomically: one UPDATE … RETURNING whose inner SELECT skips rows
 * another worker has locked on PostgreSQL (SKIP LOCKED); SQLite has one writer, so the UPDATE
 * alone is atomic there. Returns null when nothing is due.
 */
export async function claimJob(
  db: Db,
  kind: DatabaseKind,
  workerId: string,
  now: string,
): Promise<JobRow | null> {
  const lock = kind === 'postgres' ? sql`for update skip locked` : sql``;
  const result = await sql<JobRow>`
    update jobs set status = 'running', claimed_by = ${workerId}, heartbeat_at = ${now}, updated_at = ${now}, attempts = attempts + 1
    where (workspace_id, id) = (
      select workspace_id, id from jobs where status = 'queued' and run_after <= ${now}
      order by run_after, id limit 1 ${lock}
    )
    returning *`.execute(db);
  return result.rows[0] ?? null;
}

export async function updateJob(db: Db, workspaceId: string, id: string, changes: Updateable<JobsTable>) {
  await db
    .updateTable('jobs')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Jobs whose worker stopped beating (the process died): due again, or failed when out of tries. */
export async function requeueStale(db: Db, staleBefore: string, now: string) {
  await db
    .updateTable('jobs')
    .set({ status: 'queued', claimed_by: null, run_after: now, updated_at: now })
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', staleBefore)
    .where(sql<boolean>`attempts < max_attempts`)
    .execute();
  await db
    .updateTable('jobs')
    .set({
      status: 'failed',
      error: 'the server stopped while running it, too many times',
      finished_at: now,
      updated_at: now,
    })
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', staleBefore)
    .execute();
}
