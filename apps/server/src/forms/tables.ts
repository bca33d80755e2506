import type { Db } from '../db/connect.ts';
import type { Revision, Syncable } from '../db/schema.ts';

/** The forms tables (migration 0002), typed beside the domain on the shared column conventions of db/schema.ts. */
export interface FormsTable extends Syncable {
  /** The XLSForm form_id (settings), or the file name it was imported from. */
  form_key: string;
  title: string;
  status: 'draft' | 'published' | 'archived';
  /** JSON: the draft Form model. */
  draft: string;
  /** JSON: the importer's warnings on the draft. */
  warnings: string;
  languages: string;
  question_count: number;
  /** JSON: people whose accepted suggestions changed the form. */
  credits: string;
  latest_version_id: string | null;
  created_by_account_id: string | null;
  updated_by_account_id: string | null;
}

export interface FormVersionsTable {
  workspace_id: string;
  id: string;
  form_id: string;
  number: number;
  version: string;
  model: string;
  /** JSON: the attachments published with it ({id, fileName, sha256}). */
  attachments: string;
  published_by_account_id: string | null;
  published_by_person_id: string | null;
  published_at: string;
  revision: Revision;
}

export interface FormAttachmentsTable extends Syncable {
  form_id: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  created_by_account_id: string | null;
}

export interface FormThreadsTable extends Syncable {
  form_id: string;
  path: string;
  kind: 'comment' | 'suggestion';
  status: 'open' | 'accepted' | 'declined' | 'resolved';
  author_person_id: string | null;
  author_account_id: string | null;
  text: string;
  /** JSON: {field, language, choiceName, before, text} for suggestions. */
  suggestion: string | null;
  decided_by_person_id: string | null;
  decided_at: string | null;
  reason: string | null;
}

export interface FormThreadRepliesTable extends Syncable {
  thread_id: string;
  author_person_id: string | null;
  author_account_id: string | null;
  text: string;
}

export type FormTables = {
  forms: FormsTable;
  form_versions: FormVersionsTable;
  form_attachments: FormAttachmentsTable;
  form_threads: FormThreadsTable;
  form_thread_replies: FormThreadRepliesTable;
};

/** The request's transaction, seeing the forms tables too (same connection, same transaction). */
export const formsDb = (db: Db) => db.withTables<FormTables>();
export type FormsDb = ReturnType<typeof formsDb>;
