// Review on the server: a submission's whole history, state changes with comments, corrections as
// new versions (who and why; older versions stay), and conflicts resolved by choosing or merging
// with both originals kept. Every change rewrites the typed answer rows from the current version.

import { createHash } from 'node:crypto';
import type { AnswerTree, Role, SubmissionDetail, SubmissionState } from '@coproduce/contract';
import { flagsSubmission, validateAnswers } from '@coproduce/forms/submission';
import type { RequestContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { personNames } from '../forms/queries.ts';
import { newId } from '../ids.ts';
import { answerRows, deleteAnswerRows, insertAnswerRows } from './answer-rows.ts';
import type { AnswerLayout } from './answer-tables.ts';
import { canonicalJson } from './compiled.ts';
import { writeEntityRecordsOnReview } from './entity-records.ts';
import { canSubmissions, type SubmissionAction } from './policy.ts';
import { preparedVersion } from './prepared.ts';
import { presentDetail } from './present.ts';
import { findSubmission, insertVersions, type SubmissionRow, updateSubmissionRow } from './queries.ts';
import { detailParts, insertReview, versionModel } from './review-queries.ts';

export interface Reviewer {
  workspaceId: string;
  role: Role;
  personId: string;
}

/** A submission the caller may see: any, for reviewers; their own, for researchers. */
export async function visibleSubmission(
  ctx: RequestContext,
  caller: Reviewer,
  id: string,
): Promise<SubmissionRow> {
  const row = await findSubmission(ctx.db, caller.workspaceId, id);
  const mayAll = canSubmissions(caller.role, 'readAll');
  const own = canSubmissions(caller.role, 'readOwn') && row?.submitted_by_person_id === caller.personId;
  if (!row || row.deleted_at || !(mayAll || own)) throw notFound('That submission');
  return row;
}

const need = (caller: Reviewer, action: SubmissionAction) => {
  if (!canSubmissions(caller.role, action))
    throw forbidden('Only coordinators and staff review submissions.');
};

export async function submissionDetail(
  ctx: RequestContext,
  caller: Reviewer,
  row: SubmissionRow,
): Promise<SubmissionDetail> {
  const parts = await detailParts(ctx.db, row);
  const names = await personNames(ctx.db, caller.workspaceId, [
    row.submitted_by_person_id,
    ...parts.versions.map((v) => v.created_by_person_id),
    ...parts.reviews.map((r) => r.author_person_id),
  ]);
  const current = parts.versions.find((v) => v.id === row.current_version_id);
  return presentDetail(row, current?.form_version_number ?? 0, names, parts, caller.role);
}

export async function reviewSubmission(
  ctx: RequestContext,
  caller: Reviewer,
  id: string,
  state: SubmissionState,
  comment: string,
) {
  need(caller, 'review');
  const row = await visibleSubmission(ctx, caller, id);
  const revision = await ctx.revision();
  await insertReview(ctx.db, {
    workspace_id: caller.workspaceId,
    id: newId(),
    created_at: ctx.now,
    updated_at: ctx.now,
    revision,
    deleted_at: null,
    submission_id: id,
    state_from: row.state,
    state_to: state,
    comment,
    author_person_id: caller.personId,
    author_account_id: ctx.actor?.accountId ?? null,
  });
  await updateSubmissionRow(ctx.db, caller.workspaceId, id, {
    state,
    reviewed_by_person_id: caller.personId,
    reviewed_at: ctx.now,
    updated_at: ctx.now,
    revision,
  });
  ctx.audit({
    action: 'submission.review',
    entityType: 'submission',
    entityId: id,
    fields: ['state', ...(comment ? ['comment'] : [])],
  });
  const reviewed = { ...row, state, revision };
  // Approved: the reviewer vouches for it, so it makes its records now if it has none yet.
  const after = state === 'approved' ? await writeEntityRecordsOnReview(ctx, caller, reviewed) : reviewed;
  return submissionDetail(ctx, caller, after);
}

/**
 * Writes a new current version (an edit or a resolution) and the typed rows that follow from it.
 * `instanceId` is set for an edit from an ODK client; `conflict` flags the submission when the edit
 * was made on a version that is no longer the current one (both are kept, for a coordinator).
 */
export async function newCurrentVersion(
  ctx: RequestContext,
  caller: Reviewer,
  row: SubmissionRow,
  answers: AnswerTree,
  kind: 'edit' | 'merge',
  baseVersionId: string,
  reason: string,
  options: { instanceId?: string; conflict?: boolean } = {},
) {
  const number = await versionModel(ctx.db, caller.workspaceId, row.form_version_id);
  if (!number) throw notFound('That form version');
  const prepared = await preparedVersion(ctx, caller.workspaceId, {
    id: row.form_version_id,
    form_id: row.form_id,
    number: number.number,
  });
  const issues = validateAnswers(prepared.compiled, answers);
  const versionId = newId();
  const revision = await ctx.revision();
  await insertVersions(ctx.db, [
    {
      workspace_id: caller.workspaceId,
      id: versionId,
      submission_id: row.id,
      number: row.version_count + 1,
      kind,
      form_version_id: row.form_version_id,
      answers: canonicalJson(answers),
      content_hash: createHash('sha256').update(canonicalJson(answers)).digest('hex'),
      issues: JSON.stringify(issues),
      base_version_id: baseVersionId,
      reason,
      meta: '{}',
      created_by_account_id: ctx.actor?.accountId ?? null,
      created_by_person_id: caller.personId,
      created_at: ctx.now,
      instance_id: options.instanceId ?? null,
    },
  ]);
  const layout = prepared.layout as AnswerLayout;
  await deleteAnswerRows(ctx.db, layout, caller.workspaceId, row.id);
  await insertAnswerRows(
    ctx.db,
    answerRows(layout, caller.workspaceId, row.id, versionId, answers),
    ctx.deps.databaseKind,
  );
  const flagged = issues.some(flagsSubmission);
  const state: SubmissionState = flagged
    ? 'needs_attention'
    : row.state === 'needs_attention'
      ? 'received'
      : row.state;
  const changes = {
    current_version_id: versionId,
    version_count: row.version_count + 1,
    issues: JSON.stringify(issues),
    state,
    updated_at: ctx.now,
    revision,
    ...(kind === 'merge' ? { has_conflict: 0 } : {}),
    ...(options.conflict ? { has_conflict: 1 } : {}),
  };
  await updateSubmissionRow(ctx.db, caller.workspaceId, row.id, changes);
  const updated = { ...row, ...changes };
  // A correction that leaves it valid makes the records it could not make before (once).
  return flagged ? updated : writeEntityRecordsOnReview(ctx, caller, updated);
}

export async function editSubmission(
  ctx: RequestContext,
  caller: Reviewer,
  id: string,
  input: { baseVersionId: string; answers: AnswerTree; reason: string },
) {
  need(caller, 'edit');
  const row = await visibleSubmission(ctx, caller, id);
  if (input.baseVersionId !== row.current_version_id) {
    throw new AppError(
      'conflict.stale',
      409,
      'Someone changed this submission meanwhile: reload it and edit the newest version.',
      [{ path: 'body.baseVersionId', message: 'not the current version', code: 'conflict.stale' }],
    );
  }
  const updated = await newCurrentVersion(
    ctx,
    caller,
    row,
    input.answers,
    'edit',
    input.baseVersionId,
    input.reason,
  );
  ctx.audit({
    action: 'submission.edit',
    entityType: 'submission',
    entityId: id,
    fields: ['answers', 'reason'],
  });
  return submissionDetail(ctx, caller, updated);
}

export async function resolveConflict(
  ctx: RequestContext,
  caller: Reviewer,
  id: string,
  input: { chosenVersionId?: string | undefined; mergedAnswers?: AnswerTree | undefined; reason: string },
) {
  need(caller, 'resolve');
  const row = await visibleSubmission(ctx, caller, id);
  if (row.has_conflict !== 1) {
    throw new AppError('submission.no_conflict', 409, 'This submission has no conflict to resolve.');
  }
  if ((input.chosenVersionId ? 1 : 0) + (input.mergedAnswers ? 1 : 0) !== 1) {
    throw new AppError('request.invalid', 400, 'Choose one version or send merged answers.', [
      { path: 'body.chosenVersionId', message: 'choose a version or merge', code: 'resolve.one_way' },
    ]);
  }
  const parts = await detailParts(ctx.db, row);
  let answers = input.mergedAnswers;
  if (input.chosenVersionId) {
    const chosen = parts.versions.find((v) => v.id === input.chosenVersionId);
    if (!chosen)
      throw new AppError('not_found', 404, 'That version is not one of this submission’s.', [
        { path: 'body.chosenVersionId', message: 'not a version of this submission', code: 'value.unknown' },
      ]);
    answers = JSON.parse(chosen.answers) as AnswerTree;
  }
  const updated = await newCurrentVersion(
    ctx,
    caller,
    row,
    answers as AnswerTree,
    'merge',
    row.current_version_id,
    input.reason,
  );
  ctx.audit({
    action: 'submission.resolve',
    entityType: 'submission',
    entityId: id,
    fields: ['answers', 'hasConflict', 'reason'],
  });
  return submissionDetail(ctx, caller, updated);
}
