import type { Insertable } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { MembershipsTable } from '../db/schema.ts';

export async function insertMembership(db: Db, row: Insertable<MembershipsTable>) {
  await db.insertInto('memberships').values(row).execute();
}

/** Live members with the name of their person record and their username. */
export function membersQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('people', (join) =>
      join
        .onRef('people.workspace_id', '=', 'memberships.workspace_id')
        .onRef('people.id', '=', 'memberships.person_id'),
    )
    .innerJoin('accounts', 'accounts.id', 'memberships.account_id')
    .select([
      'memberships.id',
      'memberships.account_id',
      'memberships.person_id',
      'memberships.role',
      'memberships.created_at',
      'people.display_name',
      'people.display_name_key',
      'accounts.username',
    ])
    .where('memberships.workspace_id', '=', workspaceId)
    .where('memberships.deleted_at', 'is', null);
}

/** Members by name, for keyset pages (sync/keyset.ts). */
export const memberOrder = {
  columns: ['people.display_name_key', 'memberships.id'],
  direction: 'asc' as const,
  valuesOf: (row: MemberRow) => [row.display_name_key, row.id],
};

export type MemberRow = Awaited<ReturnType<ReturnType<typeof membersQuery>['execute']>>[number];

export async function findMember(db: Db, workspaceId: string, membershipId: string) {
  const row = await membersQuery(db, workspaceId)
    .where('memberships.id', '=', membershipId)
    .executeTakeFirst();
  return row;
}

export async function findLiveMembershipOfAccount(db: Db, workspaceId: string, accountId: string) {
  return db
    .selectFrom('memberships')
    .select(['id', 'person_id'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findLiveMembershipOfPerson(db: Db, workspaceId: string, personId: string) {
  return db
    .selectFrom('memberships')
    .select(['id', 'account_id'])
    .where('workspace_id', '=', workspaceId)
    .where('person_id', '=', personId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Coordinators left in the workspace. On PostgreSQL the rows are locked so two coordinators
 * stepping down at once cannot both pass the last-coordinator check.
 */
export async function liveCoordinators(db: Db, workspaceId: string, lock: boolean): Promise<string[]> {
  const query = db
    .selectFrom('memberships')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'coordinator')
    .where('deleted_at', 'is', null);
  const rows = await (lock ? query.forUpdate() : query).execute();
  return rows.map((row) => row.id);
}

export async function setMembershipRole(
  db: Db,
  workspaceId: string,
  membershipId: string,
  role: string,
  now: string,
  revision: string,
) {
  await db
    .updateTable('memberships')
    .set({ role, updated_at: now, revision })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', membershipId)
    .execute();
}

export async function endMembership(
  db: Db,
  workspaceId: string,
  membershipId: string,
  now: string,
  revision: string,
) {
  await db
    .updateTable('memberships')
    .set({ deleted_at: now, updated_at: now, revision })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', membershipId)
    .execute();
}
