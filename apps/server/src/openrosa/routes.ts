import { endpoints } from '@coproduce/contract';
import type { Registrar } from '../http/register.ts';
import { canSubmissions } from '../submissions/policy.ts';
import { refusedRole } from '../submissions/routes.ts';
import { callerOf } from '../workspaces/caller.ts';
import { type OpenRosaPost, openRosaPostBytes, readOpenRosaPost } from './multipart.ts';
import { openRosaDocument, openRosaHeaders } from './response.ts';
import { receiveSubmission } from './submission.ts';

export function openRosaSubmissionRoutes(api: Registrar) {
  api.register(endpoints.openRosaSubmissionCheck, async ({ ctx, reply }) => {
    if (!canSubmissions(callerOf(ctx).role, 'submit')) throw refusedRole();
    openRosaHeaders(reply);
    reply.header('x-openrosa-accept-content-length', String(openRosaPostBytes));
    return undefined;
  });

  api.register<typeof endpoints.openRosaSubmission, OpenRosaPost>(
    endpoints.openRosaSubmission,
    async ({ ctx, prepared, reply }) => {
      const caller = callerOf(ctx);
      const result = await receiveSubmission(
        ctx,
        {
          workspaceId: caller.workspaceId,
          role: caller.role,
          personId: caller.personId,
          accountId: ctx.actor?.accountId ?? null,
          deviceAccessId: caller.device?.id ?? null,
          deviceFormIds: caller.device?.formIds ?? null,
        },
        prepared,
      );
      openRosaHeaders(reply);
      reply.header('x-openrosa-accept-content-length', String(openRosaPostBytes));
      const { outcome, filesMissing } = result;
      const words =
        outcome.status === 'conflict'
          ? 'Received. A submission with this id but other answers was already here: both are kept for a coordinator to review.'
          : outcome.status === 'needs_attention'
            ? 'Received. Some answers need attention; a coordinator will review them.'
            : outcome.status === 'duplicate' && result.filesAdded === 0
              ? 'Received before: nothing new to store.'
              : 'Received. Thank you.';
      const missing = filesMissing.length ? ` Still to come: ${filesMissing.join(', ')}.` : '';
      return new TextEncoder().encode(openRosaDocument(words + missing));
    },
    {
      // One transaction with other concurrent submissions, as the web's ingest (http/group-commit.ts).
      grouped: true,
      // Read before the transaction: a slow upload must not hold the database's writer.
      prepare: async ({ request, membership }) => {
        if (!membership || !canSubmissions(membership.role, 'submit')) throw refusedRole();
        return readOpenRosaPost(request);
      },
    },
  );
}
