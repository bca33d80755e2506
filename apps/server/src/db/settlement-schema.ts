import type { Revision, Syncable } from './schema.ts';

type Timestamp = string;

/** The tables of settlements on the map (migration 0006). */

/** A record kept through record_versions: its current version, how many, and an open conflict. */
export interface Versioned extends Syncable {
  current_version_id: string;
  version_count: number;
  has_conflict: number;
}

interface Bounded {
  /** GeoJSON text of a Polygon or MultiPolygon (RFC 7946), or null when not drawn yet. */
  boundary: string | null;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
}

export interface SettlementsTable extends Versioned, Bounded {
  name: string;
  /** JSON list of other names. */
  aliases: string;
  municipality: string;
  ward: string;
  area_ha: number | null;
  land_owner: string;
  year_established: number | null;
  /** Painted numbers start with it, e.g. "B-" for B-0142 (empty: any number). */
  number_prefix: string;
  created_by_account_id: string | null;
}

export interface SectionsTable extends Versioned, Bounded {
  settlement_id: string;
  code: string;
  name: string;
}

export interface StructuresTable extends Versioned {
  settlement_id: string;
  section_id: string | null;
  number: string;
  lon: number | null;
  lat: number | null;
  use: string;
  wall_material: string | null;
  roof_material: string | null;
  rooms: number | null;
  floor_area_m2: number | null;
  stated_occupants: number | null;
  stated_households: number | null;
  status: 'numbered' | 'enumerated' | 'verified' | 'disputed';
  /** 1 when another live structure of the settlement has the same number (flagged, both kept). */
  duplicate_number: number;
  /** 1 when its point lies outside the settlement's boundary (warned, kept). */
  outside_boundary: number;
  photo_name: string | null;
  numbered_by_person_id: string | null;
  numbered_at: Timestamp | null;
  submission_id: string | null;
}

export interface FacilitiesTable extends Versioned {
  settlement_id: string;
  section_id: string | null;
  type: string;
  toilet_type: string | null;
  lon: number;
  lat: number;
  units: number;
  accessible: number;
  sex_designation: string;
  provider: string;
  /** The latest observation's answer (1 until one says otherwise). */
  functional: number;
  observed_at: Timestamp | null;
}

export interface FacilityObservationsTable {
  workspace_id: string;
  id: string;
  facility_id: string;
  observed_at: Timestamp;
  observer_role: string;
  functional: number;
  cleaned_last_7d: number | null;
  issues: string;
  photo_name: string | null;
  submission_id: string | null;
  created_by_person_id: string | null;
  created_at: Timestamp;
  revision: Revision;
}

export interface RoundsTable extends Versioned {
  settlement_id: string;
  name: string;
  form_id: string | null;
  status: 'planning' | 'numbering' | 'enumerating' | 'verifying' | 'published' | 'closed';
  start_date: string | null;
  end_date: string | null;
}

export interface HouseholdsTable extends Versioned {
  round_id: string;
  settlement_id: string;
  section_id: string | null;
  structure_id: string;
  pseudo_id: string;
  outcome: 'enumerated' | 'refused' | 'absent' | 'vacant';
  size_stated: number | null;
  years_in_settlement: number | null;
  tenure: string | null;
  income_band: string | null;
  head_sex: string | null;
  verification_status: 'unverified' | 'confirmed' | 'corrected' | 'disputed';
  submission_id: string | null;
}

export interface HouseholdMembersTable extends Versioned {
  household_id: string;
  position: number;
  relationship: string | null;
  sex: string | null;
  age: number | null;
  birth_date: string | null;
  disability: number | null;
  school_enrolled: number | null;
  employment: string | null;
}

export interface ConsentsTable {
  workspace_id: string;
  id: string;
  household_id: string;
  notice_version: string;
  language: string;
  method: string;
  given_by: string;
  witness: string | null;
  community_planning: number;
  municipality_aggregates: number;
  housing_list: number;
  photos: number;
  recontact: number;
  given_at: Timestamp;
  withdrawn_at: Timestamp | null;
  withdrawn_by_person_id: string | null;
  recorded_by_person_id: string | null;
  submission_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  revision: Revision;
}

export interface RecordVersionsTable {
  workspace_id: string;
  id: string;
  record_kind: string;
  record_id: string;
  number: number;
  kind: 'original' | 'change' | 'conflict' | 'resolution';
  /** JSON: the record's whole content after this version (for a conflict: as its writer wanted it). */
  content: string;
  /** JSON list of the fields this version changed against its base. */
  changed: string;
  base_version_id: string | null;
  submission_id: string | null;
  reason: string | null;
  created_by_account_id: string | null;
  created_by_person_id: string | null;
  created_at: Timestamp;
}

/** SQLite only: the integer keys its R*Tree indexes need. */
export interface SpatialKeysTable {
  key: number;
  workspace_id: string;
  kind: string;
  record_id: string;
}

/** A dated snapshot of a settlement's profile (migration 0009); never updated. */
export interface SettlementProfilesTable {
  workspace_id: string;
  id: string;
  settlement_id: string;
  taken_on: string;
  note: string;
  /** JSON: the contract's SettlementProfile['profile']. */
  content: string;
  taken_by_person_id: string | null;
  created_at: string;
}

export type SettlementTables = {
  settlements: SettlementsTable;
  sections: SectionsTable;
  structures: StructuresTable;
  facilities: FacilitiesTable;
  facility_observations: FacilityObservationsTable;
  rounds: RoundsTable;
  households: HouseholdsTable;
  household_members: HouseholdMembersTable;
  consents: ConsentsTable;
  record_versions: RecordVersionsTable;
  spatial_keys: SpatialKeysTable;
  settlement_profiles: SettlementProfilesTable;
};
