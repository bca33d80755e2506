import { Readable } from 'node:stream';
import { endpoints } from '@coproduce/contract';
import { forbidden } from '../errors.ts';
import { sendFile } from '../http/download.ts';
import type { Registrar } from '../http/register.ts';
import { callerOf } from '../workspaces/caller.ts';
import { fileContent, fileProgress, receivePart, submissionForFiles } from './files.ts';
import { ingestBatch } from './ingest.ts';
import { canSubmissions } from './policy.ts';

/** The refusal for roles that do not collect, shared with the OpenRosa submission. */
export const refusedRole = () => forbidden('Your role does not collect submissions.');

export function submissionRoutes(api: Registrar) {
  // Many phones send at once after a day offline: group commit (http/group-commit.ts) takes them
  // in one transaction, each still answered only once it is committed.
  api.register(
    endpoints.ingestSubmissions,
    async ({ ctx, body }) => {
      const caller = callerOf(ctx);
      if (!canSubmissions(caller.role, 'submit')) throw refusedRole();
      const outcomes = await ingestBatch(
        ctx,
        {
          workspaceId: caller.workspaceId,
          role: caller.role,
          personId: caller.personId,
          accountId: ctx.actor?.accountId ?? null,
        },
        body.items,
        'web',
      );
      return { outcomes };
    },
    { grouped: true },
  );

  api.register(endpoints.uploadSubmissionFilePart, async ({ ctx, params, body }) => {
    const caller = callerOf(ctx);
    if (!canSubmissions(caller.role, 'submit')) throw refusedRole();
    const submission = await submissionForFiles(
      ctx,
      caller.workspaceId,
      caller.personId,
      canSubmissions(caller.role, 'readAll'),
      params.submissionId,
    );
    return receivePart(
      ctx,
      submission,
      params.fileName,
      body.offset,
      new Uint8Array(Buffer.from(body.contentBase64, 'base64')),
    );
  });

  api.register(endpoints.getSubmissionFileProgress, async ({ ctx, params }) => {
    const caller = callerOf(ctx);
    if (!canSubmissions(caller.role, 'readOwn')) throw refusedRole();
    const submission = await submissionForFiles(
      ctx,
      caller.workspaceId,
      caller.personId,
      canSubmissions(caller.role, 'readAll'),
      params.submissionId,
    );
    return fileProgress(ctx, submission, params.fileName);
  });

  api.register(endpoints.downloadSubmissionFile, async ({ ctx, params, reply }) => {
    const caller = callerOf(ctx);
    if (!canSubmissions(caller.role, 'readOwn')) throw refusedRole();
    const submission = await submissionForFiles(
      ctx,
      caller.workspaceId,
      caller.personId,
      canSubmissions(caller.role, 'readAll'),
      params.submissionId,
    );
    const file = await fileContent(ctx, submission, params.fileName);
    sendFile(reply, params.fileName, file.contentType);
    reply.header('content-length', String(file.size));
    return Readable.from(file.chunks) as never;
  });
}
