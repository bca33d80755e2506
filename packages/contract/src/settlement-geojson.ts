import { z } from 'zod';
import { facilityTypes, landOwners, sexDesignations, structureUses, toiletTypes } from './settlements.ts';

/**
 * A settlement as GeoJSON (RFC 7946) and back: one FeatureCollection whose features say what they
 * are in `properties.kind`. Exported files carry read-only facts too (status, flags, state); an
 * import ignores them, and ignores properties it does not know (QGIS and others add their own).
 */
export const geojsonContentType = 'application/geo+json';
export const geojsonKinds = ['settlement', 'section', 'structure', 'facility'] as const;
export type GeojsonKind = (typeof geojsonKinds)[number];

export const geojsonLimits = {
  /** Features in one import: a large settlement's structures with room to spare. */
  features: 25_000,
  bodyBytes: 16 * 1024 * 1024,
} as const;

const text = (max = 200) => z.string().trim().max(max);
const optionalText = (max = 200) => text(max).nullish();

/** What an import reads from each kind of feature; every field may be left out. */
export const geojsonProperties = {
  settlement: z.object({
    name: text().min(1).optional(),
    aliases: z.array(text().min(1)).max(20).optional(),
    municipality: text().optional(),
    ward: text(50).optional(),
    landOwner: z.enum(landOwners).optional(),
    yearEstablished: z.number().int().min(1800).max(2100).nullable().optional(),
    numberPrefix: text(10).optional(),
  }),
  section: z.object({ code: text(20).min(1), name: text().optional() }),
  structure: z.object({
    number: text(30).min(1),
    sectionCode: optionalText(20),
    use: z.enum(structureUses).optional(),
    wallMaterial: optionalText(50),
    roofMaterial: optionalText(50),
    rooms: z.number().int().min(0).max(100).nullish(),
    floorAreaM2: z.number().min(0).max(10_000).nullish(),
    statedOccupants: z.number().int().min(0).max(500).nullish(),
    statedHouseholds: z.number().int().min(0).max(100).nullish(),
  }),
  facility: z.object({
    type: z.enum(facilityTypes),
    toiletType: z.enum(toiletTypes).nullish(),
    sectionCode: optionalText(20),
    units: z.number().int().min(1).max(500).optional(),
    accessible: z.boolean().optional(),
    sexDesignation: z.enum(sexDesignations).optional(),
    provider: text().optional(),
  }),
} as const satisfies Record<GeojsonKind, z.ZodType>;

/** The file itself; checked in depth by the server, feature by feature, with located problems. */
export const GeojsonInputSchema = z
  .looseObject({ type: z.string().max(40) })
  .describe('a GeoJSON FeatureCollection (RFC 7946) whose features carry properties.kind');

const KindCountsSchema = z.object({
  settlement: z.number().int(),
  section: z.number().int(),
  structure: z.number().int(),
  facility: z.number().int(),
});

export const GeojsonImportResultSchema = z.object({
  created: KindCountsSchema,
  updated: KindCountsSchema.describe('changed from their current version; a version each'),
  unchanged: KindCountsSchema,
  duplicateNumbers: z.number().int().describe('structures of the settlement now sharing a number'),
  outsideBoundary: z.number().int().describe('structures of the settlement outside its boundary'),
});
export type GeojsonImportResult = z.infer<typeof GeojsonImportResultSchema>;
