import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/connect.ts';
import { type FormThreadRepliesTable, type FormThreadsTable, formsDb } from './tables.ts';

/** The SQL of co-design threads and their replies (the rest of the forms SQL is in queries.ts). */

export async function insertThread(db: Db, row: Insertable<FormThreadsTable>) {
  await formsDb(db).insertInto('form_threads').values(row).execute();
}

export async function findThread(db: Db, workspaceId: string, formId: string, threadId: string) {
  return formsDb(db)
    .selectFrom('form_threads')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('form_id', '=', formId)
    .where('id', '=', threadId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function updateThread(
  db: Db,
  workspaceId: string,
  threadId: string,
  changes: Updateable<FormThreadsTable>,
) {
  await formsDb(db)
    .updateTable('form_threads')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', threadId)
    .execute();
}

export interface ThreadListing {
  workspaceId: string;
  formId: string;
  includeDeleted: boolean;
  path: string | null;
  status: FormThreadsTable['status'] | null;
}

export function listThreads(db: Db, listing: ThreadListing) {
  let query = formsDb(db)
    .selectFrom('form_threads')
    .selectAll()
    .where('workspace_id', '=', listing.workspaceId)
    .where('form_id', '=', listing.formId);
  if (!listing.includeDeleted) query = query.where('deleted_at', 'is', null);
  if (listing.path) query = query.where('path', '=', listing.path);
  if (listing.status) query = query.where('status', '=', listing.status);
  return query;
}

export async function insertReply(db: Db, row: Insertable<FormThreadRepliesTable>) {
  await formsDb(db).insertInto('form_thread_replies').values(row).execute();
}

export async function findReply(db: Db, workspaceId: string, replyId: string) {
  return formsDb(db)
    .selectFrom('form_thread_replies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', replyId)
    .executeTakeFirst();
}

export async function repliesOf(db: Db, workspaceId: string, threadIds: string[]) {
  if (threadIds.length === 0) return [];
  return formsDb(db)
    .selectFrom('form_thread_replies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('thread_id', 'in', threadIds)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
