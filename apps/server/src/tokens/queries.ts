import type { Db } from '../db/connect.ts';

const columns = ['id', 'name', 'role', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'] as const;

/** The caller's own tokens in one workspace, newest first (keyset pages by created_at, id). */
export function ownTokens(db: Db, workspaceId: string, accountId: string) {
  return db
    .selectFrom('api_tokens')
    .select(columns)
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId);
}

export const tokenOrder = {
  columns: ['created_at', 'id'],
  direction: 'desc' as const,
  valuesOf: (row: TokenRow) => [row.created_at, row.id],
};

export type TokenRow = Awaited<ReturnType<ReturnType<typeof ownTokens>['execute']>>[number];

export async function insertToken(
  db: Db,
  row: {
    id: string;
    secret_hash: string;
    account_id: string;
    workspace_id: string;
    name: string;
    role: string;
    created_at: string;
    expires_at: string | null;
  },
) {
  await db
    .insertInto('api_tokens')
    .values({ ...row, last_used_at: null, revoked_at: null })
    .execute();
}

export async function findOwnToken(db: Db, workspaceId: string, accountId: string, tokenId: string) {
  return db
    .selectFrom('api_tokens')
    .select(columns)
    .where('id', '=', tokenId)
    .where('workspace_id', '=', workspaceId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export async function revokeToken(db: Db, tokenId: string, now: string) {
  await db.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', tokenId).execute();
}
