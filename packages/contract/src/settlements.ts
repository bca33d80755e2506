import { z } from 'zod';
import { roundStatuses } from './constants.ts';
import { IdSchema, RevisionSchema, TimestampSchema } from './ids.ts';

/**
 * Settlements on the map (issue #8): a settlement, its sections, its numbered structures and its
 * facilities. Geometry is GeoJSON (RFC 7946, lon/lat); the server checks polygons in depth
 * (@coproduce/geometry), so the contract only bounds their size here.
 */
const text = (max = 200) => z.string().trim().max(max);

export const landOwners = ['municipal', 'provincial', 'national', 'private', 'mixed', 'unknown'] as const;
export const structureUses = [
  'residential',
  'business',
  'mixed',
  'church',
  'creche',
  'spaza',
  'vacant',
] as const;
export const structureStatuses = ['numbered', 'enumerated', 'verified', 'disputed'] as const;
export const facilityTypes = ['tap', 'standpipe', 'toilet', 'toilet_block', 'skip', 'light'] as const;
export const toiletTypes = ['flush', 'chemical', 'portable', 'vip', 'pit', 'container'] as const;
export const sexDesignations = ['any', 'female', 'male'] as const;

export const PointSchema = z.strictObject({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type Point = z.infer<typeof PointSchema>;

/** A Polygon or MultiPolygon as GeoJSON; its rings are checked by the server, with located errors. */
export const BoundarySchema = z
  .object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()).max(1000) })
  .describe('GeoJSON Polygon or MultiPolygon in lon/lat (RFC 7946)');
export type Boundary = { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] };

const VersionedSchema = z.object({
  id: IdSchema,
  revision: RevisionSchema,
  versionId: IdSchema,
  versionCount: z.number().int(),
  hasConflict: z.boolean(),
  updatedAt: TimestampSchema,
});

const settlementFields = {
  name: text().min(1),
  aliases: z.array(text().min(1)).max(20).default([]),
  municipality: text().default(''),
  ward: text(50).default(''),
  landOwner: z.enum(landOwners).default('unknown'),
  yearEstablished: z.number().int().min(1800).max(2100).nullable().default(null),
  numberPrefix: text(10).default(''),
};

export const CreateSettlementInputSchema = z.strictObject({
  id: IdSchema.optional(),
  ...settlementFields,
  boundary: BoundarySchema.nullable().default(null),
});
export type CreateSettlementInput = z.infer<typeof CreateSettlementInputSchema>;

/** A change names the version it was made on; a stale one is kept as a conflict, never lost. */
export const UpdateSettlementInputSchema = z.strictObject({
  baseVersionId: IdSchema,
  name: settlementFields.name.optional(),
  aliases: settlementFields.aliases.unwrap().optional(),
  municipality: text().optional(),
  ward: text(50).optional(),
  landOwner: z.enum(landOwners).optional(),
  yearEstablished: z.number().int().min(1800).max(2100).nullable().optional(),
  numberPrefix: text(10).optional(),
  boundary: BoundarySchema.nullable().optional(),
});
export type UpdateSettlementInput = z.infer<typeof UpdateSettlementInputSchema>;

export const StatusCountsSchema = z.object({
  numbered: z.number().int(),
  enumerated: z.number().int(),
  verified: z.number().int(),
  disputed: z.number().int(),
});

export const SettlementSchema = VersionedSchema.extend({
  name: z.string(),
  aliases: z.array(z.string()),
  municipality: z.string(),
  ward: z.string(),
  landOwner: z.enum(landOwners),
  yearEstablished: z.number().int().nullable(),
  numberPrefix: z.string(),
  areaHa: z.number().nullable(),
  boundary: BoundarySchema.nullable(),
  structures: StatusCountsSchema,
  sections: z.number().int(),
  facilities: z.number().int(),
});
export type Settlement = z.infer<typeof SettlementSchema>;

export const SettlementParamsSchema = z.object({ workspaceId: IdSchema, settlementId: IdSchema });

