import type { FormThread } from '@coproduce/contract';
import { formLanguages } from '@coproduce/forms';
import type { RequestContext } from '../context.ts';
import type { Db } from '../db/connect.ts';
import { AppError, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { archivedError, type FormCaller, require } from './caller.ts';
import { presentThread, type StoredSuggestion } from './present.ts';
import { personNames, personOfAccounts, type ThreadRow } from './queries.ts';
import { draftOf, visibleForm } from './read.ts';
import { currentText, type Target } from './reword.ts';
import {
  findReply,
  findThread,
  insertReply,
  insertThread,
  repliesOf,
  updateThread,
} from './thread-queries.ts';

/** Threads with their replies and names, as the phone shows them. */
export async function presentThreads(db: Db, caller: FormCaller, rows: ThreadRow[]): Promise<FormThread[]> {
  const replies = await repliesOf(
    db,
    caller.workspaceId,
    rows.map((r) => r.id),
  );
  const accountPeople = await personOfAccounts(db, caller.workspaceId, [
    ...rows.map((r) => r.author_account_id),
    ...replies.map((r) => r.author_account_id),
  ]);
  const names = await personNames(db, caller.workspaceId, [
    ...rows.flatMap((r) => [r.author_person_id, r.decided_by_person_id]),
    ...replies.map((r) => r.author_person_id),
    ...accountPeople.values(),
  ]);
  return rows.map((row) =>
    presentThread(
      row,
      replies.filter((r) => r.thread_id === row.id),
      caller,
      names,
      accountPeople,
    ),
  );
}

export async function oneThread(db: Db, caller: FormCaller, formId: string, threadId: string) {
  const row = await findThread(db, caller.workspaceId, formId, threadId);
  if (!row) throw notFound('That thread');
  const [thread] = await presentThreads(db, caller, [row]);
  return thread as FormThread;
}

/** The draft a caller may discuss: readable, not archived, and the caller may comment. */
export async function discussableForm(ctx: RequestContext, caller: FormCaller, formId: string) {
  const form = await visibleForm(ctx.db, caller, formId);
  require(caller, 'comment');
  if (form.status === 'archived') throw archivedError();
  return form;
}

export const questionMissing = (message: string) =>
  new AppError('form.question_not_found', 400, `path: ${message}`, [
    { path: 'body.path', message, code: 'question.unknown' },
  ]);

interface NewThread {
  id?: string;
  path: string;
  text: string;
  suggestion: StoredSuggestion | null;
}

async function openThread(ctx: RequestContext, caller: FormCaller, formId: string, input: NewThread) {
  const id = input.id ?? newId();
  if (await findThread(ctx.db, caller.workspaceId, formId, id)) {
    ctx.unchanged();
    return oneThread(ctx.db, caller, formId, id);
  }
  await insertThread(ctx.db, {
    workspace_id: caller.workspaceId,
    id,
    form_id: formId,
    path: input.path,
    kind: input.suggestion ? 'suggestion' : 'comment',
    status: 'open',
    author_person_id: caller.authorPersonId,
    author_account_id: caller.accountId,
    text: input.text,
    suggestion: input.suggestion ? JSON.stringify(input.suggestion) : null,
    decided_by_person_id: null,
    decided_at: null,
    reason: null,
    created_at: ctx.now,
    updated_at: ctx.now,
    revision: await ctx.revision(),
    deleted_at: null,
  });
  ctx.audit({
    action: input.suggestion ? 'form.suggestion.create' : 'form.comment.create',
    entityType: 'form_thread',
    entityId: id,
    fields: input.suggestion ? ['path', 'text', 'suggestion'] : ['path', 'text'],
  });
  return oneThread(ctx.db, caller, formId, id);
}

export async function commentOnQuestion(
  ctx: RequestContext,
  caller: FormCaller,
  formId: string,
  input: { id?: string; path: string; text: string },
) {
  const form = await discussableForm(ctx, caller, formId);
  const found = currentText(draftOf(form), input.path, {
    field: 'label',
    language: 'default',
    choiceName: null,
  });
  if ('missing' in found) throw questionMissing(found.missing);
  return openThread(ctx, caller, formId, { ...input, suggestion: null });
}

export async function suggestWording(
  ctx: RequestContext,
  caller: FormCaller,
  formId: string,
  input: { id?: string; path: string; note: string; text: string } & Omit<Target, 'choiceName'> & {
      choiceName?: string;
    },
) {
  const form = await discussableForm(ctx, caller, formId);
  const draft = draftOf(form);
  const languages = formLanguages(draft);
  if (!languages.includes(input.language) && !(languages.length === 0 && input.language === 'default')) {
    const known = languages.map((l) => `"${l}"`).join(', ') || '"default"';
    throw new AppError('request.invalid', 400, `language: not a language of this form (${known})`, [
      { path: 'body.language', message: `one of ${known}`, code: 'value.one_of', params: { known } },
    ]);
  }
  const target: Target = {
    field: input.field,
    language: input.language,
    choiceName: input.choiceName ?? null,
  };
  const found = currentText(draft, input.path, target);
  if ('missing' in found) throw questionMissing(found.missing);
  return openThread(ctx, caller, formId, {
    ...(input.id ? { id: input.id } : {}),
    path: input.path,
    text: input.note,
    suggestion: { ...target, before: found.text, text: input.text },
  });
}

export async function replyToThread(
  ctx: RequestContext,
  caller: FormCaller,
  formId: string,
  threadId: string,
  input: { id?: string; text: string },
) {
  await discussableForm(ctx, caller, formId);
  const thread = await findThread(ctx.db, caller.workspaceId, formId, threadId);
  if (!thread) throw notFound('That thread');
  const id = input.id ?? newId();
  if (await findReply(ctx.db, caller.workspaceId, id)) {
    ctx.unchanged();
    return oneThread(ctx.db, caller, formId, threadId);
  }
  const revision = await ctx.revision();
  await insertReply(ctx.db, {
    workspace_id: caller.workspaceId,
    id,
    thread_id: threadId,
    author_person_id: caller.authorPersonId,
    author_account_id: caller.accountId,
    text: input.text,
    created_at: ctx.now,
    updated_at: ctx.now,
    revision,
    deleted_at: null,
  });
  // The thread carries its replies: a new revision makes phones fetch it again.
  await updateThread(ctx.db, caller.workspaceId, threadId, { updated_at: ctx.now, revision });
  ctx.audit({
    action: 'form.thread.reply',
    entityType: 'form_thread',
    entityId: threadId,
    fields: ['replies'],
  });
  return oneThread(ctx.db, caller, formId, threadId);
}
