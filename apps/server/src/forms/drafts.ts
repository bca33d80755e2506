import type { FormDetail } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import { archivedError, changedMeanwhile, type FormCaller, require } from './caller.ts';
import type { CheckedForm } from './model.ts';
import { summarize } from './model.ts';
import { findForm, insertForm, updateForm } from './queries.ts';
import { formDetail, visibleForm } from './read.ts';

const draftColumns = (checked: CheckedForm) => {
  const summary = summarize(checked.form);
  return {
    form_key: summary.formKey,
    title: summary.title,
    draft: JSON.stringify(checked.form),
    warnings: JSON.stringify(checked.warnings),
    languages: JSON.stringify(summary.languages),
    question_count: summary.questionCount,
  };
};

/**
 * A new draft form. A client-chosen id makes the create safe to repeat (a phone retrying after a
 * lost answer): the same id with the same form returns it unchanged; with another form, a 409.
 */
export async function createForm(
  ctx: RequestContext,
  caller: FormCaller,
  checked: CheckedForm,
  input: { id?: string; source: 'builder' | 'xlsform' | 'template' },
): Promise<FormDetail> {
  require(caller, 'create');
  const id = input.id ?? newId();
  const existing = await findForm(ctx.db, caller.workspaceId, id);
  if (existing) {
    // A retry carries the same form; other content under a used id is a different form, refused.
    if (existing.draft !== draftColumns(checked).draft) {
      throw new AppError('conflict.id_reused', 409, 'Another form already has that id.', [
        { path: 'body.id', message: 'already used by another form', code: 'id.reused' },
      ]);
    }
    ctx.unchanged();
    return formDetail(ctx.db, caller, existing);
  }
  await insertForm(ctx.db, {
    workspace_id: caller.workspaceId,
    id,
    created_at: ctx.now,
    updated_at: ctx.now,
    revision: await ctx.revision(),
    deleted_at: null,
    status: 'draft',
    credits: '[]',
    latest_version_id: null,
    created_by_account_id: caller.accountId,
    updated_by_account_id: caller.accountId,
    ...draftColumns(checked),
  });
  ctx.audit({
    action: `form.create.${input.source}`,
    entityType: 'form',
    entityId: id,
    fields: ['title', 'formId', 'draft'],
  });
  return formDetail(ctx.db, caller, await visibleForm(ctx.db, caller, id));
}

/** Replaces the draft; with `baseRevision`, an edit made on a stale copy is refused (409). */
export async function saveDraft(
  ctx: RequestContext,
  caller: FormCaller,
  formId: string,
  checked: CheckedForm,
  baseRevision: string | undefined,
  source: 'builder' | 'xlsform',
): Promise<FormDetail> {
  const row = await visibleForm(ctx.db, caller, formId);
  require(caller, 'edit');
  if (row.status === 'archived') throw archivedError();
  if (baseRevision !== undefined && String(row.revision) !== baseRevision) {
    throw new AppError(
      'form.stale',
      409,
      'Someone changed this draft since you opened it: reload it and make your change again.',
    );
  }
  const stored = await updateForm(ctx.db, caller.workspaceId, formId, row.revision, {
    ...draftColumns(checked),
    updated_at: ctx.now,
    updated_by_account_id: caller.accountId,
    revision: await ctx.revision(),
  });
  if (!stored) throw changedMeanwhile();
  ctx.audit({
    action: source === 'xlsform' ? 'form.draft.import' : 'form.draft.update',
    entityType: 'form',
    entityId: formId,
    fields: ['draft'],
  });
  return formDetail(ctx.db, caller, await visibleForm(ctx.db, caller, formId));
}

export async function archiveForm(ctx: RequestContext, caller: FormCaller, formId: string) {
  const row = await visibleForm(ctx.db, caller, formId);
  require(caller, 'archive');
  if (row.status === 'archived') {
    ctx.unchanged();
  } else {
    const stored = await updateForm(ctx.db, caller.workspaceId, formId, row.revision, {
      status: 'archived',
      updated_at: ctx.now,
      updated_by_account_id: caller.accountId,
      revision: await ctx.revision(),
    });
    if (!stored) throw changedMeanwhile();
    ctx.audit({ action: 'form.archive', entityType: 'form', entityId: formId, fields: ['status'] });
  }
  return formDetail(ctx.db, caller, await visibleForm(ctx.db, caller, formId));
}
