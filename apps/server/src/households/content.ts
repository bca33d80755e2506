import type { Household, HouseholdMember, Round } from '@coproduce/contract';
import type { HouseholdRow, MemberRow, RoundRow } from './queries.ts';

/**
 * The content of rounds, households and members as their versions keep it (the contract's field
 * names), and the typed columns it is stored in. No names: a household is its code and answers.
 */
export interface RoundContent {
  name: string;
  formId: string | null;
  status: Round['status'];
  startDate: string | null;
  endDate: string | null;
}

export const roundContent = (row: RoundRow): RoundContent => ({
  name: row.name,
  formId: row.form_id,
  status: row.status,
  startDate: row.start_date,
  endDate: row.end_date,
});

export const roundColumns = (c: RoundContent) => ({
  name: c.name,
  form_id: c.formId,
  status: c.status,
  start_date: c.startDate,
  end_date: c.endDate,
});

export interface HouseholdContent {
  structureId: string;
  sectionId: string | null;
  outcome: Household['outcome'];
  sizeStated: number | null;
  yearsInSettlement: number | null;
  tenure: Household['tenure'];
  headSex: Household['headSex'];
  verificationStatus: Household['verificationStatus'];
}

export const householdContent = (row: HouseholdRow): HouseholdContent => ({
  structureId: row.structure_id,
  sectionId: row.section_id,
  outcome: row.outcome,
  sizeStated: row.size_stated,
  yearsInSettlement: row.years_in_settlement,
  tenure: row.tenure as Household['tenure'],
  headSex: row.head_sex as Household['headSex'],
  verificationStatus: row.verification_status,
});

export const householdColumns = (c: HouseholdContent) => ({
  structure_id: c.structureId,
  section_id: c.sectionId,
  outcome: c.outcome,
  size_stated: c.sizeStated,
  years_in_settlement: c.yearsInSettlement,
  tenure: c.tenure,
  head_sex: c.headSex,
  verification_status: c.verificationStatus,
});

export interface MemberContent {
  position: number;
  relationship: string | null;
  sex: HouseholdMember['sex'];
  age: number | null;
  birthDate: string | null;
  disability: boolean | null;
  schoolEnrolled: boolean | null;
  employment: string | null;
  removed?: true;
}

const bool = (value: number | null) => (value === null ? null : value === 1);
const bit = (value: boolean | null) => (value === null ? null : value ? 1 : 0);

export const memberContent = (row: MemberRow): MemberContent => ({
  position: row.position,
  relationship: row.relationship,
  sex: row.sex as HouseholdMember['sex'],
  age: row.age,
  birthDate: row.birth_date,
  disability: bool(row.disability),
  schoolEnrolled: bool(row.school_enrolled),
  employment: row.employment,
});

export const memberColumns = (c: MemberContent) => ({
  position: c.position,
  relationship: c.relationship,
  sex: c.sex,
  age: c.age,
  birth_date: c.birthDate,
  disability: bit(c.disability),
  school_enrolled: bit(c.schoolEnrolled),
  employment: c.employment,
});

/** The fields of an update that were sent (undefined means "leave as it is"). */
export function applyChanges<T extends object>(before: T, changes: object, skip: string[] = []): T {
  const after = { ...before } as Record<string, unknown>;
  for (const [key, value] of Object.entries(changes))
    if (value !== undefined && !skip.includes(key)) after[key] = value;
  return after as T;
}
