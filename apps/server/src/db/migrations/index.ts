import type { Migration } from 'kysely';
import * as foundation from './0001_foundation.ts';
import * as forms from './0002_forms.ts';
import * as hardening from './0003_hardening.ts';
import * as collection from './0004_collection.ts';
import * as deviceAccess from './0005_device_access.ts';
import * as settlements from './0006_settlements.ts';
import * as coverageIndexes from './0007_coverage_indexes.ts';
import * as assignmentAreas from './0008_assignment_areas.ts';
import * as settlementProfiles from './0009_settlement_profiles.ts';
import * as submissionRecords from './0010_submission_records.ts';
import * as roundCoverageIndexes from './0011_round_coverage_indexes.ts';

/** Every migration in order. Names sort; never edit or remove one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_forms': forms,
  '0003_hardening': hardening,
  '0004_collection': collection,
  '0005_device_access': deviceAccess,
  '0006_settlements': settlements,
  '0007_coverage_indexes': coverageIndexes,
  '0008_assignment_areas': assignmentAreas,
  '0009_settlement_profiles': settlementProfiles,
  '0010_submission_records': submissionRecords,
  '0011_round_coverage_indexes': roundCoverageIndexes,
};
