// The workspace change feed, written once for every domain: each domain gives a source (its rows
// changed after a position, already filtered by the same policy as its listing), and the feed
// merges them into one stream ordered by (revision, kind, id). The cursor also names the caller's
// scope (role and what they are assigned); when the scope changes the next page says `reset` and
// starts over, so a phone never keeps rows it may no longer see nor misses rows it now may.
import { createHash } from 'node:crypto';
import type { Role } from '@coproduce/contract';
import { type FeedItem, type FeedKind, feedKinds } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { badCursor, decodeCursor, encodeCursor, type SyncPosition } from './cursor.ts';

export interface Viewer {
  workspaceId: string;
  role: Role;
  personId: string;
  /** Forms this viewer collects (null: every form they may read). */
  formIds: Set<string> | null;
  /** Teams this viewer is in (null: every team, for those who assign). */
  teamIds: Set<string> | null;
  /** Places their active assignments name (a section null: the whole settlement); null: everywhere. */
  areas: Array<{ settlementId: string; sectionId: string | null }> | null;
}

export interface FeedRow {
  id: string;
  revision: string;
  item: FeedItem;
}

export interface FeedSource {
  kind: FeedKind;
  /** Rows strictly after `after` in (revision, id) order, at most `limit`, filtered for the viewer. */
  read(ctx: RequestContext, viewer: Viewer, after: SyncPosition | null, limit: number): Promise<FeedRow[]>;
}

/** What the viewer may see, as a short fingerprint: it changes when their role or assignments do. */
export function scopeOf(viewer: Viewer): string {
  const list = (ids: Set<string> | null) => (ids ? [...ids].sort().join(',') : '*');
  const areas = viewer.areas
    ? new Set(viewer.areas.map((a) => `${a.settlementId}/${a.sectionId ?? '*'}`))
    : null;
  return createHash('sha256')
    .update(`${viewer.role}|${list(viewer.formIds)}|${list(viewer.teamIds)}|${list(areas)}`)
    .digest('base64url')
    .slice(0, 16);
}

interface FeedCursor {
  scope: string;
  revision: string;
  kind: number;
  id: string;
}

function readCursor(text: string | undefined): FeedCursor | null {
  if (!text) return null;
  const [scope, revision, kind, id] = decodeCursor(
    text,
    ['string', 'string', 'number', 'string'] as const,
    'since',
  );
  if (!/^\d{1,18}$/.test(revision) || !Number.isInteger(kind) || kind < 0 || kind >= feedKinds.length)
    throw badCursor('since');
  return { scope, revision, kind, id };
}

/**
 * Where a source resumes: a kind before the cursor's has seen its whole revision, the cursor's own
 * kind resumes after its id, a later kind has not seen that revision yet.
 */
function positionFor(cursor: FeedCursor | null, kindIndex: number): SyncPosition | null {
  if (!cursor) return null;
  if (kindIndex < cursor.kind) return { revision: cursor.revision, id: null };
  if (kindIndex === cursor.kind) return { revision: cursor.revision, id: cursor.id };
  const before = BigInt(cursor.revision) - 1n;
  return before < 0n ? null : { revision: before.toString(), id: null };
}

export async function changesPage(
  ctx: RequestContext,
  sources: FeedSource[],
  viewer: Viewer,
  since: string | undefined,
  limit: number,
) {
  const scope = scopeOf(viewer);
  const given = readCursor(since);
  const reset = given !== null && given.scope !== scope;
  const cursor = reset ? null : given;
  const merged: Array<FeedRow & { kind: number }> = [];
  for (const source of sources) {
    const kind = feedKinds.indexOf(source.kind);
    // One more than a page from each source tells whether anything follows the page.
    for (const row of await source.read(ctx, viewer, positionFor(cursor, kind), limit + 1))
      merged.push({ ...row, kind });
  }
  merged.sort((a, b) => {
    const byRevision = BigInt(a.revision) - BigInt(b.revision);
    if (byRevision !== 0n) return byRevision < 0n ? -1 : 1;
    return a.kind - b.kind || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const page = merged.slice(0, limit);
  const last = page.at(-1);
  const next = last
    ? encodeCursor([scope, last.revision, last.kind, last.id])
    : encodeCursor([scope, cursor?.revision ?? '0', cursor?.kind ?? feedKinds.length - 1, cursor?.id ?? '']);
  return { items: page.map((row) => row.item), cursor: next, hasMore: merged.length > limit, reset };
}
