import type { Db } from '../db/connect.ts';

const columns = ['id', 'name', 'person_id', 'form_ids', 'created_at', 'last_used_at', 'revoked_at'] as const;

export function deviceAccesses(db: Db, workspaceId: string) {
  return db.selectFrom('device_accesses').select(columns).where('workspace_id', '=', workspaceId);
}

export type DeviceAccessRow = Awaited<ReturnType<ReturnType<typeof deviceAccesses>['execute']>>[number];

export const deviceAccessOrder = {
  columns: ['created_at', 'id'],
  direction: 'desc' as const,
  valuesOf: (row: DeviceAccessRow) => [row.created_at, row.id],
};

export async function insertDeviceAccess(
  db: Db,
  row: Omit<DeviceAccessRow, 'last_used_at' | 'revoked_at'> & {
    workspace_id: string;
    secret_hash: string;
    created_by_account_id: string;
  },
) {
  await db
    .insertInto('device_accesses')
    .values({ ...row, last_used_at: null, revoked_at: null })
    .execute();
}

export function findDeviceAccess(db: Db, workspaceId: string, id: string) {
  return deviceAccesses(db, workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function revokeDeviceAccess(db: Db, workspaceId: string, id: string, now: string) {
  await db
    .updateTable('device_accesses')
    .set({ revoked_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** A live (not revoked) access by its secret's hash, for the caller's identity. */
export function findLiveDeviceAccess(db: Db, secretHash: string) {
  return db
    .selectFrom('device_accesses')
    .select(['workspace_id', 'id', 'name', 'person_id', 'form_ids', 'last_used_at'])
    .where('secret_hash', '=', secretHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function touchDeviceAccess(db: Db, workspaceId: string, id: string, now: string) {
  await db
    .updateTable('device_accesses')
    .set({ last_used_at: now })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}
