import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../db/connect.ts';
import type { RecordVersionsTable } from '../db/settlement-schema.ts';
import type { RecordKind } from './policy.ts';

export type RecordVersionRow = Selectable<RecordVersionsTable>;

export async function insertVersion(db: Tx, row: Insertable<RecordVersionsTable>) {
  await db.insertInto('record_versions').values(row).execute();
}

/** A record's versions, oldest first. */
export function versionsOf(db: Tx, ref: { workspaceId: string; kind: RecordKind; id: string }) {
  return db
    .selectFrom('record_versions')
    .selectAll()
    .where('workspace_id', '=', ref.workspaceId)
    .where('record_kind', '=', ref.kind)
    .where('record_id', '=', ref.id)
    .orderBy('number')
    .execute();
}

export async function versionById(db: Tx, workspaceId: string, kind: RecordKind, versionId: string) {
  return db
    .selectFrom('record_versions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('record_kind', '=', kind)
    .where('id', '=', versionId)
    .executeTakeFirst();
}

/**
 * The version that was current at `at` (an offline phone's start time): the newest applied one
 * made by then, so a change made from it after someone else's is seen as a conflict.
 */
export async function versionCurrentAt(
  db: Tx,
  ref: { workspaceId: string; kind: RecordKind; id: string },
  at: string,
) {
  const row = await db
    .selectFrom('record_versions')
    .select('id')
    .where('workspace_id', '=', ref.workspaceId)
    .where('record_kind', '=', ref.kind)
    .where('record_id', '=', ref.id)
    .where('kind', '!=', 'conflict')
    .where('created_at', '<=', at)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}