export const CreateSectionInputSchema = z.strictObject({
  id: IdSchema.optional(),
  code: text(20).min(1),
  name: text().default(''),
  boundary: BoundarySchema.nullable().default(null),
});
export type CreateSectionInput = z.infer<typeof CreateSectionInputSchema>;
export const SectionSchema = VersionedSchema.extend({
  settlementId: IdSchema,
  code: z.string(),
  name: z.string(),
  boundary: BoundarySchema.nullable(),
});
export type Section = z.infer<typeof SectionSchema>;
export const SectionParamsSchema = z.object({ workspaceId: IdSchema, sectionId: IdSchema });
export const UpdateSectionInputSchema = z.strictObject({
  baseVersionId: IdSchema,
  code: text(20).min(1).optional(),
  name: text().optional(),
  boundary: BoundarySchema.nullable().optional(),
});
export type UpdateSectionInput = z.infer<typeof UpdateSectionInputSchema>;

const structureFields = {
  number: text(30).min(1),
  point: PointSchema.nullable().default(null),
  sectionId: IdSchema.nullable().default(null),
  use: z.enum(structureUses).default('residential'),
  wallMaterial: text(50).nullable().default(null),
  roofMaterial: text(50).nullable().default(null),
  rooms: z.number().int().min(0).max(100).nullable().default(null),
  floorAreaM2: z.number().min(0).max(10_000).nullable().default(null),
  statedOccupants: z.number().int().min(0).max(500).nullable().default(null),
  statedHouseholds: z.number().int().min(0).max(100).nullable().default(null),
};

/** Numbering a structure; `id` lets an offline phone retry without making two. */
export const CreateStructureInputSchema = z.strictObject({
  id: IdSchema.optional(),
  ...structureFields,
  numberedAt: TimestampSchema.optional(),
});
export type CreateStructureInput = z.infer<typeof CreateStructureInputSchema>;

export const UpdateStructureInputSchema = z.strictObject({
  baseVersionId: IdSchema,
  number: structureFields.number.optional(),
  point: PointSchema.nullable().optional(),
  sectionId: IdSchema.nullable().optional(),
  use: z.enum(structureUses).optional(),
  wallMaterial: text(50).nullable().optional(),
  roofMaterial: text(50).nullable().optional(),
  rooms: z.number().int().min(0).max(100).nullable().optional(),
  floorAreaM2: z.number().min(0).max(10_000).nullable().optional(),
  statedOccupants: z.number().int().min(0).max(500).nullable().optional(),
  statedHouseholds: z.number().int().min(0).max(100).nullable().optional(),
});
export type UpdateStructureInput = z.infer<typeof UpdateStructureInputSchema>;

export const StructureSchema = VersionedSchema.extend({
  settlementId: IdSchema,
  sectionId: IdSchema.nullable(),
  number: z.string(),
  point: PointSchema.nullable(),
  use: z.enum(structureUses),
  wallMaterial: z.string().nullable(),
  roofMaterial: z.string().nullable(),
  rooms: z.number().int().nullable(),
  floorAreaM2: z.number().nullable(),
  statedOccupants: z.number().int().nullable(),
  statedHouseholds: z.number().int().nullable(),
  status: z.enum(structureStatuses),
  duplicateNumber: z.boolean().describe('another structure of the settlement has this number'),
  outsideBoundary: z.boolean().describe('its point lies outside the settlement boundary'),
  numberedAt: TimestampSchema.nullable(),
  numberedByPersonId: IdSchema.nullable(),
  photo: z
    .object({ submissionId: IdSchema, fileName: z.string() })
    .nullable()
    .optional()
    .describe("the numbering form's photo: that submission's file (downloadSubmissionFile)"),
});
export type Structure = z.infer<typeof StructureSchema>;

export const StructureParamsSchema = z.object({ workspaceId: IdSchema, structureId: IdSchema });
export const StructuresQuerySchema = z.object({
  sectionId: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
  cursor: z.string().max(200).optional(),
});

export const CreateFacilityInputSchema = z.strictObject({
  id: IdSchema.optional(),
  type: z.enum(facilityTypes),
  toiletType: z.enum(toiletTypes).nullable().default(null),
  point: PointSchema,
  sectionId: IdSchema.nullable().default(null),
  units: z.number().int().min(1).max(500).default(1),
  accessible: z.boolean().default(false),
  sexDesignation: z.enum(sexDesignations).default('any'),
  provider: text().default(''),
});
export type CreateFacilityInput = z.infer<typeof CreateFacilityInputSchema>;

export const FacilitySchema = VersionedSchema.extend({
  settlementId: IdSchema,
  sectionId: IdSchema.nullable(),
  type: z.enum(facilityTypes),
  toiletType: z.enum(toiletTypes).nullable(),
  point: PointSchema,
  units: z.number().int(),
  accessible: z.boolean(),
  sexDesignation: z.enum(sexDesignations),
  provider: z.string(),
  functional: z.boolean(),
  observedAt: TimestampSchema.nullable(),
});
export type Facility = z.infer<typeof FacilitySchema>;

