import {
  type Consent,
  consentPurposes,
  type Household,
  type HouseholdMember,
  type RoundDetailSchema,
} from '@coproduce/contract';
import type { z } from 'zod';
import { revisionText } from '../db/revision.ts';
import { householdContent, memberContent } from './content.ts';
import type { ConsentRow, HouseholdRow, MemberRow, RoundRow } from './queries.ts';

type VersionedRow = Pick<
  RoundRow,
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

export const presentRoundDetail = (row: RoundRow): z.infer<typeof RoundDetailSchema> => ({
  ...versioned(row),
  settlementId: row.settlement_id,
  name: row.name,
  formId: row.form_id,
  status: row.status,
  startDate: row.start_date,
  endDate: row.end_date,
});

export const presentHousehold = (row: HouseholdRow): Household => {
  const { structureId, sectionId, ...content } = householdContent(row);
  return {
    ...versioned(row),
    roundId: row.round_id,
    settlementId: row.settlement_id,
    sectionId,
    structureId,
    pseudoId: row.pseudo_id,
    ...content,
  };
};

export const presentMember = (row: MemberRow): HouseholdMember => ({
  ...versioned(row),
  householdId: row.household_id,
  ...memberContent(row),
});

export const consentPurposesOf = (row: ConsentRow) =>
  Object.fromEntries(consentPurposes.map((p) => [p, row[p] === 1])) as Consent['purposes'];

export const presentConsent = (row: ConsentRow): Consent => ({
  id: row.id,
  noticeVersion: row.notice_version,
  language: row.language,
  method: row.method as Consent['method'],
  givenBy: row.given_by as Consent['givenBy'],
  witness: row.witness,
  purposes: consentPurposesOf(row),
  givenAt: row.given_at,
  withdrawnAt: row.withdrawn_at,
  withdrawnByPersonId: row.withdrawn_by_person_id,
});

export const presentHouseholdDetail = (
  row: HouseholdRow,
  members: MemberRow[],
  consent: ConsentRow | undefined,
) => ({
  ...presentHousehold(row),
  members: members.map(presentMember),
  consent: consent ? presentConsent(consent) : null,
});
