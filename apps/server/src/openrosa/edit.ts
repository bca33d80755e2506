// An edited instance (meta/deprecatedID, as Enketo and ODK Central's edit send it) becomes a new
// version of the submission it replaces, never a second submission. The deprecatedID names either
// the original instance (whose id is the submission's) or an earlier edit (recorded per version).
import type { AnswerTree, IngestOutcome } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import type { Submitter } from '../submissions/ingest.ts';
import { canSubmissions } from '../submissions/policy.ts';
import { findSubmission } from '../submissions/queries.ts';
import { newCurrentVersion } from '../submissions/review.ts';
import { firstVersionId, versionByInstanceId } from './queries.ts';

export interface OpenRosaEdit {
  deprecatedId: string;
  instanceId: string;
  formId: string;
  answers: AnswerTree;
}

/** Where the edit goes: its submission and the version it was made on; null if neither is here. */
async function editTarget(
  ctx: RequestContext,
  workspaceId: string,
  deprecatedId: string,
  originalId: string,
) {
  const edited = await versionByInstanceId(ctx.db, workspaceId, deprecatedId);
  const submissionId = edited?.submission_id ?? originalId;
  const row = await findSubmission(ctx.db, workspaceId, submissionId);
  if (!row || row.deleted_at) return null;
  const base = edited?.id ?? (await firstVersionId(ctx.db, workspaceId, row.id))?.id;
  return base ? { row, baseVersionId: base } : null;
}

/**
 * Stores the edit and answers as ingest does; null when the submission it edits is not here, so
 * the caller stores it as a submission of its own (what people sent is never dropped).
 */
export async function receiveEdit(
  ctx: RequestContext,
  submitter: Submitter,
  edit: OpenRosaEdit,
  originalId: string,
): Promise<{ outcome: IngestOutcome; submissionId: string } | null> {
  const target = await editTarget(ctx, submitter.workspaceId, edit.deprecatedId, originalId);
  if (!target) return null;
  const { row, baseVersionId } = target;
  if (!canSubmissions(submitter.role, 'edit'))
    throw forbidden('Only coordinators and staff edit a submission that was already sent.');
  if (row.form_id !== edit.formId)
    throw new AppError(
      'submission.edit_other_form',
      409,
      'This edit is of another form than the submission it replaces.',
    );
  const again = await versionByInstanceId(ctx.db, submitter.workspaceId, edit.instanceId);
  if (again) {
    ctx.unchanged();
    return {
      outcome: { index: 0, id: row.id, status: 'duplicate', issues: [], filesMissing: [] },
      submissionId: row.id,
    };
  }
  const reviewer = { workspaceId: submitter.workspaceId, role: submitter.role, personId: submitter.personId };
  const updated = await newCurrentVersion(
    ctx,
    reviewer,
    row,
    edit.answers,
    'edit',
    baseVersionId,
    `edited in an ODK client (replaces ${edit.deprecatedId})`,
    { instanceId: edit.instanceId, conflict: baseVersionId !== row.current_version_id },
  );
  ctx.audit({
    action: 'submission.edit',
    entityType: 'submission',
    entityId: row.id,
    fields: ['answers', 'reason'],
  });
  const issues = JSON.parse(updated.issues) as IngestOutcome['issues'];
  const status =
    updated.has_conflict === 1
      ? 'conflict'
      : updated.state === 'needs_attention'
        ? 'needs_attention'
        : 'stored';
  return {
    outcome: { index: 0, id: row.id, status, state: updated.state, issues, filesMissing: [] },
    submissionId: row.id,
  };
}
