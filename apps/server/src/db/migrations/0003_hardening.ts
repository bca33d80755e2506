import type { Kysely } from 'kysely';

/**
 * Issue #6: an invite that links an account to someone already in the register records the
 * person's consent to that link; API tokens made before tokens had to expire now do, in 90 days.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('invites').addColumn('link_consent', 'text').execute();
  const inNinetyDays = new Date(Date.now() + 90 * 86_400_000).toISOString();
  await (db as Kysely<{ api_tokens: { expires_at: string | null; revoked_at: string | null } }>)
    .updateTable('api_tokens')
    .set({ expires_at: inNinetyDays })
    .where('expires_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}
