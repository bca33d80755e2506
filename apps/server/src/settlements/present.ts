import type { Facility, Round, Section, Settlement, Structure } from '@coproduce/contract';
import { revisionText } from '../db/revision.ts';
import { facilityContent, settlementContent, structureContent } from './content.ts';
import type { RoundRow } from './coverage.ts';
import type { FacilityRow, SectionRow, SettlementCounts, SettlementRow, StructureRow } from './queries.ts';

type VersionedRow = Pick<
  SettlementRow,
  'id' | 'revision' | 'current_version_id' | 'version_count' | 'has_conflict' | 'updated_at'
>;

const versioned = (row: VersionedRow) => ({
  id: row.id,
  revision: revisionText(row.revision),
  versionId: row.current_version_id,
  versionCount: row.version_count,
  hasConflict: row.has_conflict === 1,
  updatedAt: row.updated_at,
});

const noCounts: SettlementCounts = {
  structures: { numbered: 0, enumerated: 0, verified: 0, disputed: 0 },
  sections: 0,
  facilities: 0,
};

/** The record alone, as the change feed carries it (no counts). */
export const presentSettlementRecord = (row: SettlementRow) => ({
  ...versioned(row),
  ...settlementContent(row),
  areaHa: row.area_ha,
});

export function presentSettlement(row: SettlementRow, counts: SettlementCounts | undefined): Settlement {
  const c = counts ?? noCounts;
  return {
    ...presentSettlementRecord(row),
    structures: c.structures,
    sections: c.sections,
    facilities: c.facilities,
  };
}

export const presentSection = (row: SectionRow): Section => ({
  ...versioned(row),
  settlementId: row.settlement_id,
  code: row.code,
  name: row.name,
  boundary: row.boundary ? JSON.parse(row.boundary) : null,
});

export const presentStructure = (row: StructureRow): Structure => ({
  ...versioned(row),
  ...structureContent(row),
  settlementId: row.settlement_id,
  status: row.status,
  duplicateNumber: row.duplicate_number === 1,
  outsideBoundary: row.outside_boundary === 1,
  numberedAt: row.numbered_at,
  numberedByPersonId: row.numbered_by_person_id,
  photo:
    row.photo_name && row.submission_id
      ? { submissionId: row.submission_id, fileName: row.photo_name }
      : null,
});

export const presentFacility = (row: FacilityRow): Facility => ({
  ...versioned(row),
  ...facilityContent(row),
  settlementId: row.settlement_id,
  functional: row.functional === 1,
  observedAt: row.observed_at,
});

export const presentRound = (row: RoundRow): Round => ({
  ...versioned(row),
  settlementId: row.settlement_id,
  name: row.name,
  status: row.status,
  startDate: row.start_date,
  endDate: row.end_date,
});
