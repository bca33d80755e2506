import type { Kysely } from 'kysely';

/**
 * An assignment may name where the work is: a settlement, or one section of it. A researcher's
 * phone then receives that settlement's records through the change feed (settlements/feed.ts),
 * and the structures of that section only, never the whole city.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('assignments').addColumn('settlement_id', 'text').execute();
  await db.schema.alterTable('assignments').addColumn('section_id', 'text').execute();
}
