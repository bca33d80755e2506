import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { WorkspacesTable } from '../db/schema.ts';

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

/** A live person and whether they hold a live membership (an account of their own here). */
export async function findPersonForBehalf(db: Db, workspaceId: string, personId: string) {
  return db
    .selectFrom('people')
    .leftJoin('memberships', (join) =>
      join
        .onRef('memberships.workspace_id', '=', 'people.workspace_id')
        .onRef('memberships.person_id', '=', 'people.id')
        .on('memberships.deleted_at', 'is', null),
    )
    .select(['people.id', 'people.access_needs', 'memberships.id as membership_id'])
    .where('people.workspace_id', '=', workspaceId)
    .where('people.id', '=', personId)
    .where('people.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The caller's live workspaces with their membership, for the workspace switcher (by name). */
export function workspacesOf(db: Db, accountId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .selectAll('workspaces')
    .select(['memberships.id as membership_id', 'memberships.person_id', 'memberships.role'])
    .where('memberships.account_id', '=', accountId)
    .where('memberships.deleted_at', 'is', null)
    .where('workspaces.deleted_at', 'is', null);
}

export const workspaceOrder = {
  columns: ['workspaces.name', 'workspaces.id'],
  direction: 'asc' as const,
  valuesOf: (row: { name: string; id: string }) => [row.name, row.id],
};

export async function findWorkspace(db: Db, workspaceId: string) {
  return db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst();
}

export async function insertWorkspace(db: Db, row: Insertable<WorkspacesTable>) {
  await db.insertInto('workspaces').values(row).execute();
}

export async function updateWorkspaceRow(db: Db, workspaceId: string, changes: Updateable<WorkspacesTable>) {
  await db.updateTable('workspaces').set(changes).where('id', '=', workspaceId).execute();
}
