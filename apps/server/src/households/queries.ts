import type { ConsentPurpose } from '@coproduce/contract';
import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../db/connect.ts';
import type {
  ConsentsTable,
  HouseholdMembersTable,
  HouseholdsTable,
  RoundsTable,
} from '../db/settlement-schema.ts';
import { consentedFor } from '../records/consent.ts';

export type RoundRow = Selectable<RoundsTable>;
export type HouseholdRow = Selectable<HouseholdsTable>;
export type MemberRow = Selectable<HouseholdMembersTable>;
export type ConsentRow = Selectable<ConsentsTable>;

export async function insertRound(db: Tx, row: Insertable<RoundsTable>) {
  await db.insertInto('rounds').values(row).execute();
}

/** Any round with this id, tombstones included (an offline retry must find its own). */
export function findRound(db: Tx, workspaceId: string, id: string) {
  return db
    .selectFrom('rounds')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertHousehold(db: Tx, row: Insertable<HouseholdsTable>) {
  await db.insertInto('households').values(row).execute();
}

export function findHousehold(db: Tx, workspaceId: string, id: string) {
  return db
    .selectFrom('households')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Live households of a round (or one section), for keyset paging by (pseudo_id, id). */
/** Every live household found in a structure, newest round first (a structure holds a few). */
export function householdsOfStructure(db: Tx, workspaceId: string, structureId: string) {
  return db
    .selectFrom('households')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('structure_id', '=', structureId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

export function householdsQuery(
  db: Tx,
  workspaceId: string,
  roundId: string,
  filter: { sectionId: string | null; purpose: ConsentPurpose | null },
) {
  let q = db
    .selectFrom('households')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('round_id', '=', roundId)
    .where('deleted_at', 'is', null);
  if (filter.sectionId) q = q.where('section_id', '=', filter.sectionId);
  if (filter.purpose) q = consentedFor(q, filter.purpose);
  return q;
}

/** Households of a round by section and outcome, with their live members, for one purpose or all. */
export async function householdCountsOf(
  db: Tx,
  workspaceId: string,
  roundId: string,
  purpose: ConsentPurpose | null,
) {
  let households = db
    .selectFrom('households')
    .select(['section_id', 'outcome', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('round_id', '=', roundId)
    .where('deleted_at', 'is', null)
    .groupBy(['section_id', 'outcome']);
  if (purpose) households = consentedFor(households, purpose);
  let persons = db
    .selectFrom('households')
    .innerJoin('household_members', (join) =>
      join
        .onRef('household_members.workspace_id', '=', 'households.workspace_id')
        .onRef('household_members.household_id', '=', 'households.id'),
    )
    .select(['households.section_id as section_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('households.workspace_id', '=', workspaceId)
    .where('households.round_id', '=', roundId)
    .where('households.deleted_at', 'is', null)
    .where('households.outcome', '=', 'enumerated')
    .where('household_members.deleted_at', 'is', null)
    .groupBy('households.section_id');
  if (purpose) persons = consentedFor(persons, purpose);
  return { households: await households.execute(), persons: await persons.execute() };
}

export async function insertMember(db: Tx, row: Insertable<HouseholdMembersTable>) {
  await db.insertInto('household_members').values(row).execute();
}

export function findMember(db: Tx, workspaceId: string, id: string) {
  return db
    .selectFrom('household_members')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A household's live members in their order (1 is the head). */
export function membersOf(db: Tx, workspaceId: string, householdId: string) {
  return db
    .selectFrom('household_members')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('household_id', '=', householdId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The next position in a household, counting removed members too (positions are never reused). */
export async function nextPosition(db: Tx, workspaceId: string, householdId: string) {
  const row = await db
    .selectFrom('household_members')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('workspace_id', '=', workspaceId)
    .where('household_id', '=', householdId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertConsent(db: Tx, row: Insertable<ConsentsTable>) {
  await db.insertInto('consents').values(row).execute();
}

/** A household's consent: the latest given. */
export function consentOf(db: Tx, workspaceId: string, householdId: string) {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('household_id', '=', householdId)
    .orderBy('given_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function markWithdrawn(
  db: Tx,
  row: ConsentRow,
  by: { at: string; personId: string | null; stamp: { updated_at: string; revision: string } },
) {
  await db
    .updateTable('consents')
    .set({ withdrawn_at: by.at, withdrawn_by_person_id: by.personId, ...by.stamp })
    .where('workspace_id', '=', row.workspace_id)
    .where('id', '=', row.id)
    .execute();
}