export const FacilityParamsSchema = z.object({ workspaceId: IdSchema, facilityId: IdSchema });
export const ObservationInputSchema = z.strictObject({
  id: IdSchema.optional(),
  observedAt: TimestampSchema,
  functional: z.boolean(),
  cleanedLast7d: z.boolean().nullable().default(null),
  issues: z.array(text(200).min(1)).max(20).default([]),
});

export type ObservationInput = z.infer<typeof ObservationInputSchema>;

export const NearestQuerySchema = z.object({
  type: z.enum(['tap', 'toilet']).describe('taps include standpipes; toilets include toilet blocks'),
});
export const NearestSchema = z.object({
  items: z.array(
    z.object({ structureId: IdSchema, facilityId: IdSchema.nullable(), metres: z.number().nullable() }),
  ),
});

export const RecordVersionSchema = z.object({
  id: IdSchema,
  number: z.number().int(),
  kind: z.enum(['original', 'change', 'conflict', 'resolution']),
  content: z.record(z.string(), z.unknown()),
  changed: z.array(z.string()),
  baseVersionId: IdSchema.nullable(),
  submissionId: IdSchema.nullable(),
  reason: z.string().nullable(),
  createdByPersonId: IdSchema.nullable(),
  createdAt: TimestampSchema,
});
export const RecordHistorySchema = z.object({ current: IdSchema, items: z.array(RecordVersionSchema) });

export const ResolveStructureInputSchema = UpdateStructureInputSchema.extend({
  reason: text(500).min(1),
});

export { roundStatuses };
export const RoundSchema = VersionedSchema.extend({
  settlementId: IdSchema,
  name: z.string(),
  status: z.enum(roundStatuses),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export type Round = z.infer<typeof RoundSchema>;

export const CoverageQuerySchema = z.object({
  roundId: IdSchema.optional().describe('the enumeration round; the latest one when left out'),
});
const CoverageCountsSchema = z.object({
  structures: z.number().int(),
  numbered: z.number().int().describe('numbered but not enumerated yet'),
  enumerated: z.number().int(),
  verified: z.number().int(),
  disputed: z.number().int(),
  households: z.number().int().describe('households enumerated in the round'),
  refused: z.number().int(),
  absent: z.number().int(),
  vacant: z.number().int().describe('households found vacant: nobody living there'),
  householdsVerified: z.number().int().describe('households confirmed or corrected at verification'),
});
export const CoverageSchema = z.object({
  round: RoundSchema.nullable(),
  total: CoverageCountsSchema,
  sections: z.array(
    CoverageCountsSchema.extend({ sectionId: IdSchema.nullable(), code: z.string().nullable() }),
  ),
});
export type Coverage = z.infer<typeof CoverageSchema>;

/** What a profile snapshot holds: the settlement as it was on a day. */
export const SettlementProfileContentSchema = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  municipality: z.string(),
  ward: z.string(),
  landOwner: z.enum(landOwners),
  yearEstablished: z.number().int().nullable(),
  areaHa: z.number().nullable(),
  sections: z.number().int(),
  structures: StatusCountsSchema,
  facilities: z.array(
    z.object({ type: z.enum(facilityTypes), count: z.number().int(), functional: z.number().int() }),
  ),
  round: z
    .object({
      id: IdSchema,
      name: z.string(),
      status: z.enum(roundStatuses),
      households: z
        .number()
        .int()
        .describe('enumerated households whose consent allows municipality aggregates'),
      persons: z.number().int().describe('their members'),
    })
    .nullable()
    .describe('the latest round, its counts as they may be shared with the municipality'),
});
export const SettlementProfileSchema = z.object({
  id: IdSchema,
  settlementId: IdSchema,
  takenOn: z.string().describe('the day the profile describes (YYYY-MM-DD)'),
  note: z.string(),
  profile: SettlementProfileContentSchema,
  takenByPersonId: IdSchema.nullable(),
  createdAt: TimestampSchema,
});
export type SettlementProfile = z.infer<typeof SettlementProfileSchema>;
export const CreateSettlementProfileInputSchema = z.strictObject({
  takenOn: z.iso.date().optional().describe('today when left out'),
  note: text(1000).default(''),
});
