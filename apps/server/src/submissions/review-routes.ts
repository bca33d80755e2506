import { endpoints, limits } from '@coproduce/contract';
import { forbidden } from '../errors.ts';
import { personNames } from '../forms/queries.ts';
import type { Registrar } from '../http/register.ts';
import { callerOf } from '../workspaces/caller.ts';
import { readLayout } from './answer-tables.ts';
import { listSubmissionRows } from './listing.ts';
import { canSubmissions } from './policy.ts';
import { presentSummary } from './present.ts';
import type { SubmissionRow } from './queries.ts';
import {
  editSubmission,
  resolveConflict,
  reviewSubmission,
  submissionDetail,
  visibleSubmission,
} from './review.ts';
import { formVersionNumbers } from './review-queries.ts';

const asList = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export function submissionReviewRoutes(api: Registrar) {
  api.register(endpoints.listSubmissions, async ({ ctx, query }) => {
    const caller = callerOf(ctx);
    const mayAll = canSubmissions(caller.role, 'readAll');
    if (!mayAll && !canSubmissions(caller.role, 'readOwn'))
      throw forbidden('Your role does not see submissions.');
    const layout = query.formId ? await readLayout(ctx.db, caller.workspaceId, query.formId) : null;
    const columns = query.columns
      ? query.columns
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean)
      : (layout?.columns
          .filter((c) => !c.repeatPath && c.valueType !== 'lat' && c.valueType !== 'lon')
          .slice(0, 8)
          .map((c) => c.path) ?? []);
    const page = await listSubmissionRows(ctx.db, {
      workspaceId: caller.workspaceId,
      formId: query.formId ?? null,
      layout,
      state: query.state ?? null,
      conflictsOnly: query.conflicts === 'only',
      onlyPersonId: !mayAll || query.mine === 'yes' ? caller.personId : null,
      filters: asList(query.f),
      sort: query.sort ?? null,
      columns,
      cursor: query.cursor ?? null,
      limit: query.limit ?? limits.pageSizeDefault,
    });
    const rows = page.rows as unknown as Array<SubmissionRow & Record<string, string | number | null>>;
    const names = await personNames(
      ctx.db,
      caller.workspaceId,
      rows.map((r) => r.submitted_by_person_id),
    );
    const numbers = await formVersionNumbers(
      ctx.db,
      caller.workspaceId,
      rows.map((r) => r.form_version_id),
    );
    return {
      items: rows.map((row) =>
        presentSummary(
          row,
          numbers.get(row.form_version_id) ?? 0,
          names,
          Object.fromEntries(page.selected.map((c) => [c.path, row[`v_${c.column}`] ?? null])),
        ),
      ),
      cursor: page.cursor,
      hasMore: page.hasMore,
      total: page.total,
    };
  });

  api.register(endpoints.getSubmission, async ({ ctx, params }) => {
    const caller = callerOf(ctx);
    return submissionDetail(ctx, caller, await visibleSubmission(ctx, caller, params.submissionId));
  });

  api.register(endpoints.reviewSubmission, async ({ ctx, params, body }) =>
    reviewSubmission(ctx, callerOf(ctx), params.submissionId, body.state, body.comment),
  );

  api.register(endpoints.editSubmission, async ({ ctx, params, body }) =>
    editSubmission(ctx, callerOf(ctx), params.submissionId, body),
  );

  api.register(endpoints.resolveSubmissionConflict, async ({ ctx, params, body }) =>
    resolveConflict(ctx, callerOf(ctx), params.submissionId, body),
  );
}
