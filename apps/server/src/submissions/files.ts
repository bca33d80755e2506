// A submission's files arrive in parts at byte offsets, so an upload cut off by a lost signal
// resumes where it stopped and no part is stored twice. A file counts only when every byte is
// there and its SHA-256 matches what the submission declared; an "image" that is not one is
// refused. The submission counts as received once every file it names has arrived.
import { createHash } from 'node:crypto';
import type { RequestContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { deleteFileParts, fileParts, findFile, insertFilePart, updateFileRow } from './file-queries.ts';
import type { SubmissionRow } from './queries.ts';
import { countCompleteFiles, findSubmission, updateSubmissionRow } from './queries.ts';

export interface FileProgress {
  name: string;
  size: number;
  receivedBytes: number;
  complete: boolean;
  submissionComplete: boolean;
}

const signatures: Array<[RegExp, (b: Uint8Array) => boolean]> = [
  [/^image\/jpe?g$/, (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  [/^image\/png$/, (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47],
  [/^image\/gif$/, (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46],
  [/^image\/webp$/, (b) => String.fromCharCode(...b.subarray(8, 12)) === 'WEBP'],
  [/^image\/hei[cf]$/, (b) => String.fromCharCode(...b.subarray(4, 8)) === 'ftyp'],
];

/** Whether the first bytes are what the declared type says (only image types are checked). */
export function looksLike(contentType: string, head: Uint8Array): boolean {
  if (!contentType.startsWith('image/')) return true;
  const known = signatures.find(([type]) => type.test(contentType));
  return known ? known[1](head) : false;
}

/** The submission a caller may add files to: their own, or any for those who review. */
export async function submissionForFiles(
  ctx: RequestContext,
  workspaceId: string,
  personId: string,
  mayAll: boolean,
  id: string,
): Promise<SubmissionRow> {
  const row = await findSubmission(ctx.db, workspaceId, id);
  if (!row || row.deleted_at || (!mayAll && row.submitted_by_person_id !== personId))
    throw notFound('That submission');
  return row;
}

export async function receivePart(
  ctx: RequestContext,
  submission: SubmissionRow,
  name: string,
  offset: number,
  bytes: Uint8Array,
): Promise<FileProgress> {
  const ws = submission.workspace_id;
  const file = await findFile(ctx.db, ws, submission.id, name);
  if (!file)
    throw new AppError('not_found', 404, `The submission names no file "${name}".`, [
      { path: 'params.fileName', message: 'not a file of this submission', code: 'value.unknown' },
    ]);
  const size = Number(file.size);
  let received = Number(file.received_bytes);
  let complete = file.complete === 1;
  const progress = async (): Promise<FileProgress> => ({
    name,
    size,
    receivedBytes: received,
    complete,
    submissionComplete: (await countCompleteFiles(ctx.db, ws, submission.id)) >= submission.files_expected,
  });
  if (file.complete === 1 || offset + bytes.length <= received) {
    // Already here (a retry after a lost answer): acknowledged, nothing stored twice.
    ctx.unchanged();
    return progress();
  }
  if (offset > received) {
    throw new AppError(
      'file.gap',
      409,
      `Send from byte ${received}: the bytes before ${offset} have not arrived.`,
      [
        {
          path: 'body.offset',
          message: `resume from ${received}`,
          code: 'file.gap',
          params: { receivedBytes: received },
        },
      ],
    );
  }
  const fresh = bytes.subarray(received - offset);
  if (received + fresh.length > size) {
    throw new AppError(
      'request.invalid',
      400,
      `The file is declared as ${size} bytes; this part goes past its end.`,
      [{ path: 'body.contentBase64', message: 'past the declared size', code: 'file.too_long' }],
    );
  }
  if (received === 0 && !looksLike(file.content_type, fresh.subarray(0, 16))) {
    throw new AppError(
      'file.not_what_it_claims',
      415,
      `This file is not the ${file.content_type} it claims to be.`,
      [{ path: 'body.contentBase64', message: `not ${file.content_type}`, code: 'file.not_what_it_claims' }],
    );
  }
  await insertFilePart(ctx.db, {
    workspace_id: ws,
    submission_id: submission.id,
    name,
    start_byte: received,
    content: fresh,
  });
  received += fresh.length;
  const revision = await ctx.revision();
  if (received < size) {
    await updateFileRow(ctx.db, ws, submission.id, name, { received_bytes: received, updated_at: ctx.now });
    ctx.audit({
      action: 'submission.file_part',
      entityType: 'submission',
      entityId: submission.id,
      fields: ['files'],
    });
    return progress();
  }
  const hash = createHash('sha256');
  for (const part of await fileParts(ctx.db, ws, submission.id, name)) hash.update(part.content);
  if (hash.digest('hex') !== file.sha256) {
    // Start again from nothing: a file that does not match its checksum is not the photo taken.
    await deleteFileParts(ctx.db, ws, submission.id, name);
    await updateFileRow(ctx.db, ws, submission.id, name, { received_bytes: 0, updated_at: ctx.now });
    ctx.audit({
      action: 'submission.file_reset',
      entityType: 'submission',
      entityId: submission.id,
      fields: ['files'],
    });
    throw new AppError(
      'file.checksum',
      422,
      'The file arrived damaged (its SHA-256 does not match): send it again from the start.',
      [{ path: 'params.fileName', message: 'checksum does not match', code: 'file.checksum' }],
    );
  }
  await updateFileRow(ctx.db, ws, submission.id, name, {
    received_bytes: received,
    complete: 1,
    updated_at: ctx.now,
  });
  complete = true;
  const arrived = await countCompleteFiles(ctx.db, ws, submission.id);
  await updateSubmissionRow(ctx.db, ws, submission.id, {
    files_received: arrived,
    updated_at: ctx.now,
    revision,
  });
  ctx.audit({
    action: 'submission.file_received',
    entityType: 'submission',
    entityId: submission.id,
    fields: ['files'],
  });
  return progress();
}

export async function fileProgress(
  ctx: RequestContext,
  submission: SubmissionRow,
  name: string,
): Promise<FileProgress> {
  const file = await findFile(ctx.db, submission.workspace_id, submission.id, name);
  if (!file) throw notFound('That file');
  return {
    name,
    size: Number(file.size),
    receivedBytes: Number(file.received_bytes),
    complete: file.complete === 1,
    submissionComplete:
      (await countCompleteFiles(ctx.db, submission.workspace_id, submission.id)) >= submission.files_expected,
  };
}

export async function fileContent(ctx: RequestContext, submission: SubmissionRow, name: string) {
  const file = await findFile(ctx.db, submission.workspace_id, submission.id, name);
  if (file?.complete !== 1) throw notFound('That file');
  const parts = await fileParts(ctx.db, submission.workspace_id, submission.id, name);
  // The parts are sent one after another as they are stored: never joined into one more copy.
  const chunks = parts.map((p) => Buffer.from(p.content.buffer, p.content.byteOffset, p.content.byteLength));
  const size = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  return { contentType: file.content_type, size, chunks };
}
