import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Offline collection (issue #7): the durable job table, teams and assignments, submissions with
 * their immutable versions, their files (bytes in the database, in parts, so an interrupted upload
 * resumes) and review history, and the columns of each form's typed answer tables. The typed
 * tables themselves (`answers_*`) are made per form as versions are published (collection/answer-tables.ts).
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
  const revisionIndex = (table: string) =>
    db.schema
      .createIndex(`${table}_revision`)
      .on(table)
      .columns(['workspace_id', 'revision', 'id'])
      .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('progress_done', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'bigint')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('run_after', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('heartbeat_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('file_name', 'text')
    .addColumn('file_type', 'text')
    .addColumn('file_size', 'bigint')
    .addColumn('created_by_account_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('jobs_pk', ['workspace_id', 'id'])
    .execute();
  // Claiming looks across workspaces (one queue per server), like the account tables.
  await db.schema.createIndex('jobs_claim').on('jobs').columns(['status', 'run_after']).execute();
  await db.schema.createIndex('jobs_workspace').on('jobs').columns(['workspace_id', 'created_at']).execute();

  await syncable(db.schema.createTable('teams'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('member_person_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('teams_pk', ['workspace_id', 'id'])
    .execute();
  await revisionIndex('teams');

  await syncable(db.schema.createTable('assignments'))
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('target_count', 'integer')
    .addColumn('due_on', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_by_account_id', 'text')
    .addPrimaryKeyConstraint('assignments_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('assignments_form', ['workspace_id', 'form_id'], 'forms', ['workspace_id', 'id'])
    .execute();
  await revisionIndex('assignments');

  await syncable(db.schema.createTable('submissions'))
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('form_version_id', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('has_conflict', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('current_version_id', 'text', (c) => c.notNull())
    .addColumn('version_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('instance_name', 'text')
    .addColumn('issues', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('files_expected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('files_received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('assignment_id', 'text')
    .addColumn('device_access_id', 'text')
    .addColumn('submitted_by_account_id', 'text')
    .addColumn('submitted_by_person_id', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by_person_id', 'text')
    .addColumn('reviewed_at', 'text')
    .addPrimaryKeyConstraint('submissions_pk', ['workspace_id', 'id'])
    .addForeignKeyConstraint('submissions_form', ['workspace_id', 'form_id'], 'forms', ['workspace_id', 'id'])
    .execute();
  await revisionIndex('submissions');
  await db.schema
    .createIndex('submissions_form')
    .on('submissions')
    .columns(['workspace_id', 'form_id', 'received_at', 'id'])
    .execute();
  await db.schema
    .createIndex('submissions_submitter')
    .on('submissions')
    .columns(['workspace_id', 'submitted_by_person_id', 'revision'])
    .execute();

  // Never updated once written: every change to a submission is a new version.
  await db.schema
    .createTable('submission_versions')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('form_version_id', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('issues', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('base_version_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('meta', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_by_account_id', 'text')
    .addColumn('created_by_person_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('submission_versions_pk', ['workspace_id', 'id'])
    .addUniqueConstraint('submission_versions_number', ['workspace_id', 'submission_id', 'number'])
    .execute();

  await db.schema
    .createTable('submission_files')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('received_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('complete', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('submission_files_pk', ['workspace_id', 'submission_id', 'name'])
    .execute();
  await db.schema
    .createTable('submission_file_parts')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_byte', 'bigint', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('submission_file_parts_pk', [
      'workspace_id',
      'submission_id',
      'name',
      'start_byte',
    ])
    .execute();

  await syncable(db.schema.createTable('submission_reviews'))
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('state_from', 'text')
    .addColumn('state_to', 'text')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_person_id', 'text')
    .addColumn('author_account_id', 'text')
    .addPrimaryKeyConstraint('submission_reviews_pk', ['workspace_id', 'id'])
    .execute();
  await db.schema
    .createIndex('submission_reviews_submission')
    .on('submission_reviews')
    .columns(['workspace_id', 'submission_id', 'created_at'])
    .execute();

  // Which typed column of which answers table holds each question of a form (all its versions).
  await db.schema
    .createTable('answer_columns')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id'))
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('value_type', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('column_name', 'text', (c) => c.notNull())
    .addColumn('repeat_path', 'text')
    .addColumn('question_type', 'text', (c) => c.notNull())
    .addColumn('list_name', 'text')
    .addColumn('first_version_number', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_columns_pk', ['workspace_id', 'form_id', 'path', 'value_type'])
    .execute();

  // The change feed reads published versions in revision order too.
  await db.schema
    .createIndex('form_versions_revision')
    .on('form_versions')
    .columns(['workspace_id', 'revision', 'id'])
    .execute();
  await db.schema
    .createIndex('form_attachments_revision')
    .on('form_attachments')
    .columns(['workspace_id', 'revision', 'id'])
    .execute();
}
