// The shapes of a generated city, one per table of db/settlement-schema.ts, in camelCase and
// without the columns the writer owns: workspace_id, created_at, updated_at, revision,
// deleted_at, current_version_id, version_count, has_conflict, the min/max lon/lat box (see
// geometry.ts boundsOf) and the links to accounts, people and submissions (created_by_…,
// numbered_by_…, recorded_by_…, withdrawn_by_…, submission_id), which a generated city has none of.
// Yes/no answers are booleans; the writer stores them as 0/1. Disability is already 0/1, the
// Washington Group short set's "a lot of difficulty or cannot do at all in any domain".

/** GeoJSON (RFC 7946) Polygon: [lon, lat] pairs, one closed counterclockwise ring. */
export interface Polygon {
  type: 'Polygon';
  coordinates: Array<Array<[number, number]>>;
}

export type LandOwner = 'municipal' | 'provincial' | 'national' | 'private' | 'mixed' | 'unknown';

export interface CitySettlement {
  id: string;
  name: string;
  aliases: string[];
  municipality: string;
  ward: string;
  boundary: Polygon;
  areaHa: number;
  landOwner: LandOwner;
  yearEstablished: number;
  /** What every painted number starts with ("A-" when there is one section), else "". */
  numberPrefix: string;
}

export interface CitySection {
  id: string;
  settlementId: string;
  /** A, B, C… */
  code: string;
  name: string;
  boundary: Polygon;
}

export type StructureUse = 'residential' | 'business' | 'mixed' | 'church' | 'creche' | 'spaza' | 'vacant';

export interface CityStructure {
  id: string;
  settlementId: string;
  sectionId: string;
  /** Painted number: section code, "-", four digits, e.g. "B-0142"; unique in its settlement. */
  number: string;
  lon: number;
  lat: number;
  use: StructureUse;
  wallMaterial: string;
  roofMaterial: string;
  rooms: number;
  floorAreaM2: number;
  /** What the door said when the structure was numbered; null where nobody answered. */
  statedOccupants: number | null;
  statedHouseholds: number | null;
  status: 'numbered' | 'enumerated' | 'verified' | 'disputed';
  duplicateNumber: boolean;
  outsideBoundary: boolean;
  numberedAt: string;
}

export type FacilityType = 'tap' | 'standpipe' | 'toilet' | 'toilet_block' | 'skip' | 'light';
export type ToiletType = 'flush' | 'chemical' | 'portable' | 'vip' | 'pit' | 'container';

export interface CityFacility {
  id: string;
  settlementId: string;
  sectionId: string;
  type: FacilityType;
  toiletType: ToiletType | null;
  lon: number;
  lat: number;
  /** Taps on a standpipe, pans in a toilet block, else 1. */
  units: number;
  accessible: boolean;
  sexDesignation: 'any' | 'female' | 'male';
  provider: string;
  /** The latest observation's answer. */
  functional: boolean;
  observedAt: string;
}

export interface CityObservation {
  id: string;
  facilityId: string;
  observedAt: string;
  observerRole: 'resident_monitor' | 'enumerator' | 'coordinator';
  functional: boolean;
  /** Toilets only; null for other facilities. */
  cleanedLast7d: boolean | null;
  issues: string[];
  photoName: string | null;
}

export interface CityRound {
  id: string;
  settlementId: string;
  name: string;
  status: 'enumerating' | 'verifying';
  /** The form whose submissions write this round's records (the demo's enumeration), if any. */
  formId?: string | null;
  startDate: string;
  endDate: string | null;
}

export interface CityHousehold {
  id: string;
  roundId: string;
  settlementId: string;
  sectionId: string;
  structureId: string;
  pseudoId: string;
  outcome: 'enumerated' | 'refused' | 'absent';
  /** Null unless enumerated, as are the other answers. */
  sizeStated: number | null;
  yearsInSettlement: number | null;
  tenure: 'owner_occupier' | 'tenant' | 'rent_free' | null;
  incomeBand: string | null;
  headSex: 'female' | 'male' | null;
  verificationStatus: 'unverified' | 'confirmed' | 'corrected' | 'disputed';
}

export interface CityMember {
  id: string;
  householdId: string;
  /** 1 is the head. */
  position: number;
  relationship: string;
  sex: 'female' | 'male';
  age: number;
  /** ISO date giving exactly `age` on the round's start date, or null when not known. */
  birthDate: string | null;
  disability: 0 | 1;
  /** Null under 3, not asked. */
  schoolEnrolled: boolean | null;
  /** Null under 15, not asked. */
  employment: string | null;
}

export interface CityConsent {
  id: string;
  householdId: string;
  noticeVersion: string;
  language: string;
  method: 'signed' | 'verbal_witnessed' | 'thumbprint';
  givenBy: 'self' | 'proxy';
  /** Who witnessed a verbal or thumbprint consent (an enumerator's code); else null. */
  witness: string | null;
  communityPlanning: boolean;
  municipalityAggregates: boolean;
  housingList: boolean;
  photos: boolean;
  recontact: boolean;
  givenAt: string;
  withdrawnAt: string | null;
}

/** Two answers for one field of one record, for the writer to store as conflicting versions. */
export interface CityConflict {
  recordKind: 'household';
  recordId: string;
  field: 'sizeStated' | 'tenure' | 'incomeBand' | 'yearsInSettlement';
  /** [the record's current value, the other writer's value]. */
  values: [string | number, string | number];
}

export interface CitySettlementBundle {
  /** Position of the settlement in the city, from 0. */
  index: number;
  settlement: CitySettlement;
  sections: CitySection[];
  structures: CityStructure[];
  facilities: CityFacility[];
  observations: CityObservation[];
  rounds: CityRound[];
  households: CityHousehold[];
  members: CityMember[];
  consents: CityConsent[];
  conflicts: CityConflict[];
}
