import type { Role } from '@coproduce/contract';
import { type Insertable, sql, type Updateable } from 'kysely';
import type {
  AnswerColumnsTable,
  SubmissionFilesTable,
  SubmissionsTable,
  SubmissionVersionsTable,
} from '../db/collection-schema.ts';
import type { Db, Tx } from '../db/connect.ts';
import { mustBeAssigned } from './policy.ts';

export async function answerColumnRows(trx: Tx, workspaceId: string, formId: string) {
  return trx
    .selectFrom('answer_columns')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('form_id', '=', formId)
    .orderBy('position')
    .execute();
}

export async function insertAnswerColumns(trx: Tx, rows: AnswerColumnsTable[]) {
  for (let start = 0; start < rows.length; start += 200) {
    await trx
      .insertInto('answer_columns')
      .values(rows.slice(start, start + 200))
      .execute();
  }
}

/** Published versions by (form, number), with their models: what a batch was filled in. */
export async function versionsByNumber(
  trx: Db,
  workspaceId: string,
  pairs: Array<{ formId: string; number: number }>,
) {
  if (pairs.length === 0) return [];
  return trx
    .selectFrom('form_versions')
    .innerJoin('forms', (join) =>
      join
        .onRef('forms.workspace_id', '=', 'form_versions.workspace_id')
        .onRef('forms.id', '=', 'form_versions.form_id'),
    )
    .select([
      'form_versions.id',
      'form_versions.form_id',
      'form_versions.number',
      'forms.status as form_status',
      'forms.deleted_at as form_deleted_at',
      'forms.title as form_title',
    ])
    .where('form_versions.workspace_id', '=', workspaceId)
    .where((eb) =>
      eb.or(
        pairs.map((p) =>
          eb.and([eb('form_versions.form_id', '=', p.formId), eb('form_versions.number', '=', p.number)]),
        ),
      ),
    )
    .execute();
}

export type VersionRow = Awaited<ReturnType<typeof versionsByNumber>>[number];

