import type { RequestContext } from '../context.ts';
import type { Db } from '../db/connect.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { changedMeanwhile, type FormCaller, require } from './caller.ts';
import { discussableForm, oneThread, questionMissing } from './codesign.ts';
import { type CheckedForm, checkModel } from './model.ts';
import { canResolve } from './policy.ts';
import type { StoredCredit, StoredSuggestion } from './present.ts';
import { attachmentNames, findForm, updateForm } from './queries.ts';
import { draftOf, visibleForm } from './read.ts';
import { applyWording, currentText } from './reword.ts';
import { findThread, updateThread } from './thread-queries.ts';

/** Coordinators' decisions on suggestions, and closing threads. */

/** The draft with the suggestion applied, checked before the transaction (it may take seconds). */
export interface AcceptanceCheck {
  revision: string;
  checked: CheckedForm;
}

/** Null when the suggestion cannot be applied as it stands: the handler then says why. */
export async function checkAcceptance(
  db: Db,
  workspaceId: string,
  formId: string,
  threadId: string,
): Promise<AcceptanceCheck | null> {
  const form = await findForm(db, workspaceId, formId);
  const thread = await findThread(db, workspaceId, formId, threadId);
  if (!form || !thread?.suggestion || thread.status !== 'open') return null;
  const suggestion = JSON.parse(thread.suggestion) as StoredSuggestion;
  const draft = draftOf(form);
  const found = currentText(draft, thread.path, suggestion);
  if ('missing' in found || found.text !== suggestion.before) return null;
  const checked = await checkModel(
    applyWording(draft, thread.path, suggestion, suggestion.text),
    await attachmentNames(db, workspaceId, formId),
    { field: 'draft' },
  );
  return { revision: String(form.revision), checked };
}

async function openSuggestion(ctx: RequestContext, caller: FormCaller, formId: string, threadId: string) {
  const form = await discussableForm(ctx, caller, formId);
  const thread = await findThread(ctx.db, caller.workspaceId, formId, threadId);
  if (!thread) throw notFound('That thread');
  require(caller, 'decide');
  if (thread.kind !== 'suggestion' || !thread.suggestion) {
    throw new AppError('request.invalid', 400, 'This thread is a comment, not a suggestion.');
  }
  if (thread.status !== 'open') {
    throw new AppError('form.suggestion.decided', 409, `This suggestion is already ${thread.status}.`);
  }
  return { form, thread, suggestion: JSON.parse(thread.suggestion) as StoredSuggestion };
}

/** Accepting changes the draft to the suggested words and credits their author on the form. */
export async function acceptSuggestion(
  ctx: RequestContext,
  caller: FormCaller,
  formId: string,
  threadId: string,
  check: AcceptanceCheck | null,
) {
  const { form, thread, suggestion } = await openSuggestion(ctx, caller, formId, threadId);
  const found = currentText(draftOf(form), thread.path, suggestion);
  if ('missing' in found) throw questionMissing(found.missing);
  if (found.text !== suggestion.before) {
    throw new AppError(
      'form.suggestion.outdated',
      409,
      `The ${suggestion.field} changed since this suggestion was made (it now reads "${found.text}").`,
    );
  }
  if (!check || check.revision !== String(form.revision)) {
    throw new AppError(
      'form.stale',
      409,
      'The draft changed while the suggestion was being applied: try again.',
    );
  }
  const { checked } = check;
  const revision = await ctx.revision();
  const credits = JSON.parse(form.credits) as StoredCredit[];
  if (thread.author_person_id) {
    credits.push({ personId: thread.author_person_id, threadId, path: thread.path, acceptedAt: ctx.now });
  }
  const stored = await updateForm(ctx.db, caller.workspaceId, formId, form.revision, {
    draft: JSON.stringify(checked.form),
    warnings: JSON.stringify(checked.warnings),
    credits: JSON.stringify(credits),
    updated_at: ctx.now,
    updated_by_account_id: caller.accountId,
    revision,
  });
  if (!stored) throw changedMeanwhile();
  await updateThread(ctx.db, caller.workspaceId, threadId, {
    status: 'accepted',
    decided_by_person_id: caller.personId,
    decided_at: ctx.now,
    updated_at: ctx.now,
    revision,
  });
  ctx.audit({
    action: 'form.suggestion.accept',
    entityType: 'form_thread',
    entityId: threadId,
    fields: ['status', 'draft', 'credits'],
  });
  return oneThread(ctx.db, caller, formId, threadId);
}

export async function declineSuggestion(
  ctx: RequestContext,
  caller: FormCaller,
  formId: string,
  threadId: string,
  reason: string,
) {
  await openSuggestion(ctx, caller, formId, threadId);
  await updateThread(ctx.db, caller.workspaceId, threadId, {
    status: 'declined',
    decided_by_person_id: caller.personId,
    decided_at: ctx.now,
    reason,
    updated_at: ctx.now,
    revision: await ctx.revision(),
  });
  ctx.audit({
    action: 'form.suggestion.decline',
    entityType: 'form_thread',
    entityId: threadId,
    fields: ['status', 'reason'],
  });
  return oneThread(ctx.db, caller, formId, threadId);
}

export async function resolveThread(
  ctx: RequestContext,
  caller: FormCaller,
  formId: string,
  threadId: string,
) {
  await visibleForm(ctx.db, caller, formId);
  const thread = await findThread(ctx.db, caller.workspaceId, formId, threadId);
  if (!thread) throw notFound('That thread');
  if (!canResolve(caller.role, thread.author_person_id === caller.personId)) {
    throw forbidden('Only a coordinator or the person who started this thread can resolve it.');
  }
  if (thread.status !== 'open') {
    ctx.unchanged();
  } else {
    await updateThread(ctx.db, caller.workspaceId, threadId, {
      status: 'resolved',
      decided_by_person_id: caller.personId,
      decided_at: ctx.now,
      updated_at: ctx.now,
      revision: await ctx.revision(),
    });
    ctx.audit({
      action: 'form.thread.resolve',
      entityType: 'form_thread',
      entityId: threadId,
      fields: ['status'],
    });
  }
  return oneThread(ctx.db, caller, formId, threadId);
}
