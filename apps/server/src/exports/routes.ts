import { endpoints } from '@coproduce/contract';
import { AppError, forbidden } from '../errors.ts';
import type { Registrar } from '../http/register.ts';
import { newId } from '../ids.ts';
import { insertJob } from '../jobs/queries.ts';
import { presentJob } from '../jobs/routes.ts';
import { canSubmissions } from '../submissions/policy.ts';
import { callerOf } from '../workspaces/caller.ts';
import { type ExportParams, exportJob } from './job.ts';

export function exportRoutes(api: Registrar) {
  // The job row is written in this request's transaction: acknowledged means it will run, even
  // if the server restarts before a runner claims it.
  api.register(endpoints.createExport, async ({ ctx, params, body }) => {
    const caller = callerOf(ctx);
    if (!canSubmissions(caller.role, 'export'))
      throw forbidden('Only coordinators and staff export submissions.');
    const form = await ctx.db
      .selectFrom('forms')
      .select(['id', 'form_key', 'latest_version_id', 'deleted_at'])
      .where('workspace_id', '=', caller.workspaceId)
      .where('id', '=', params.formId)
      .executeTakeFirst();
    if (!form || form.deleted_at) throw new AppError('not_found', 404, 'There is no such form.');
    if (!form.latest_version_id)
      throw new AppError(
        'request.invalid',
        400,
        'The form is not published: it has no submissions to export.',
        [{ path: 'params.formId', message: 'not published', code: 'form.not_published' }],
      );
    const id = newId();
    const jobParams: ExportParams = {
      workspaceId: caller.workspaceId,
      formId: form.id,
      formKey: form.form_key.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'form',
      format: body.format,
      headers: body.headers,
      ...(body.language ? { language: body.language } : {}),
      ...(body.state ? { state: body.state } : {}),
    };
    await insertJob(ctx.db, {
      workspace_id: caller.workspaceId,
      id,
      kind: exportJob.name,
      status: 'queued',
      params: JSON.stringify(jobParams),
      run_after: ctx.now,
      progress_done: 0,
      attempts: 0,
      max_attempts: 3,
      created_by_account_id: ctx.actor?.accountId ?? null,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    ctx.audit({
      action: 'export.create',
      entityType: 'form',
      entityId: form.id,
      fields: ['format', 'headers', ...(body.state ? ['state'] : [])],
    });
    const row = await ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where('workspace_id', '=', caller.workspaceId)
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return presentJob(row);
  });
}

export const jobKinds = [exportJob];
