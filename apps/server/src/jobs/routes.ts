import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { endpoints, type Job } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { sendFile } from '../http/download.ts';
import type { Registrar } from '../http/register.ts';
import { callerOf } from '../workspaces/caller.ts';
import { findJob, type JobRow } from './queries.ts';
import { jobFolder } from './runner.ts';

export function presentJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: {
      done: Number(row.progress_done),
      total: row.progress_total === null ? null : Number(row.progress_total),
    },
    attempts: row.attempts,
    error: row.error,
    file: row.file_name
      ? {
          name: row.file_name,
          size: Number(row.file_size ?? 0),
          contentType: row.file_type ?? 'application/octet-stream',
        }
      : null,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/** A job is its creator's (and coordinators'): another member's export is not theirs to fetch. */
async function visibleJob(ctx: RequestContext, jobId: string) {
  const caller = callerOf(ctx);
  const row = await findJob(ctx.db, caller.workspaceId, jobId);
  const mine = row && (row.created_by_account_id === ctx.actor?.accountId || caller.role === 'coordinator');
  if (!row || !mine) throw notFound('That job');
  return row;
}

export function jobRoutes(api: Registrar) {
  api.register(endpoints.getJob, async ({ ctx, params }) => presentJob(await visibleJob(ctx, params.jobId)));

  api.register(endpoints.downloadJobFile, async ({ ctx, params, reply }) => {
    const row = await visibleJob(ctx, params.jobId);
    const path = row.file_name ? join(jobFolder(ctx.deps, row), row.file_name) : null;
    if (row.status !== 'done' || !path || !existsSync(path)) throw notFound('That file');
    sendFile(reply, row.file_name as string, row.file_type ?? 'application/octet-stream');
    if (row.file_size) reply.header('content-length', String(row.file_size));
    return createReadStream(path) as never;
  });
}
