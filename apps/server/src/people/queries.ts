import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Tx } from '../db/connect.ts';
import type { PeopleTable } from '../db/schema.ts';

export type PersonRow = Selectable<PeopleTable>;

export async function findPerson(db: Tx, workspaceId: string, personId: string) {
  return db
    .selectFrom('people')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', personId)
    .executeTakeFirst();
}

export async function insertPerson(db: Tx, row: Insertable<PeopleTable>) {
  await db.insertInto('people').values(row).execute();
}

export async function updatePersonRow(
  db: Tx,
  workspaceId: string,
  personId: string,
  changes: Updateable<PeopleTable>,
) {
  await db
    .updateTable('people')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', personId)
    .execute();
}

export async function hasLiveMembership(db: Tx, workspaceId: string, personId: string) {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('person_id', '=', personId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export interface NameListing {
  workspaceId: string;
  /** LIKE pattern over the name keys, or null for everyone. */
  pattern: string | null;
  /** Also match legal names: only for callers who may read them, or search would leak them. */
  searchLegalName: boolean;
  /** Members see only their own record. */
  onlyPersonId: string | null;
  after: { key: string; id: string } | null;
  limit: number;
}

/** Live people by name key, then id: keyset pages that stay fast deep into a large register. */
export async function listByName(db: Tx, listing: NameListing) {
  let query = db
    .selectFrom('people')
    .selectAll()
    .where('workspace_id', '=', listing.workspaceId)
    .where('deleted_at', 'is', null);
  if (listing.onlyPersonId) query = query.where('id', '=', listing.onlyPersonId);
  const pattern = listing.pattern;
  if (pattern) {
    query = query.where((eb) =>
      listing.searchLegalName
        ? eb.or([
            sql<boolean>`display_name_key like ${pattern} escape '\\'`,
            sql<boolean>`legal_name_key like ${pattern} escape '\\'`,
          ])
        : sql<boolean>`display_name_key like ${pattern} escape '\\'`,
    );
  }
  const after = listing.after;
  if (after) {
    // The plain `>=` lets both engines start the index range at the cursor; the OR alone made
    // SQLite walk the index from the first name (a deep page cost 4x the first one).
    query = query
      .where('display_name_key', '>=', after.key)
      .where((eb) =>
        eb.or([
          eb('display_name_key', '>', after.key),
          eb.and([eb('display_name_key', '=', after.key), eb('id', '>', after.id)]),
        ]),
      );
  }
  return query.orderBy('display_name_key').orderBy('id').limit(listing.limit).execute();
}

/** Every row of the workspace, tombstones included, for changed-since paging (sync/rows.ts orders and pages it). */
export function changedPeople(db: Tx, workspaceId: string, onlyPersonId: string | null) {
  let query = db.selectFrom('people').selectAll().where('workspace_id', '=', workspaceId);
  if (onlyPersonId) query = query.where('id', '=', onlyPersonId);
  return query;
}
