import {
  type FormListAbilities,
  type FormSummary,
  type FormThread,
  limits,
  type Page,
} from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { forbidden } from '../errors.ts';
import { parsePosition } from '../sync/cursor.ts';
import { changedSince } from '../sync/rows.ts';
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
 * Both listings go in (revision, id) order through sync/rows.ts; with `since` (a sync), tombstones
 * come too and a cursor always comes back, so the next sync starts there.
 */
function window(listing: Listing) {
  const text = listing.cursor ?? listing.since;
  const after =
    text === undefined ? null : parsePosition(text, listing.cursor !== undefined ? 'cursor' : 'since');
  return { after, limit: listing.limit ?? limits.pageSizeDefault, sync: listing.since !== undefined };
}

/** The page format: a listing hands back a cursor only when more follows; a sync always does. */
function pageOf<T>(
  found: { cursor: string | null; hasMore: boolean },
  w: ReturnType<typeof window>,
  items: T[],
): Page<T> {
  return { items, cursor: found.hasMore || w.sync ? found.cursor : null, hasMore: found.hasMore };
}

export async function formPage(
  ctx: RequestContext,
  caller: FormCaller,
  listing: Listing & { status?: FormSummary['status'] | undefined },
): Promise<Page<FormSummary> & { abilities: FormListAbilities }> {
  if (!can(caller.role, 'readPublished')) throw forbidden('Your role cannot see forms.');
  const w = window(listing);
  const found = await changedSince(
    listForms(ctx.db, {
      workspaceId: caller.workspaceId,
      includeDeleted: w.sync,
      onlyPublished: !can(caller.role, 'readDraft'),
      status: listing.status ?? null,
    }),
    w.after,
    w.limit,
  );
  const shown = found.rows;
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
  return { ...pageOf(found, w, items), abilities: { create: can(caller.role, 'create') } };
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
  const found = await changedSince(
    listThreads(ctx.db, {
      workspaceId: caller.workspaceId,
      formId,
      includeDeleted: w.sync,
      path: listing.path ?? null,
      status: listing.status ?? null,
    }),
    w.after,
    w.limit,
  );
  return pageOf(found, w, await presentThreads(ctx.db, caller, found.rows));
}
