import type { RequestContext } from '../context.ts';
import { revisionText } from '../db/revision.ts';
import { AppError, forbidden } from '../errors.ts';
import { abilitiesFor } from '../workspaces/policy.ts';
import { containsPattern } from './names.ts';
import { canListPeople, listScope } from './policy.ts';
import { listByName, listChangedSince, type PersonRow } from './queries.ts';
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

const badCursor = () =>
  new AppError('request.invalid', 400, 'cursor: not a cursor from an earlier page', [
    { path: 'cursor', message: 'not a cursor from an earlier page' },
  ]);

/** The name-order cursor is opaque to clients: the last key and id of the page, base64url JSON. */
export const encodeNameCursor = (row: PersonRow) =>
  Buffer.from(JSON.stringify([row.display_name_key, row.id])).toString('base64url');

function decodeNameCursor(cursor: string): { key: string; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string') {
      return { key: value[0], id: value[1] };
    }
  } catch {}
  throw badCursor();
}

/**
 * Two listings in one endpoint: by name (search, keyset pages, live rows only), or with `since`,
 * every change after a sync cursor in revision order, tombstones included. The sync cursor is the
 * last revision on the page; each person write takes its own revision, so a page never splits one.
 * Partners may not list (403); members get a set holding only their own record.
 */
export async function listPeople(ctx: RequestContext, caller: Caller, listing: PeopleListing) {
  if (!canListPeople(caller.role)) throw forbidden('Your role cannot see the people register.');
  const onlyPersonId = listScope(caller.role) === 'self' ? caller.personId : null;
  const take = listing.limit + 1;
  let rows: PersonRow[];
  let cursorOf: (row: PersonRow) => string;
  if (listing.since !== null) {
    const since = listing.cursor ?? listing.since;
    // Revisions are PostgreSQL bigints: more than 18 digits cannot be one of ours (and would be a 500).
    if (!/^\d{1,18}$/.test(since)) throw badCursor();
    rows = await listChangedSince(ctx.db, caller.workspaceId, since, onlyPersonId, take);
    cursorOf = (row) => revisionText(row.revision);
  } else {
    rows = await listByName(ctx.db, {
      workspaceId: caller.workspaceId,
      pattern: listing.q ? containsPattern(listing.q) : null,
      searchLegalName: abilitiesFor(caller.role).readLegalName,
      onlyPersonId,
      after: listing.cursor ? decodeNameCursor(listing.cursor) : null,
      limit: take,
    });
    cursorOf = encodeNameCursor;
  }
  const hasMore = rows.length > listing.limit;
  const page = hasMore ? rows.slice(0, listing.limit) : rows;
  const last = page.at(-1);
  // A sync page always hands back a cursor (the last revision seen) so the next sync starts there.
  const cursor = last ? cursorOf(last) : listing.since !== null ? (listing.cursor ?? listing.since) : null;
  return {
    rows: page,
    cursor: hasMore || listing.since !== null ? cursor : null,
    hasMore,
  } satisfies PeoplePage;
}
