import type { Db } from '../db/connect.ts';

/** The caller's live membership in a live workspace, or nothing (which the API answers with 404). */
export async function findMembership(db: Db, workspaceId: string, accountId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select(['memberships.id', 'memberships.person_id', 'memberships.role'])
    .where('memberships.workspace_id', '=', workspaceId)
    .where('memberships.account_id', '=', accountId)
    .where('memberships.deleted_at', 'is', null)
    .where('workspaces.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function personExists(db: Db, workspaceId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', personId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
