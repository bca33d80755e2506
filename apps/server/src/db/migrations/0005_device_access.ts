import type { Kysely } from 'kysely';

/**
 * ODK clients (issue #9): device access for phones running ODK Collect without an account (only
 * the secret's SHA-256 is kept; the forms it may collect are a JSON list of form ids), and the
 * instanceID each edit came with, so the next edit's deprecatedID finds the version it replaces.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('device_accesses')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('form_ids', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by_account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('device_accesses_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('device_accesses_person', ['workspace_id', 'person_id'], 'people', [
      'workspace_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('device_accesses_created')
    .on('device_accesses')
    .columns(['workspace_id', 'created_at', 'id'])
    .execute();
  await db.schema.alterTable('submission_versions').addColumn('instance_id', 'text').execute();
  await db.schema
    .createIndex('submission_versions_instance')
    .on('submission_versions')
    .columns(['workspace_id', 'instance_id'])
    .execute();
}
