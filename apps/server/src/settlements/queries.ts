import type { Insertable, Selectable } from 'kysely';
import type { Tx } from '../db/connect.ts';
import type {
  FacilitiesTable,
  FacilityObservationsTable,
  SectionsTable,
  SettlementsTable,
  StructuresTable,
} from '../db/settlement-schema.ts';

export type SettlementRow = Selectable<SettlementsTable>;
export type SectionRow = Selectable<SectionsTable>;
export type StructureRow = Selectable<StructuresTable>;
export type FacilityRow = Selectable<FacilitiesTable>;

export async function insertSettlement(db: Tx, row: Insertable<SettlementsTable>) {
  await db.insertInto('settlements').values(row).execute();
}

export function findSettlement(db: Tx, workspaceId: string, id: string) {
  return db
    .selectFrom('settlements')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Live settlements, for keyset paging by (name, id). */
export function settlementsQuery(db: Tx, workspaceId: string) {
  return db
    .selectFrom('settlements')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null);
}

export interface SettlementCounts {
  structures: Record<StructureRow['status'], number>;
  sections: number;
  facilities: number;
}

/** Structures by status, sections and facilities of some settlements, by index-only counts. */
export async function settlementCounts(db: Tx, workspaceId: string, ids: string[]) {
  const counts = new Map<string, SettlementCounts>();
  if (ids.length === 0) return counts;
  for (const id of ids)
    counts.set(id, {
      structures: { numbered: 0, enumerated: 0, verified: 0, disputed: 0 },
      sections: 0,
      facilities: 0,
    });
  const structures = await db
    .selectFrom('structures')
    .select(['settlement_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('settlement_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .groupBy(['settlement_id', 'status'])
    .execute();
  for (const row of structures) {
    const entry = counts.get(row.settlement_id);
    if (entry) entry.structures[row.status] = Number(row.n);
  }
  for (const table of ['sections', 'facilities'] as const) {
    const rows = await db
      .selectFrom(table)
      .select(['settlement_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .where('settlement_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .groupBy('settlement_id')
      .execute();
    for (const row of rows) {
      const entry = counts.get(row.settlement_id);
      if (entry) entry[table] = Number(row.n);
    }
  }
  return counts;
}

export async function insertSection(db: Tx, row: Insertable<SectionsTable>) {
  await db.insertInto('sections').values(row).execute();
}

export function sectionsOf(db: Tx, workspaceId: string, settlementId: string) {
  return db
    .selectFrom('sections')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('settlement_id', '=', settlementId)
    .where('deleted_at', 'is', null)
    .orderBy('code')
    .execute();
}

export function findSection(db: Tx, workspaceId: string, id: string) {
  return db
    .selectFrom('sections')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertStructure(db: Tx, row: Insertable<StructuresTable>) {
  await db.insertInto('structures').values(row).execute();
}

/** Any structure with this id, tombstones included (an offline retry must find its own). */
export function findStructure(db: Tx, workspaceId: string, id: string) {
  return db
    .selectFrom('structures')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Live structures of a settlement (or one section), for keyset paging by (number, id). */
export function structuresQuery(db: Tx, workspaceId: string, settlementId: string, sectionId: string | null) {
  let q = db
    .selectFrom('structures')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('settlement_id', '=', settlementId)
    .where('deleted_at', 'is', null);
  if (sectionId) q = q.where('section_id', '=', sectionId);
  return q;
}

/** Live structures of a settlement holding this painted number. */
export function structuresNumbered(db: Tx, workspaceId: string, settlementId: string, number: string) {
  return db
    .selectFrom('structures')
    .select(['id', 'duplicate_number'])
    .where('workspace_id', '=', workspaceId)
    .where('settlement_id', '=', settlementId)
    .where('number', '=', number)
    .where('deleted_at', 'is', null)
    .execute();
}

/** How many live structures of a settlement share a number, and how many lie outside its boundary. */
export async function structureFlags(db: Tx, workspaceId: string, settlementId: string) {
  const row = await db
    .selectFrom('structures')
    .select((eb) => [
      eb.fn.sum<number>('duplicate_number').as('duplicates'),
      eb.fn.sum<number>('outside_boundary').as('outside'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('settlement_id', '=', settlementId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return { duplicateNumbers: Number(row?.duplicates ?? 0), outsideBoundary: Number(row?.outside ?? 0) };
}

export async function setDuplicateFlag(
  db: Tx,
  workspaceId: string,
  ids: string[],
  flag: number,
  stamp: object,
) {
  if (ids.length === 0) return;
  await db
    .updateTable('structures')
    .set({ duplicate_number: flag, ...stamp })
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', ids)
    .execute();
}

/** A structure's photo: a file of the submission named, which holds its bytes (submission_files). */
export async function setStructurePhoto(
  db: Tx,
  workspaceId: string,
  id: string,
  photo: { submissionId: string; fileName: string },
  stamp: object,
) {
  await db
    .updateTable('structures')
    .set({ photo_name: photo.fileName, submission_id: photo.submissionId, ...stamp })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .execute();
}

export async function insertFacility(db: Tx, row: Insertable<FacilitiesTable>) {
  await db.insertInto('facilities').values(row).execute();
}

export function findFacility(db: Tx, workspaceId: string, id: string) {
  return db
    .selectFrom('facilities')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function facilitiesOf(db: Tx, workspaceId: string, settlementId: string) {
  return db
    .selectFrom('facilities')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('settlement_id', '=', settlementId)
    .where('deleted_at', 'is', null)
    .orderBy('type')
    .orderBy('id')
    .execute();
}

export async function insertObservation(db: Tx, row: Insertable<FacilityObservationsTable>) {
  await db.insertInto('facility_observations').values(row).execute();
}

export function findObservation(db: Tx, workspaceId: string, id: string) {
  return db
    .selectFrom('facility_observations')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Where each live structure of a settlement is filed: its section, and whether it has a point. */
export function structureSections(db: Tx, workspaceId: string, settlementId: string) {
  return db
    .selectFrom('structures')
    .select(['id', 'section_id', 'lon'])
    .where('workspace_id', '=', workspaceId)
    .where('settlement_id', '=', settlementId)
    .where('deleted_at', 'is', null)
    .execute();
}
