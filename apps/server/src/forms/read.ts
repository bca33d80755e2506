import type { FormDetail, FormProblem, FormSummary } from '@coproduce/contract';
import type { Form } from '@coproduce/forms';
import type { Db } from '../db/connect.ts';
import { notFound } from '../errors.ts';
import type { FormCaller } from './caller.ts';
import { can, canSeeForm } from './policy.ts';
import { presentDetail, presentSummary, type StoredCredit } from './present.ts';
import { type FormRow, findForm, listVersions, openThreadCounts, personNames } from './queries.ts';

/** The form if this caller may know it exists; anything else (other workspace too) is a 404. */
export async function visibleForm(db: Db, caller: FormCaller, formId: string): Promise<FormRow> {
  const row = await findForm(db, caller.workspaceId, formId);
  if (!row || !canSeeForm(caller.role, { latestVersionId: row.latest_version_id }))
    throw notFound('That form');
  return row;
}

export const draftOf = (row: FormRow) => JSON.parse(row.draft) as Form;

export async function formDetail(db: Db, caller: FormCaller, row: FormRow): Promise<FormDetail> {
  const versions = await listVersions(db, caller.workspaceId, row.id);
  const counts = await openThreadCounts(db, caller.workspaceId, [row.id]);
  const credits = JSON.parse(row.credits) as StoredCredit[];
  const names = await personNames(db, caller.workspaceId, [
    ...versions.map((v) => v.published_by_person_id),
    ...credits.map((c) => c.personId),
  ]);
  const readsDraft = can(caller.role, 'readDraft');
  const summary: FormSummary = presentSummary(row, caller, {
    latest: versions[0] ?? null,
    openThreads: readsDraft ? (counts.get(row.id) ?? 0) : 0,
  });
  const draft = readsDraft
    ? {
        model: JSON.parse(row.draft) as Record<string, unknown>,
        warnings: JSON.parse(row.warnings) as FormProblem[],
      }
    : null;
  return presentDetail(summary, draft, versions, credits, names);
}
