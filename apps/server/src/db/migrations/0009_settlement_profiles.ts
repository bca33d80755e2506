import type { Kysely } from 'kysely';

/**
 * A settlement profile as a dated snapshot: what the settlement was on a day (its facts, its
 * structures by status, facilities by type and state, the latest round's aggregates as they may
 * be shared with the municipality). Never updated, so a report can cite the profile of a date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settlement_profiles')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('settlement_id', 'text', (c) => c.notNull())
    .addColumn('taken_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('taken_by_person_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('settlement_profiles_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('settlement_profiles_settlement')
    .on('settlement_profiles')
    .columns(['workspace_id', 'settlement_id', 'taken_on', 'id'])
    .execute();
}
