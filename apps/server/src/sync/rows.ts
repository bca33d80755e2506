import { type SelectQueryBuilder, sql } from 'kysely';
import type { RequestContext } from '../context.ts';
import type { Tx } from '../db/connect.ts';
import { revisionText } from '../db/revision.ts';
import { formatPosition, type SyncPosition } from './cursor.ts';

/**
 * Syncable rows (ARCHITECTURE.md rule 10), one mechanism for every domain: the columns a write
 * sets, changed-since paging in the contract's page format, and the compare-and-set update.
 * Every syncable table has workspace_id, id, created_at, updated_at, revision, deleted_at.
 */

/** Columns of a new row: created and updated now, at this request's revision, live. */
export async function newRowStamp(ctx: RequestContext) {
  return { created_at: ctx.now, updated_at: ctx.now, revision: await ctx.revision(), deleted_at: null };
}

/** Columns of a change: updated now, at this request's revision. */
export async function changeStamp(ctx: RequestContext) {
  return { updated_at: ctx.now, revision: await ctx.revision() };
}

/** Columns of a removal: a tombstone keeps its id and gets a new revision, so phones learn of it. */
export async function tombstoneStamp(ctx: RequestContext) {
  return { deleted_at: ctx.now, updated_at: ctx.now, revision: await ctx.revision() };
}

type SyncRow = { revision: string | number | bigint; id: string };

/**
 * Rows after a sync position, in (revision, id) order, limit + 1 fetched to know whether more
 * follow. `table` qualifies the columns when the query joins. The page's cursor is the position of
 * its last row, so a page may end inside a revision without skipping the rest of it.
 */
export async function changedSince<DB, TB extends keyof DB, O extends SyncRow>(
  query: SelectQueryBuilder<DB, TB, O>,
  after: SyncPosition | null,
  limit: number,
  table?: string,
): Promise<{ rows: O[]; cursor: string | null; hasMore: boolean }> {
  const revision = sql.ref(table ? `${table}.revision` : 'revision');
  const id = sql.ref(table ? `${table}.id` : 'id');
  let q = query;
  if (after?.id) {
    q = q.where(
      sql<boolean>`(${revision} > ${after.revision} or (${revision} = ${after.revision} and ${id} > ${after.id}))`,
    );
  } else if (after) {
    q = q.where(sql<boolean>`${revision} > ${after.revision}`);
  }
  const rows = await q
    .orderBy(sql`${revision}`)
    .orderBy(sql`${id}`)
    .limit(limit + 1)
    .execute();
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  // Nothing new: the client keeps its position. A full page ends at its last row's position.
  const cursor = last
    ? formatPosition({ revision: revisionText(last.revision), id: hasMore ? last.id : null })
    : after
      ? formatPosition(after)
      : null;
  return { rows: page, cursor, hasMore };
}

/**
 * Updates a row only if it is still at the revision the caller read. On PostgreSQL a concurrent
 * writer waits for the row lock, re-reads the row and updates nothing: false means "changed
 * meanwhile", never a silently lost update. SQLite has one writer, so the check is exact there too.
 */
export async function compareAndSet(
  db: Tx,
  table: string,
  key: { workspaceId: string; id: string },
  readRevision: string | number | bigint,
  changes: Record<string, unknown>,
): Promise<boolean> {
  const result = await (db as Tx)
    .updateTable(table as 'people')
    .set(changes as never)
    .where('workspace_id', '=', key.workspaceId)
    .where('id', '=', key.id)
    .where('revision', '=', String(readRevision))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
