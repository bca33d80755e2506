import type { Insertable } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { InvitesTable } from '../db/schema.ts';

export async function insertInvite(db: Db, row: Insertable<InvitesTable>) {
  await db.insertInto('invites').values(row).execute();
}

const withNames = (db: Db) =>
  db
    .selectFrom('invites')
    .innerJoin('workspaces', 'workspaces.id', 'invites.workspace_id')
    .innerJoin('people', (join) =>
      join
        .onRef('people.workspace_id', '=', 'invites.workspace_id')
        .onRef('people.id', '=', 'invites.person_id'),
    )
    .selectAll('invites')
    .select(['workspaces.name as workspace_name', 'people.display_name as person_display_name']);

export type InviteRow = Awaited<ReturnType<ReturnType<typeof withNames>['execute']>>[number];

/** A workspace's invites (of one role only, for staff), newest first: keyset pages by created_at, id. */
export function invitesOf(db: Db, workspaceId: string, onlyRole: string | null) {
  const query = withNames(db).where('invites.workspace_id', '=', workspaceId);
  return onlyRole ? query.where('invites.role', '=', onlyRole) : query;
}

export const inviteOrder = {
  columns: ['invites.created_at', 'invites.id'],
  direction: 'desc' as const,
  valuesOf: (row: { created_at: string; id: string }) => [row.created_at, row.id],
};

export async function findInvite(db: Db, workspaceId: string, inviteId: string) {
  return withNames(db)
    .where('invites.workspace_id', '=', workspaceId)
    .where('invites.id', '=', inviteId)
    .executeTakeFirst();
}

export async function findInviteBySecret(db: Db, secretHash: string) {
  return withNames(db)
    .where('invites.secret_hash', '=', secretHash)
    .where('workspaces.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function revokeInviteRow(db: Db, inviteId: string, now: string) {
  await db.updateTable('invites').set({ revoked_at: now }).where('id', '=', inviteId).execute();
}

/**
 * Swaps the secret of an open invite (a slip printed again): the old code's hash is gone, so the
 * old code stops working. Conditional, like claiming, so a code redeemed meanwhile is not replaced.
 */
export async function replaceInviteSecret(
  db: Db,
  inviteId: string,
  secretHash: string,
  hint: string,
  now: string,
) {
  const result = await db
    .updateTable('invites')
    .set({ secret_hash: secretHash, code_hint: hint })
    .where('id', '=', inviteId)
    .where('redeemed_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Marks the invite used only if it is still open: the row update is the lock, so two people
 * redeeming one code at the same moment cannot both get in.
 */
export async function claimInvite(db: Db, inviteId: string, accountId: string, now: string) {
  const result = await db
    .updateTable('invites')
    .set({ redeemed_at: now, redeemed_by_account_id: accountId })
    .where('id', '=', inviteId)
    .where('redeemed_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function linkPersonToAccount(
  db: Db,
  workspaceId: string,
  personId: string,
  accountId: string,
  now: string,
  revision: string,
) {
  await db
    .updateTable('people')
    .set({ account_id: accountId, updated_at: now, revision })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', personId)
    .execute();
}
