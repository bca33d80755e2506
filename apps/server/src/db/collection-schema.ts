import type { ColumnType } from 'kysely';
import type { Syncable } from './schema.ts';

/** The tables of offline collection (migration 0004): submissions, assignments, teams, jobs. */
export interface SubmissionsTable extends Syncable {
  form_id: string;
  form_version_id: string;
  state: 'received' | 'needs_attention' | 'approved' | 'rejected';
  has_conflict: number;
  current_version_id: string;
  version_count: number;
  instance_name: string | null;
  /** JSON: the current version's issues. */
  issues: string;
  files_expected: number;
  files_received: number;
  source: 'web' | 'openrosa' | 'backup' | 'demo';
  assignment_id: string | null;
  device_access_id: string | null;
  submitted_by_account_id: string | null;
  submitted_by_person_id: string | null;
  received_at: string;
  reviewed_by_person_id: string | null;
  reviewed_at: string | null;
  /** The version whose answers made the submission's records (migration 0010); null: none yet. */
  records_version_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SubmissionVersionsTable {
  workspace_id: string;
  id: string;
  submission_id: string;
  number: number;
  kind: 'original' | 'conflict' | 'edit' | 'merge';
  form_version_id: string;
  /** JSON: the answer tree as sent (canonical key order). */
  answers: string;
  content_hash: string;
  issues: string;
  base_version_id: string | null;
  reason: string | null;
  /** JSON: startedAt, finishedAt, deviceId, files. */
  meta: string;
  created_by_account_id: string | null;
  created_by_person_id: string | null;
  created_at: string;
  /** The OpenRosa instanceID an edit came with (migration 0005); null otherwise. */
  instance_id: string | null;
}

export interface SubmissionFilesTable {
  workspace_id: string;
  submission_id: string;
  name: string;
  content_type: string;
  size: number | string;
  sha256: string;
  received_bytes: number | string;
  complete: number;
  created_at: string;
  updated_at: string;
}

export interface SubmissionFilePartsTable {
  workspace_id: string;
  submission_id: string;
  name: string;
  start_byte: number | string;
  content: Uint8Array;
}

export interface SubmissionReviewsTable extends Syncable {
  submission_id: string;
  state_from: string | null;
  state_to: string | null;
  comment: string;
  author_person_id: string | null;
  author_account_id: string | null;
}

export interface AnswerColumnsTable {
  workspace_id: string;
  form_id: string;
  path: string;
  value_type: 'int' | 'real' | 'text' | 'lat' | 'lon' | 'repeat';
  table_name: string;
  column_name: string;
  repeat_path: string | null;
  question_type: string;
  list_name: string | null;
  first_version_number: number;
  position: number;
}

export interface TeamsTable extends Syncable {
  name: string;
  member_person_ids: string;
}

export interface AssignmentsTable extends Syncable {
  form_id: string;
  person_id: string | null;
  team_id: string | null;
  target_count: number | null;
  due_on: string | null;
  note: string;
  status: 'active' | 'closed';
  created_by_account_id: string | null;
  /** Where the work is (migration 0008): a settlement, or one of its sections. */
  settlement_id: string | null;
  section_id: string | null;
}

export interface JobsTable {
  workspace_id: string;
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  params: string;
  progress_done: number | string;
  progress_total: number | string | null;
  attempts: number;
  max_attempts: number;
  run_after: string;
  claimed_by: string | null;
  heartbeat_at: string | null;
  finished_at: string | null;
  result: string | null;
  error: string | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | string | null;
  created_by_account_id: string | null;
  created_at: string;
  updated_at: string;
}

export type CollectionTables = {
  submissions: SubmissionsTable;
  submission_versions: SubmissionVersionsTable;
  submission_files: SubmissionFilesTable;
  submission_file_parts: SubmissionFilePartsTable;
  submission_reviews: SubmissionReviewsTable;
  answer_columns: AnswerColumnsTable;
  teams: TeamsTable;
  assignments: AssignmentsTable;
  jobs: JobsTable;
  device_accesses: DeviceAccessesTable;
};

/** A phone collecting with ODK Collect without an account (migration 0005). */
export interface DeviceAccessesTable {
  workspace_id: string;
  id: string;
  name: string;
  person_id: string;
  /** JSON: the ids of the forms it may collect. */
  form_ids: string;
  secret_hash: string;
  created_by_account_id: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
