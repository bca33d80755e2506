import { bbox } from '@coproduce/geometry';
import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { newId } from '../../ids.ts';
import type { CitySettlementBundle } from './types.ts';

/**
 * A generated settlement as the rows of its tables, each record with its first version (and the
 * bundle's conflicts as second versions), the way the API would have left them.
 */
type Rows = { [T in keyof Database]?: Insertable<Database[T]>[] };

export interface Stamp {
  workspaceId: string;
  revision: string;
  now: string;
  accountId: string | null;
  personId: string | null;
}

const bit = (value: boolean | null) => (value === null ? null : value ? 1 : 0);

export function bundleRows(bundle: CitySettlementBundle, stamp: Stamp): Rows {
  const versions: Insertable<Database['record_versions']>[] = [];
  const conflictsFor = new Map(bundle.conflicts.map((c) => [c.recordId, c]));
  const record = (kind: string, id: string, content: Record<string, unknown>) => {
    const versionId = newId();
    versions.push({
      workspace_id: stamp.workspaceId,
      id: versionId,
      record_kind: kind,
      record_id: id,
      number: 1,
      kind: 'original',
      content: JSON.stringify(content),
      changed: JSON.stringify(Object.keys(content).sort()),
      base_version_id: null,
      submission_id: null,
      reason: 'demo data',
      created_by_account_id: stamp.accountId,
      created_by_person_id: stamp.personId,
      created_at: stamp.now,
    });
    let count = 1;
    let conflict = 0;
    const other = conflictsFor.get(id);
    if (other) {
      // A second writer's answer on the same first version: kept beside it, flagged.
      versions.push({
        ...versions.at(-1)!,
        id: newId(),
        number: 2,
        kind: 'conflict',
        content: JSON.stringify({ ...content, [other.field]: other.values[1] }),
        changed: JSON.stringify([other.field]),
        base_version_id: versionId,
      });
      count = 2;
      conflict = 1;
    }
    return {
      workspace_id: stamp.workspaceId,
      id,
      created_at: stamp.now,
      updated_at: stamp.now,
      revision: stamp.revision,
      deleted_at: null,
      current_version_id: versionId,
      version_count: count,
      has_conflict: conflict,
    };
  };
  const box = (polygon: CitySettlementBundle['settlement']['boundary']) => {
    const [minLon, minLat, maxLon, maxLat] = bbox(polygon);
    return {
      boundary: JSON.stringify(polygon),
      min_lon: minLon,
      min_lat: minLat,
      max_lon: maxLon,
      max_lat: maxLat,
    };
  };
  const s = bundle.settlement;
  const settlementContent = {
    name: s.name,
    aliases: s.aliases,
    municipality: s.municipality,
    ward: s.ward,
    landOwner: s.landOwner,
    yearEstablished: s.yearEstablished,
    numberPrefix: s.numberPrefix,
    boundary: s.boundary,
  };
  const rows: Rows = {
    settlements: [
      {
        ...record('settlement', s.id, settlementContent),
        name: s.name,
        aliases: JSON.stringify(s.aliases),
        municipality: s.municipality,
        ward: s.ward,
        area_ha: s.areaHa,
        land_owner: s.landOwner,
        year_established: s.yearEstablished,
        number_prefix: s.numberPrefix,
        created_by_account_id: stamp.accountId,
        ...box(s.boundary),
      },
    ],
    sections: bundle.sections.map((section) => ({
      ...record('section', section.id, {
        code: section.code,
        name: section.name,
        boundary: section.boundary,
      }),
      settlement_id: section.settlementId,
      code: section.code,
      name: section.name,
      ...box(section.boundary),
    })),
    structures: bundle.structures.map((t) => ({
      ...record('structure', t.id, {
        number: t.number,
        point: { lon: t.lon, lat: t.lat },
        sectionId: t.sectionId,
        use: t.use,
        wallMaterial: t.wallMaterial,
        roofMaterial: t.roofMaterial,
        rooms: t.rooms,
        floorAreaM2: t.floorAreaM2,
        statedOccupants: t.statedOccupants,
        statedHouseholds: t.statedHouseholds,
      }),
      settlement_id: t.settlementId,
      section_id: t.sectionId,
      number: t.number,
      lon: t.lon,
      lat: t.lat,
      use: t.use,
      wall_material: t.wallMaterial,
      roof_material: t.roofMaterial,
      rooms: t.rooms,
      floor_area_m2: t.floorAreaM2,
      stated_occupants: t.statedOccupants,
      stated_households: t.statedHouseholds,
      status: t.status,
      duplicate_number: bit(t.duplicateNumber) ?? 0,
      outside_boundary: bit(t.outsideBoundary) ?? 0,
      photo_name: null,
      numbered_by_person_id: stamp.personId,
      numbered_at: t.numberedAt,
      submission_id: null,
    })),
    facilities: bundle.facilities.map((f) => ({
      ...record('facility', f.id, {
        type: f.type,
        toiletType: f.toiletType,
        point: { lon: f.lon, lat: f.lat },
        sectionId: f.sectionId,
        units: f.units,
        accessible: f.accessible,
        sexDesignation: f.sexDesignation,
        provider: f.provider,
      }),
      settlement_id: f.settlementId,
      section_id: f.sectionId,
      type: f.type,
      toilet_type: f.toiletType,
      lon: f.lon,
      lat: f.lat,
      units: f.units,
      accessible: bit(f.accessible) ?? 0,
      sex_designation: f.sexDesignation,
      provider: f.provider,
      functional: bit(f.functional) ?? 1,
      observed_at: f.observedAt,
    })),
    facility_observations: bundle.observations.map((o) => ({
      workspace_id: stamp.workspaceId,
      id: o.id,
      facility_id: o.facilityId,
      observed_at: o.observedAt,
      observer_role: o.observerRole,
      functional: bit(o.functional) ?? 1,
      cleaned_last_7d: bit(o.cleanedLast7d),
      issues: JSON.stringify(o.issues),
      photo_name: o.photoName,
      submission_id: null,
      created_by_person_id: stamp.personId,
      created_at: stamp.now,
      revision: stamp.revision,
    })),
    rounds: bundle.rounds.map((r) => ({
      ...record('round', r.id, {
        name: r.name,
        formId: r.formId ?? null,
        status: r.status,
        startDate: r.startDate,
        endDate: r.endDate,
      }),
      settlement_id: r.settlementId,
      name: r.name,
      form_id: r.formId ?? null,
      status: r.status,
      start_date: r.startDate,
      end_date: r.endDate,
    })),
  };
  rows.households = bundle.households.map((h) => {
    const { id: _id, ...content } = h;
    return {
      ...record('household', h.id, content),
      round_id: h.roundId,
      settlement_id: h.settlementId,
      section_id: h.sectionId,
      structure_id: h.structureId,
      pseudo_id: h.pseudoId,
      outcome: h.outcome,
      size_stated: h.sizeStated,
      years_in_settlement: h.yearsInSettlement,
      tenure: h.tenure,
      income_band: h.incomeBand,
      head_sex: h.headSex,
      verification_status: h.verificationStatus,
      submission_id: null,
    };
  });
  rows.household_members = bundle.members.map((m) => {
    const { id: _id, ...content } = m;
    return {
      ...record('household_member', m.id, content),
      household_id: m.householdId,
      position: m.position,
      relationship: m.relationship,
      sex: m.sex,
      age: m.age,
      birth_date: m.birthDate,
      disability: m.disability,
      school_enrolled: bit(m.schoolEnrolled),
      employment: m.employment,
    };
  });
  rows.consents = bundle.consents.map((c) => ({
    workspace_id: stamp.workspaceId,
    id: c.id,
    household_id: c.householdId,
    notice_version: c.noticeVersion,
    language: c.language,
    method: c.method,
    given_by: c.givenBy,
    witness: c.witness,
    community_planning: bit(c.communityPlanning) ?? 0,
    municipality_aggregates: bit(c.municipalityAggregates) ?? 0,
    housing_list: bit(c.housingList) ?? 0,
    photos: bit(c.photos) ?? 0,
    recontact: bit(c.recontact) ?? 0,
    given_at: c.givenAt,
    withdrawn_at: c.withdrawnAt,
    withdrawn_by_person_id: null,
    recorded_by_person_id: stamp.personId,
    submission_id: null,
    created_at: stamp.now,
    updated_at: stamp.now,
    revision: stamp.revision,
  }));
  rows.record_versions = versions;
  return rows;
}
