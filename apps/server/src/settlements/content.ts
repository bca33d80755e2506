import type { Boundary, Facility, Point, Settlement, Structure } from '@coproduce/contract';
import type { FacilityRow, SettlementRow, StructureRow } from './queries.ts';

/**
 * The content of each versioned record as its versions keep it (the contract's field names), and
 * the typed columns it is stored in. A version's content is whole, so any version can be shown
 * or restored alone.
 */
export interface SettlementContent {
  name: string;
  aliases: string[];
  municipality: string;
  ward: string;
  landOwner: Settlement['landOwner'];
  yearEstablished: number | null;
  numberPrefix: string;
  boundary: Boundary | null;
}

export const settlementContent = (row: SettlementRow): SettlementContent => ({
  name: row.name,
  aliases: JSON.parse(row.aliases) as string[],
  municipality: row.municipality,
  ward: row.ward,
  landOwner: row.land_owner as Settlement['landOwner'],
  yearEstablished: row.year_established,
  numberPrefix: row.number_prefix,
  boundary: row.boundary ? (JSON.parse(row.boundary) as Boundary) : null,
});

export interface BoundaryColumns {
  boundary: string | null;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
}

export const settlementColumns = (
  content: SettlementContent,
  shape: BoundaryColumns & { area_ha: number | null },
) => ({
  name: content.name,
  aliases: JSON.stringify(content.aliases),
  municipality: content.municipality,
  ward: content.ward,
  land_owner: content.landOwner,
  year_established: content.yearEstablished,
  number_prefix: content.numberPrefix,
  ...shape,
});

export interface StructureContent {
  number: string;
  point: Point | null;
  sectionId: string | null;
  use: Structure['use'];
  wallMaterial: string | null;
  roofMaterial: string | null;
  rooms: number | null;
  floorAreaM2: number | null;
  statedOccupants: number | null;
  statedHouseholds: number | null;
}

export const structureContent = (row: StructureRow): StructureContent => ({
  number: row.number,
  point: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
  sectionId: row.section_id,
  use: row.use as Structure['use'],
  wallMaterial: row.wall_material,
  roofMaterial: row.roof_material,
  rooms: row.rooms,
  floorAreaM2: row.floor_area_m2,
  statedOccupants: row.stated_occupants,
  statedHouseholds: row.stated_households,
});

export const structureColumns = (content: StructureContent) => ({
  number: content.number,
  lon: content.point?.lon ?? null,
  lat: content.point?.lat ?? null,
  section_id: content.sectionId,
  use: content.use,
  wall_material: content.wallMaterial,
  roof_material: content.roofMaterial,
  rooms: content.rooms,
  floor_area_m2: content.floorAreaM2,
  stated_occupants: content.statedOccupants,
  stated_households: content.statedHouseholds,
});

export interface FacilityContent {
  type: Facility['type'];
  toiletType: Facility['toiletType'];
  point: Point;
  sectionId: string | null;
  units: number;
  accessible: boolean;
  sexDesignation: Facility['sexDesignation'];
  provider: string;
}

export const facilityContent = (row: FacilityRow): FacilityContent => ({
  type: row.type as Facility['type'],
  toiletType: row.toilet_type as Facility['toiletType'],
  point: { lon: row.lon, lat: row.lat },
  sectionId: row.section_id,
  units: row.units,
  accessible: row.accessible === 1,
  sexDesignation: row.sex_designation as Facility['sexDesignation'],
  provider: row.provider,
});

export const facilityColumns = (content: FacilityContent) => ({
  type: content.type,
  toilet_type: content.toiletType,
  lon: content.point.lon,
  lat: content.point.lat,
  section_id: content.sectionId,
  units: content.units,
  accessible: content.accessible ? 1 : 0,
  sex_designation: content.sexDesignation,
  provider: content.provider,
});
