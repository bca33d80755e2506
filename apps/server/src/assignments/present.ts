import type { Assignment, AssignmentProgress } from '@coproduce/contract';
import { revisionText } from '../db/revision.ts';
import type { AssignmentRow } from './queries.ts';

export function presentAssignment(row: AssignmentRow): Assignment {
  return {
    id: row.id,
    formId: row.form_id,
    formTitle: row.form_title,
    personId: row.person_id,
    teamId: row.team_id,
    assigneeName: row.person_name ?? row.team_name ?? '',
    targetCount: row.target_count,
    dueOn: row.due_on,
    note: row.note,
    status: row.status,
    settlementId: row.settlement_id,
    sectionId: row.section_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: revisionText(row.revision),
    deletedAt: row.deleted_at,
  };
}

export function presentTeam(row: {
  id: string;
  name: string;
  member_person_ids: string;
  revision: string | number | bigint;
  deleted_at: string | null;
}) {
  return {
    id: row.id,
    name: row.name,
    memberPersonIds: JSON.parse(row.member_person_ids) as string[],
    revision: revisionText(row.revision),
    deletedAt: row.deleted_at,
  };
}

/** Each assignment with what its assignee (a person, or a team's members) sent for its form. */
export function withProgress(
  rows: AssignmentRow[],
  sent: { formId: string; personId: string | null; n: number }[],
): AssignmentProgress[] {
  return rows.map((row) => {
    const who = row.person_id
      ? [row.person_id]
      : row.member_person_ids
        ? (JSON.parse(row.member_person_ids) as string[])
        : [];
    const n = sent
      .filter((s) => s.formId === row.form_id && s.personId !== null && who.includes(s.personId))
      .reduce((sum, s) => sum + s.n, 0);
    return { ...presentAssignment(row), sent: n };
  });
}

/** Whether an assignment is the person's: theirs by name, or their team's. */
export const assignedTo = (row: AssignmentRow, personId: string) =>
  row.person_id === personId ||
  (row.member_person_ids ? (JSON.parse(row.member_person_ids) as string[]).includes(personId) : false);
