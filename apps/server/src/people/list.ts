import type { RequestContext } from '../context.ts';
import { forbidden } from '../errors.ts';
import { decodeCursor, encodeCursor, parsePosition } from '../sync/cursor.ts';
import { changedSince } from '../sync/rows.ts';
import { abilitiesFor } from '../workspaces/policy.ts';
import { containsPattern } from './names.ts';
import { canListPeople, listScope } from './policy.ts';
import { changedPeople, listByName, type PersonRow } from './queries.ts';
import type { Caller } from './write.ts';

export interface PeopleListing {
  q: string | null;
  since: string | null;
  cursor: string | null;
  limit: number;
}

export interface PeoplePage {
  rows: PersonRow[];
  cursor: string | null;
  hasMore: boolean;
}

/** The name-order cursor is opaque to clients: the last key and id of the page. */
export const encodeNameCursor = (row: PersonRow) => encodeCursor([row.display_name_key, row.id]);

function decodeNameCursor(cursor: string): { key: string; id: string } {
  const [key, id] = decodeCursor(cursor, ['string', 'string'] as const);
  return { key, id };
}

/**
 * Two listings in one endpoint: by name (search, keyset pages, live rows only), or with `since`,
 * every change after a sync position in (revision, id) order, tombstones included (sync/rows.ts).
 * Partners may not list (403); members get a set holding only their own record.
 */
export async function listPeople(
  ctx: RequestContext,
  caller: Caller,
  listing: PeopleListing,
): Promise<PeoplePage> {
  if (!canListPeople(caller.role)) throw forbidden('Your role cannot see the people register.');
  const onlyPersonId = listScope(caller.role) === 'self' ? caller.personId : null;
  if (listing.since !== null) {
    const after = parsePosition(listing.cursor ?? listing.since, listing.cursor ? 'cursor' : 'since');
    return changedSince(changedPeople(ctx.db, caller.workspaceId, onlyPersonId), after, listing.limit);
  }
  const rows = await listByName(ctx.db, {
    workspaceId: caller.workspaceId,
    pattern: listing.q ? containsPattern(listing.q) : null,
    searchLegalName: abilitiesFor(caller.role).readLegalName,
    onlyPersonId,
    after: listing.cursor ? decodeNameCursor(listing.cursor) : null,
    limit: listing.limit + 1,
  });
  const hasMore = rows.length > listing.limit;
  const page = hasMore ? rows.slice(0, listing.limit) : rows;
  const last = page.at(-1);
  return { rows: page, cursor: hasMore && last ? encodeNameCursor(last) : null, hasMore };
}
