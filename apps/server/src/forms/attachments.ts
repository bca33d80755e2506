import { createHash } from 'node:crypto';
import type { FormAttachment } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { archivedError, type FormCaller, require } from './caller.ts';
import { can } from './policy.ts';
import { presentAttachment } from './present.ts';
import {
  findAttachment,
  insertAttachment,
  listAttachments,
  liveAttachmentNamed,
  publishedAttachmentIds,
  tombstoneAttachment,
} from './queries.ts';
import { visibleForm } from './read.ts';

// A Map, not an object: a file named `__proto__` or `a.constructor` must not find Object's members.
const contentTypes = new Map<string, string>(
  Object.entries({
    csv: 'text/csv; charset=utf-8',
    xml: 'application/xml',
    geojson: 'application/geo+json',
    png: 'image/png',
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    gif: 'image/gif',
    webp: 'image/webp',
    svg: 'image/svg+xml',
    mp3: 'audio/mpeg',
    m4a: 'audio/mp4',
    ogg: 'audio/ogg',
    wav: 'audio/wav',
    mp4: 'video/mp4',
    webm: 'video/webm',
    pdf: 'application/pdf',
  }),
);
export const contentTypeOf = (fileName: string) =>
  contentTypes.get(fileName.split('.').pop()?.toLowerCase() ?? '') ?? 'application/octet-stream';

/** Uploads an attachment; one with the same file name is replaced (its old row stays as a tombstone). */
export async function uploadAttachment(
  ctx: RequestContext,
  caller: FormCaller,
  formId: string,
  fileName: string,
  bytes: Uint8Array,
): Promise<FormAttachment> {
  const form = await visibleForm(ctx.db, caller, formId);
  require(caller, 'edit');
  if (form.status === 'archived') throw archivedError();
  if (bytes.byteLength === 0) {
    throw new AppError('form.attachment.invalid', 400, 'contentBase64: the file is empty', [
      { path: 'body.contentBase64', message: 'the file is empty', code: 'file.empty' },
    ]);
  }
  const revision = await ctx.revision();
  const previous = await liveAttachmentNamed(ctx.db, caller.workspaceId, formId, fileName);
  if (previous)
    await tombstoneAttachment(ctx.db, caller.workspaceId, previous.id, { now: ctx.now, revision });
  const id = newId();
  await insertAttachment(ctx.db, {
    workspace_id: caller.workspaceId,
    id,
    form_id: formId,
    file_name: fileName,
    content_type: contentTypeOf(fileName),
    size: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content: Buffer.from(bytes),
    created_by_account_id: caller.accountId,
    created_at: ctx.now,
    updated_at: ctx.now,
    revision,
    deleted_at: null,
  });
  ctx.audit({
    action: previous ? 'form.attachment.replace' : 'form.attachment.upload',
    entityType: 'form_attachment',
    entityId: id,
    fields: ['fileName', 'content'],
  });
  const stored = await liveAttachmentNamed(ctx.db, caller.workspaceId, formId, fileName);
  if (!stored) throw new Error('the attachment just written is missing');
  return presentAttachment(stored);
}

export async function attachmentList(ctx: RequestContext, caller: FormCaller, formId: string) {
  await visibleForm(ctx.db, caller, formId);
  const rows = await listAttachments(ctx.db, caller.workspaceId, formId);
  if (can(caller.role, 'readDraft')) return rows.map(presentAttachment);
  const published = await publishedAttachmentIds(ctx.db, caller.workspaceId, formId);
  return rows.filter((r) => published.has(r.id)).map(presentAttachment);
}

/** The bytes; partners only get files published with a version. Tombstoned files stay readable by id. */
export async function attachmentContent(
  ctx: RequestContext,
  caller: FormCaller,
  formId: string,
  attachmentId: string,
) {
  await visibleForm(ctx.db, caller, formId);
  const row = await findAttachment(ctx.db, caller.workspaceId, formId, attachmentId);
  if (!row) throw notFound('That attachment');
  if (!can(caller.role, 'readDraft')) {
    const published = await publishedAttachmentIds(ctx.db, caller.workspaceId, formId);
    if (!published.has(row.id)) throw notFound('That attachment');
  }
  return row;
}

export async function deleteAttachment(
  ctx: RequestContext,
  caller: FormCaller,
  formId: string,
  attachmentId: string,
) {
  const form = await visibleForm(ctx.db, caller, formId);
  const row = await findAttachment(ctx.db, caller.workspaceId, formId, attachmentId);
  if (!row) throw notFound('That attachment');
  if (!can(caller.role, 'edit')) throw forbidden('Your role cannot edit forms.');
  if (form.status === 'archived') throw archivedError();
  if (row.deleted_at !== null) {
    ctx.unchanged();
    return;
  }
  await tombstoneAttachment(ctx.db, caller.workspaceId, attachmentId, {
    now: ctx.now,
    revision: await ctx.revision(),
  });
  ctx.audit({ action: 'form.attachment.delete', entityType: 'form_attachment', entityId: attachmentId });
}
