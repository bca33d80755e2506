import type { Kysely } from 'kysely';

/**
 * The submission version whose answers made a submission's records (the entities its form
 * declares, records/from-submission.ts): set once, when they are written, at ingest or when a
 * reviewer's correction or approval lets them be made; a submission that has it makes none again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('submissions').addColumn('records_version_id', 'text').execute();
}
