import type { Db } from '../db/connect.ts';

export interface AccountChanges {
  display_name?: string;
  locale?: string;
  email?: string | null;
  email_key?: string | null;
  phone?: string | null;
  phone_key?: string | null;
}

/** Unique keys (email_key, phone_key) make a taken address fail here; errors.ts maps it to 409. */
export async function updateAccountRow(db: Db, accountId: string, changes: AccountChanges, now: string) {
  await db
    .updateTable('accounts')
    .set({ ...changes, updated_at: now })
    .where('id', '=', accountId)
    .execute();
}

export async function listLiveSessions(db: Db, accountId: string, now: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'user_agent', 'created_at', 'last_seen_at', 'expires_at'])
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
