import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../db/connect.ts';
import {
  type FormAttachmentsTable,
  type FormsTable,
  type FormThreadRepliesTable,
  type FormThreadsTable,
  type FormVersionsTable,
  formsDb,
} from './tables.ts';

/** All SQL of the forms domain. Every query names the workspace: other workspaces do not exist. */

export type FormRow = Selectable<FormsTable>;
export type VersionRow = Selectable<FormVersionsTable>;
export type AttachmentRow = Selectable<FormAttachmentsTable>;
export type ThreadRow = Selectable<FormThreadsTable>;
export type ReplyRow = Selectable<FormThreadRepliesTable>;

export async function insertForm(db: Db, row: Insertable<FormsTable>) {
  await formsDb(db).insertInto('forms').values(row).execute();
}

export async function findForm(db: Db, workspaceId: string, formId: string) {
  return formsDb(db)
    .selectFrom('forms')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', formId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Changes a form only if it is still at the revision the caller read (compare-and-set). On
 * PostgreSQL a concurrent writer waits for the row lock, re-reads the row, and updates nothing;
 * false then means "changed meanwhile", never a silently lost update.
 */
export async function updateForm(
  db: Db,
  workspaceId: string,
  formId: string,
  readRevision: string | number | bigint,
  changes: Updateable<FormsTable>,
): Promise<boolean> {
  const result = await formsDb(db)
    .updateTable('forms')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', formId)
    .where('revision', '=', String(readRevision))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface FormListing {
  workspaceId: string;
  includeDeleted: boolean;
  onlyPublished: boolean;
  status: FormRow['status'] | null;
}

/** Summaries only: the draft JSON stays in the database. */
export function listForms(db: Db, listing: FormListing) {
  let query = formsDb(db)
    .selectFrom('forms')
    .select([
      'workspace_id',
      'id',
      'form_key',
      'title',
      'status',
      'languages',
      'question_count',
      'latest_version_id',
      'created_at',
      'updated_at',
      'deleted_at',
      'revision',
    ])
    .where('workspace_id', '=', listing.workspaceId);
  if (!listing.includeDeleted) query = query.where('deleted_at', 'is', null);
  if (listing.onlyPublished) query = query.where('latest_version_id', 'is not', null);
  if (listing.status) query = query.where('status', '=', listing.status);
  // Paged in (revision, id) order by sync/rows.ts, like every syncable listing.
  return query;
}
export type FormListRow = Awaited<ReturnType<ReturnType<typeof listForms>['execute']>>[number];

export async function openThreadCounts(db: Db, workspaceId: string, formIds: string[]) {
  if (formIds.length === 0) return new Map<string, number>();
  const rows = await formsDb(db)
    .selectFrom('form_threads')
    .select(['form_id', (eb) => eb.fn.countAll<string | number>().as('open')])
    .where('workspace_id', '=', workspaceId)
    .where('form_id', 'in', formIds)
    .where('status', '=', 'open')
    .where('deleted_at', 'is', null)
    .groupBy('form_id')
    .execute();
  return new Map(rows.map((r) => [r.form_id, Number(r.open)]));
}

export async function insertVersion(db: Db, row: Insertable<FormVersionsTable>) {
  await formsDb(db).insertInto('form_versions').values(row).execute();
}

const versionSummaryColumns = [
  'id',
  'form_id',
  'number',
  'version',
  'published_at',
  'published_by_person_id',
  'revision',
] as const;

export async function listVersions(db: Db, workspaceId: string, formId: string) {
  return formsDb(db)
    .selectFrom('form_versions')
    .select(versionSummaryColumns)
    .where('workspace_id', '=', workspaceId)
    .where('form_id', '=', formId)
    .orderBy('number', 'desc')
    .execute();
}
export type VersionSummaryRow = Awaited<ReturnType<typeof listVersions>>[number];

export async function findVersion(db: Db, workspaceId: string, formId: string, versionId: string) {
  return formsDb(db)
    .selectFrom('form_versions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('form_id', '=', formId)
    .where('id', '=', versionId)
    .executeTakeFirst();
}

export async function versionTaken(db: Db, workspaceId: string, formId: string, version: string) {
  const row = await formsDb(db)
    .selectFrom('form_versions')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('form_id', '=', formId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row !== undefined;
}

/** Display names of people in this workspace (authors, publishers, credited people). */
export async function personNames(db: Db, workspaceId: string, personIds: Iterable<string | null>) {
  const ids = [...new Set([...personIds].filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'display_name'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** The person record of each account in this workspace (memberships, left ones too: old comments keep their typist). */
export async function personOfAccounts(db: Db, workspaceId: string, accountIds: Iterable<string | null>) {
  const ids = [...new Set([...accountIds].filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('memberships')
    .select(['account_id', 'person_id'])
    .where('workspace_id', '=', workspaceId)
    .where('account_id', 'in', ids)
    .orderBy('created_at')
    .execute();
  return new Map(rows.map((r) => [r.account_id, r.person_id]));
}

export async function insertAttachment(db: Db, row: Insertable<FormAttachmentsTable>) {
  await formsDb(db).insertInto('form_attachments').values(row).execute();
}

const attachmentColumns = [
  'id',
  'form_id',
  'file_name',
  'content_type',
  'size',
  'sha256',
  'created_at',
  'deleted_at',
  'revision',
] as const;

export async function listAttachments(db: Db, workspaceId: string, formId: string) {
  return formsDb(db)
    .selectFrom('form_attachments')
    .select(attachmentColumns)
    .where('workspace_id', '=', workspaceId)
    .where('form_id', '=', formId)
    .where('deleted_at', 'is', null)
    .orderBy('file_name')
    .execute();
}
export type AttachmentInfo = Awaited<ReturnType<typeof listAttachments>>[number];

export async function attachmentNames(db: Db, workspaceId: string, formId: string) {
  return (await listAttachments(db, workspaceId, formId)).map((a) => a.file_name);
}

/** One attachment with its bytes; a tombstone is still readable by id for published versions. */
export async function findAttachment(db: Db, workspaceId: string, formId: string, attachmentId: string) {
  return formsDb(db)
    .selectFrom('form_attachments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('form_id', '=', formId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

export async function liveAttachmentNamed(db: Db, workspaceId: string, formId: string, fileName: string) {
  return formsDb(db)
    .selectFrom('form_attachments')
    .select(attachmentColumns)
    .where('workspace_id', '=', workspaceId)
    .where('form_id', '=', formId)
    .where('file_name', '=', fileName)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function tombstoneAttachment(
  db: Db,
  workspaceId: string,
  attachmentId: string,
  at: { now: string; revision: string },
) {
  await formsDb(db)
    .updateTable('form_attachments')
    .set({ deleted_at: at.now, updated_at: at.now, revision: at.revision })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', attachmentId)
    .execute();
}

/** Attachment ids published with any version of a form (what partners may download). */
export async function publishedAttachmentIds(db: Db, workspaceId: string, formId: string) {
  const rows = await formsDb(db)
    .selectFrom('form_versions')
    .select('attachments')
    .where('workspace_id', '=', workspaceId)
    .where('form_id', '=', formId)
    .execute();
  return new Set(rows.flatMap((r) => (JSON.parse(r.attachments) as { id: string }[]).map((a) => a.id)));
}

export async function versionsByIds(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return formsDb(db)
    .selectFrom('form_versions')
    .select(versionSummaryColumns)
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
}