/** Forms by id, to tell "no such form" from "not published" and "archived". */
export async function formsByIds(trx: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('forms')
    .select(['id', 'status', 'deleted_at', 'latest_version_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
}

export async function submissionsByIds(trx: Tx, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('submissions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
}

export type SubmissionRow = Awaited<ReturnType<typeof submissionsByIds>>[number];

export async function findSubmission(trx: Tx, workspaceId: string, id: string) {
  return trx
    .selectFrom('submissions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every content hash each submission already holds, to tell a retry from a conflicting copy. */
export async function contentHashes(trx: Tx, workspaceId: string, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  return trx
    .selectFrom('submission_versions')
    .select(['submission_id', 'content_hash', 'number'])
    .where('workspace_id', '=', workspaceId)
    .where('submission_id', 'in', submissionIds)
    .execute();
}

export async function versionsOf(trx: Tx, workspaceId: string, submissionId: string) {
  return trx
    .selectFrom('submission_versions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('submission_id', '=', submissionId)
    .orderBy('number')
    .execute();
}

export async function insertSubmissions(trx: Tx, rows: Insertable<SubmissionsTable>[]) {
  for (let start = 0; start < rows.length; start += 50) {
    await trx
      .insertInto('submissions')
      .values(rows.slice(start, start + 50))
      .execute();
  }
}

export async function insertVersions(trx: Tx, rows: Insertable<SubmissionVersionsTable>[]) {
  for (let start = 0; start < rows.length; start += 50) {
    await trx
      .insertInto('submission_versions')
      .values(rows.slice(start, start + 50))
      .execute();
  }
}

export async function updateSubmissionRow(
  trx: Tx,
  workspaceId: string,
  id: string,
  changes: Updateable<SubmissionsTable>,
) {
  await trx
    .updateTable('submissions')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** The issues of a submission's version, kept beside its answers (the review reads them there). */
export async function setVersionIssues(
  trx: Tx,
  workspaceId: string,
  submissionId: string,
  number: number,
  issues: string,
) {
  await trx
    .updateTable('submission_versions')
    .set({ issues })
    .where('workspace_id', '=', workspaceId)
    .where('submission_id', '=', submissionId)
    .where('number', '=', number)
    .execute();
}

/**
 * The forms a caller may collect when not every published one: a phone's device access has its
 * own list, a researcher their assignments; null for roles that collect any published form.
 */
export async function collectableFormIds(
  trx: Db,
  caller: { workspaceId: string; role: Role; personId: string; deviceFormIds?: string[] | null },
): Promise<Set<string> | null> {
  if (caller.deviceFormIds) return new Set(caller.deviceFormIds);
  return mustBeAssigned(caller.role) ? assignedFormIds(trx, caller.workspaceId, caller.personId) : null;
}

/** Forms a person is assigned to collect (directly, or through a team), active assignments only. */
export async function assignedFormIds(trx: Db, workspaceId: string, personId: string): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('assignments')
    .leftJoin('teams', (join) =>
      join
        .onRef('teams.workspace_id', '=', 'assignments.workspace_id')
        .onRef('teams.id', '=', 'assignments.team_id'),
    )
    .select(['assignments.form_id', 'assignments.person_id', 'teams.member_person_ids'])
    .where('assignments.workspace_id', '=', workspaceId)
    .where('assignments.deleted_at', 'is', null)
    .where('assignments.status', '=', 'active')
    .where((eb) =>
      eb.or([eb('assignments.person_id', '=', personId), eb('assignments.team_id', 'is not', null)]),
    )
    .execute();
  const ids = new Set<string>();
  for (const row of rows) {
    const members = row.member_person_ids ? (JSON.parse(row.member_person_ids) as string[]) : [];
    if (row.person_id === personId || members.includes(personId)) ids.add(row.form_id);
  }
  return ids;
}

export async function filesOf(trx: Tx, workspaceId: string, submissionIds: string[]) {
  if (submissionIds.length === 0) return [];
  return trx
    .selectFrom('submission_files')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('submission_id', 'in', submissionIds)
    .execute();
}

export async function upsertFileRefs(trx: Tx, rows: Insertable<SubmissionFilesTable>[]) {
  for (const row of rows) {
    await trx
      .insertInto('submission_files')
      .values(row)
      .onConflict((oc) => oc.columns(['workspace_id', 'submission_id', 'name']).doNothing())
      .execute();
  }
}

export async function countCompleteFiles(trx: Tx, workspaceId: string, submissionId: string) {
  const row = await trx
    .selectFrom('submission_files')
    .select(sql<number>`count(*)`.as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('submission_id', '=', submissionId)
    .where('complete', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The teams a person is in (team membership is a short list on the team). */
export async function teamsOf(trx: Tx, workspaceId: string, personId: string): Promise<Set<string>> {
  const rows = await trx
    .selectFrom('teams')
    .select(['id', 'member_person_ids'])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(
    rows.filter((r) => (JSON.parse(r.member_person_ids) as string[]).includes(personId)).map((r) => r.id),
  );
}

/** The submission's records were made from its current version (it makes none again). */
export async function markRecordsMade(trx: Tx, workspaceId: string, id: string) {
  await trx
    .updateTable('submissions')
    .set((eb) => ({ records_version_id: eb.ref('current_version_id') }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** The current version's answers and the first version's meta (when the phone started). */
export function currentAndFirstVersion(
  trx: Tx,
  row: { workspace_id: string; id: string; current_version_id: string },
) {
  return trx
    .selectFrom('submission_versions')
    .select(['id', 'number', 'answers', 'meta'])
    .where('workspace_id', '=', row.workspace_id)
    .where('submission_id', '=', row.id)
    .where((eb) => eb.or([eb('id', '=', row.current_version_id), eb('number', '=', 1)]))
    .execute();
}
