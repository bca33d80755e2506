import { type Insertable, sql, type Updateable } from 'kysely';
import type { AssignmentsTable, TeamsTable } from '../db/collection-schema.ts';
import type { Tx } from '../db/connect.ts';

/** Assignments with their form's title and the assignee's name (a person or a team). */
export function assignmentsQuery(trx: Tx, workspaceId: string) {
  return trx
    .selectFrom('assignments')
    .innerJoin('forms', (join) =>
      join
        .onRef('forms.workspace_id', '=', 'assignments.workspace_id')
        .onRef('forms.id', '=', 'assignments.form_id'),
    )
    .leftJoin('people', (join) =>
      join
        .onRef('people.workspace_id', '=', 'assignments.workspace_id')
        .onRef('people.id', '=', 'assignments.person_id'),
    )
    .leftJoin('teams', (join) =>
      join
        .onRef('teams.workspace_id', '=', 'assignments.workspace_id')
        .onRef('teams.id', '=', 'assignments.team_id'),
    )
    .selectAll('assignments')
    .select([
      'forms.title as form_title',
      'people.display_name as person_name',
      'teams.name as team_name',
      'teams.member_person_ids',
    ])
    .where('assignments.workspace_id', '=', workspaceId);
}
export type AssignmentRow = Awaited<ReturnType<ReturnType<typeof assignmentsQuery>['execute']>>[number];

export const assignmentOrder = {
  columns: ['assignments.created_at', 'assignments.id'],
  direction: 'desc' as const,
  valuesOf: (row: AssignmentRow) => [row.created_at, row.id],
};

export async function findAssignment(trx: Tx, workspaceId: string, id: string) {
  return assignmentsQuery(trx, workspaceId).where('assignments.id', '=', id).executeTakeFirst();
}

export async function insertAssignment(trx: Tx, row: Insertable<AssignmentsTable>) {
  await trx.insertInto('assignments').values(row).execute();
}

export async function updateAssignmentRow(
  trx: Tx,
  workspaceId: string,
  id: string,
  changes: Updateable<AssignmentsTable>,
) {
  await trx
    .updateTable('assignments')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export function teamsQuery(trx: Tx, workspaceId: string) {
  return trx.selectFrom('teams').selectAll().where('workspace_id', '=', workspaceId);
}
export const teamOrder = {
  columns: ['name', 'id'],
  direction: 'asc' as const,
  valuesOf: (row: { name: string; id: string }) => [row.name, row.id],
};

export async function findTeam(trx: Tx, workspaceId: string, id: string) {
  return teamsQuery(trx, workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function insertTeam(trx: Tx, row: Insertable<TeamsTable>) {
  await trx.insertInto('teams').values(row).execute();
}

export async function updateTeamRow(
  trx: Tx,
  workspaceId: string,
  id: string,
  changes: Updateable<TeamsTable>,
) {
  await trx
    .updateTable('teams')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

/** Live people of the workspace among these ids, with whether they hold a collecting role. */
export async function collectors(trx: Tx, workspaceId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return trx
    .selectFrom('people')
    .leftJoin('memberships', (join) =>
      join
        .onRef('memberships.workspace_id', '=', 'people.workspace_id')
        .onRef('memberships.person_id', '=', 'people.id')
        .on('memberships.deleted_at', 'is', null),
    )
    .select(['people.id', 'memberships.role'])
    .where('people.workspace_id', '=', workspaceId)
    .where('people.id', 'in', personIds)
    .where('people.deleted_at', 'is', null)
    .execute();
}

/** Per form, how many of this person's submissions were sent, need a fix, were approved. */
export async function submissionCounts(trx: Tx, workspaceId: string, personId: string) {
  const rows = await trx
    .selectFrom('submissions')
    .select(['form_id', 'state', sql<number>`count(*)`.as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('submitted_by_person_id', '=', personId)
    .where('deleted_at', 'is', null)
    .groupBy(['form_id', 'state'])
    .execute();
  return rows.map((r) => ({ formId: r.form_id, state: r.state, n: Number(r.n) }));
}

/** Per form and sender, how many live submissions the server holds, for these forms. */
export async function sentByForm(trx: Tx, workspaceId: string, formIds: string[]) {
  if (formIds.length === 0) return [];
  const rows = await trx
    .selectFrom('submissions')
    .select(['form_id', 'submitted_by_person_id', sql<number>`count(*)`.as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('form_id', 'in', [...new Set(formIds)])
    .where('deleted_at', 'is', null)
    .groupBy(['form_id', 'submitted_by_person_id'])
    .execute();
  return rows.map((r) => ({ formId: r.form_id, personId: r.submitted_by_person_id, n: Number(r.n) }));
}

/** The places (settlement, and section or null for all of it) a collector's active assignments name. */
export async function assignedAreas(trx: Tx, workspaceId: string, personId: string, teamIds: Set<string>) {
  const rows = await trx
    .selectFrom('assignments')
    .select(['settlement_id', 'section_id'])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .where('status', '=', 'active')
    .where('settlement_id', 'is not', null)
    .where((eb) => eb.or([eb('person_id', '=', personId), eb('team_id', 'in', [...teamIds, ''])]))
    .execute();
  return rows.map((r) => ({ settlementId: r.settlement_id!, sectionId: r.section_id }));
}
