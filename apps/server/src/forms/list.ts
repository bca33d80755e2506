import { type FormSummary, type FormThread, limits, type Page } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import type { FormCaller } from './caller.ts';
import { presentThreads } from './codesign.ts';
import { can } from './policy.ts';
import { presentSummary } from './present.ts';
import { listForms, openThreadCounts, versionsByIds } from './queries.ts';
import { visibleForm } from './read.ts';
import { listThreads } from './thread-queries.ts';

export interface Listing {
  since?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/**
 * Both listings go in revision order; the cursor is the last revision on the page. With `since`
 * (a sync), tombstones come too and a cursor always comes back, so the next sync starts there.
 */
function window(listing: Listing) {
  const after = listing.cursor ?? listing.since ?? null;
  // At most 18 digits: a revision is a PostgreSQL bigint, and a longer number would overflow it (a 500).
  if (after !== null && !/^\d{1,18}$/.test(after)) {
    throw new AppError('request.invalid', 400, 'cursor: not a cursor from an earlier page', [
      { path: 'query.cursor', message: 'not a cursor from an earlier page' },
    ]);
  }
  const limit = listing.limit ?? limits.pageSizeDefault;
  return { after, limit, sync: listing.since !== undefined };
}

function page<R extends { revision: string | number | bigint }, T>(
  rows: R[],
  w: ReturnType<typeof window>,
  items: T[],
): Page<T> {
  const hasMore = rows.length > w.limit;
  const last = rows.slice(0, w.limit).at(-1);
  const cursor = last ? String(last.revision) : w.after;
  return { items: items.slice(0, w.limit), cursor: hasMore || w.sync ? cursor : null, hasMore };
}

export async function formPage(
  ctx: RequestContext,
  caller: FormCaller,
  listing: Listing & { status?: FormSummary['status'] | undefined },
): Promise<Page<FormSummary>> {
  if (!can(caller.role, 'readPublished')) throw forbidden('Your role cannot see forms.');
  const w = window(listing);
  const rows = await listForms(ctx.db, {
    workspaceId: caller.workspaceId,
    after: w.after,
    includeDeleted: w.sync,
    onlyPublished: !can(caller.role, 'readDraft'),
    status: listing.status ?? null,
    limit: w.limit + 1,
  });
  const shown = rows.slice(0, w.limit);
  const latest = await versionsByIds(
    ctx.db,
    caller.workspaceId,
    shown.flatMap((r) => (r.latest_version_id ? [r.latest_version_id] : [])),
  );
  const counts = can(caller.role, 'readDraft')
    ? await openThreadCounts(
        ctx.db,
        caller.workspaceId,
        shown.map((r) => r.id),
      )
    : new Map<string, number>();
  const items = shown.map((row) =>
    presentSummary(row, caller, {
      latest: latest.find((v) => v.id === row.latest_version_id) ?? null,
      openThreads: counts.get(row.id) ?? 0,
    }),
  );
  return page(rows, w, items);
}

export async function threadPage(
  ctx: RequestContext,
  caller: FormCaller,
  formId: string,
  listing: Listing & { path?: string | undefined; status?: FormThread['status'] | undefined },
): Promise<Page<FormThread>> {
  await visibleForm(ctx.db, caller, formId);
  if (!can(caller.role, 'readDraft')) throw forbidden('Your role can only see published versions.');
  const w = window(listing);
  const rows = await listThreads(ctx.db, {
    workspaceId: caller.workspaceId,
    formId,
    after: w.after,
    includeDeleted: w.sync,
    path: listing.path ?? null,
    status: listing.status ?? null,
    limit: w.limit + 1,
  });
  const items = await presentThreads(ctx.db, caller, rows.slice(0, w.limit));
  return page(rows, w, items);
}
