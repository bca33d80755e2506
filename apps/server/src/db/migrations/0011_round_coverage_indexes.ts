import type { Kysely } from 'kysely';

/**
 * Coverage per round (settlements/coverage.ts) counts each structure by what its households of
 * the round say: households grouped by round and structure, joined to the settlement's structures.
 * These indexes hold every column that join reads, so it is answered from the indexes alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('households_round_structure')
    .on('households')
    .columns(['workspace_id', 'round_id', 'structure_id', 'verification_status', 'deleted_at'])
    .execute();
  await db.schema
    .createIndex('structures_round_coverage')
    .on('structures')
    .columns(['workspace_id', 'settlement_id', 'deleted_at', 'section_id', 'id', 'numbered_at'])
    .execute();
}
