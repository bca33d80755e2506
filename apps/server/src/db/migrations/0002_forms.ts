import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

/**
 * Questionnaires: forms (the live draft), immutable published versions, attachments (bytes kept
 * in the database, so a backup holds them and a failed upload leaves nothing), and the co-design
 * threads on a draft with their replies. Every table is workspace data with revision and tombstone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const syncable = <T extends string>(table: CreateTableBuilder<T, never>) =>
    table
      .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('revision', 'bigint', (c) => c.notNull())
      .addColumn('deleted_at', 'text');

  await syncable(db.schema.createTable('forms'))
    .addColumn('form_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('draft', 'text', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('question_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('credits', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('latest_version_id', 'text')
    .addColumn('created_by_account_id', 'text')
    .addColumn('updated_by_account_id', 'text')
    .addPrimaryKeyConstraint('forms_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema.createIndex('forms_revision').on('forms').columns(['workspace_id', 'revision']).execute();

  // Never updated once written: a published version is what data was collected against.
  await db.schema
    .createTable('form_versions')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('published_by_account_id', 'text')
    .addColumn('published_by_person_id', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('revision', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('form_versions_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('form_versions_form', ['workspace_id', 'form_id'], 'forms', [
      'workspace_id',
      'id',
    ])
    .addUniqueConstraint('form_versions_number', ['workspace_id', 'form_id', 'number'])
    .addUniqueConstraint('form_versions_version', ['workspace_id', 'form_id', 'version'])
    .execute();

  // `bytea` is PostgreSQL's byte type; SQLite stores the Buffer as a blob whatever the name.
  await syncable(db.schema.createTable('form_attachments'))
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('created_by_account_id', 'text')
    .addPrimaryKeyConstraint('form_attachments_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('form_attachments_form', ['workspace_id', 'form_id'], 'forms', [
      'workspace_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('form_attachments_name')
    .on('form_attachments')
    .columns(['workspace_id', 'form_id', 'file_name'])
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();

  await syncable(db.schema.createTable('form_threads'))
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('author_person_id', 'text')
    .addColumn('author_account_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text')
    .addColumn('decided_by_person_id', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .addPrimaryKeyConstraint('form_threads_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('form_threads_form', ['workspace_id', 'form_id'], 'forms', [
      'workspace_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('form_threads_form')
    .on('form_threads')
    .columns(['workspace_id', 'form_id', 'revision'])
    .execute();

  await syncable(db.schema.createTable('form_thread_replies'))
    .addColumn('thread_id', 'text', (c) => c.notNull())
    .addColumn('author_person_id', 'text')
    .addColumn('author_account_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('form_thread_replies_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('form_thread_replies_thread', ['workspace_id', 'thread_id'], 'form_threads', [
      'workspace_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('form_thread_replies_thread')
    .on('form_thread_replies')
    .columns(['workspace_id', 'thread_id'])
    .execute();
}
