import { Readable } from 'node:stream';
import { endpoints } from '@coproduce/contract';
import { forbidden } from '../errors.ts';
import { sendFile } from '../http/download.ts';
import type { Registrar } from '../http/register.ts';
import { callerOf } from '../workspaces/caller.ts';
import { fileContent, fileProgress, receivePart, submissionForFiles } from './files.ts';
import { ingestBatch, type Submitter } from './ingest.ts';
import { type IngestLookups, readIngestLookups } from './ingest-lookups.ts';
import { canSubmissions } from './policy.ts';

/** The refusal for roles that do not collect, shared with the OpenRosa submission. */
export const refusedRole = () => forbidden('Your role does not collect submissions.');

export function submissionRoutes(api: Registrar) {
  // Many phones send at once after a day offline: group commit (http/group-commit.ts) takes them
  // in one transaction, each still answered only once it is committed. What the batch is checked
  // against is read before, at once, outside the one-at-a-time part (ingest-lookups.ts).
  const submitterOf = (caller: { workspaceId: string; role: Submitter['role']; personId: string }) => ({
    workspaceId: caller.workspaceId,
    role: caller.role,
    personId: caller.personId,
  });
  api.register<typeof endpoints.ingestSubmissions, IngestLookups | null>(
    endpoints.ingestSubmissions,
    async ({ ctx, body, prepared }) => {
      const caller = callerOf(ctx);
      if (!canSubmissions(caller.role, 'submit')) throw refusedRole();
      const outcomes = await ingestBatch(
        ctx,
        { ...submitterOf(caller), accountId: ctx.actor?.accountId ?? null },
        body.items,
        'web',
        prepared ?? undefined,
      );
      return { outcomes };
    },
    {
      grouped: true,
      // On PostgreSQL only: there each lookup is a round trip the group would wait on; SQLite's are
      // calls in this process, and measured slower when moved to the read connection.
      prepare: async ({ deps, membership, body }) =>
        deps.databaseKind === 'postgres' && membership && canSubmissions(membership.role, 'submit')
          ? readIngestLookups(deps.readDb, { ...submitterOf(membership), accountId: null }, body.items)
          : null,
    },
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
