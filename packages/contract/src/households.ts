import { z } from 'zod';
import { IdSchema, RevisionSchema, TimestampSchema } from './ids.ts';
import { RoundSchema, roundStatuses } from './settlements.ts';

/**
 * Enumeration (issue #8): rounds of a settlement, households enumerated in a round (each on a
 * numbered structure), their members (typed: ages are numbers, dates are dates) and the consent
 * each household gave. No names are kept: a household is known by its pseudonymous code.
 */
const text = (max = 200) => z.string().trim().max(max);
const isoDate = z.iso.date();

export const householdOutcomes = ['enumerated', 'refused', 'absent', 'vacant'] as const;
export const tenures = ['owner_occupier', 'tenant', 'rent_free', 'other'] as const;
export const sexes = ['female', 'male', 'other'] as const;
export const verificationStatuses = ['unverified', 'confirmed', 'corrected', 'disputed'] as const;
export const consentMethods = ['signed', 'verbal_witnessed', 'thumbprint'] as const;
export const consentGivers = ['self', 'proxy'] as const;
/** What a household's record may be used for; each query serving one keeps to those who agreed. */
export const consentPurposes = [
  'community_planning',
  'municipality_aggregates',
  'housing_list',
  'photos',
  'recontact',
] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

const VersionedSchema = z.object({
  id: IdSchema,
  revision: RevisionSchema,
  versionId: IdSchema,
  versionCount: z.number().int(),
  hasConflict: z.boolean(),
  updatedAt: TimestampSchema,
});

export const RoundParamsSchema = z.object({ workspaceId: IdSchema, roundId: IdSchema });
export const CreateRoundInputSchema = z
  .strictObject({
    id: IdSchema.optional(),
    name: text().min(1),
    formId: IdSchema.nullable().default(null),
    startDate: isoDate.nullable().default(null),
    endDate: isoDate.nullable().default(null),
  })
  .refine((r) => !r.startDate || !r.endDate || r.startDate <= r.endDate, {
    path: ['endDate'],
    message: 'the end date is before the start date',
  });
export type CreateRoundInput = z.infer<typeof CreateRoundInputSchema>;

export const UpdateRoundInputSchema = z.strictObject({
  baseVersionId: IdSchema,
  name: text().min(1).optional(),
  formId: IdSchema.nullable().optional(),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
});
export type UpdateRoundInput = z.infer<typeof UpdateRoundInputSchema>;
export const ResolveRoundInputSchema = UpdateRoundInputSchema.extend({ reason: text(500).min(1) });

/** One step forward; a coordinator may step back one, with a reason. */
export const MoveRoundInputSchema = z.strictObject({
  baseVersionId: IdSchema,
  status: z.enum(roundStatuses),
  reason: text(500).min(1).optional(),
});
export type MoveRoundInput = z.infer<typeof MoveRoundInputSchema>;

export const RoundDetailSchema = RoundSchema.extend({ formId: IdSchema.nullable() });

const memberFields = {
  relationship: text(50).min(1).nullable().default(null),
  sex: z.enum(sexes).nullable().default(null),
  age: z.number().int().min(0).max(130).nullable().default(null),
  birthDate: isoDate.nullable().default(null),
  disability: z.boolean().nullable().default(null),
  schoolEnrolled: z.boolean().nullable().default(null),
  employment: text(50).min(1).nullable().default(null),
};
export const HouseholdMemberInputSchema = z.strictObject({ id: IdSchema.optional(), ...memberFields });
export type HouseholdMemberInput = z.infer<typeof HouseholdMemberInputSchema>;
export const UpdateHouseholdMemberInputSchema = z.strictObject({
  baseVersionId: IdSchema,
  relationship: memberFields.relationship.unwrap().optional(),
  sex: z.enum(sexes).nullable().optional(),
  age: z.number().int().min(0).max(130).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  disability: z.boolean().nullable().optional(),
  schoolEnrolled: z.boolean().nullable().optional(),
  employment: memberFields.employment.unwrap().optional(),
});
export type UpdateHouseholdMemberInput = z.infer<typeof UpdateHouseholdMemberInputSchema>;
/** The content chosen for a member in conflict; `removed` settles a removal against a change. */
export const ResolveHouseholdMemberInputSchema = UpdateHouseholdMemberInputSchema.extend({
  reason: text(500).min(1),
  removed: z.boolean().default(false),
});
export type ResolveHouseholdMemberInput = z.infer<typeof ResolveHouseholdMemberInputSchema>;
export const HouseholdMemberParamsSchema = z.object({ workspaceId: IdSchema, memberId: IdSchema });
export const RemoveHouseholdMemberQuerySchema = z.object({ baseVersionId: IdSchema });

export const HouseholdMemberSchema = VersionedSchema.extend({
  householdId: IdSchema,
  position: z.number().int(),
  relationship: z.string().nullable(),
  sex: z.enum(sexes).nullable(),
  age: z.number().int().nullable(),
  birthDate: z.string().nullable(),
  disability: z.boolean().nullable(),
  schoolEnrolled: z.boolean().nullable(),
  employment: z.string().nullable(),
});
export type HouseholdMember = z.infer<typeof HouseholdMemberSchema>;

export const ConsentInputSchema = z
  .strictObject({
    noticeVersion: text(50).min(1),
    language: text(50).min(1),
    method: z.enum(consentMethods),
    givenBy: z.enum(consentGivers),
    witness: text(100).min(1).nullable().default(null),
    givenAt: TimestampSchema.optional(),
    purposes: z.strictObject(
      Object.fromEntries(consentPurposes.map((p) => [p, z.boolean()])) as Record<
        ConsentPurpose,
        z.ZodBoolean
      >,
    ),
  })
  .refine((c) => c.method !== 'verbal_witnessed' || c.witness, {
    path: ['witness'],
    message: 'a verbal consent needs its witness',
  });
export type ConsentInput = z.infer<typeof ConsentInputSchema>;

export const ConsentSchema = z.object({
  id: IdSchema,
  noticeVersion: z.string(),
  language: z.string(),
  method: z.enum(consentMethods),
  givenBy: z.enum(consentGivers),
  witness: z.string().nullable(),
  purposes: z.record(z.enum(consentPurposes), z.boolean()),
  givenAt: TimestampSchema,
  withdrawnAt: TimestampSchema.nullable(),
  withdrawnByPersonId: IdSchema.nullable(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const WithdrawConsentInputSchema = z.strictObject({
  withdrawnAt: TimestampSchema.optional(),
  reason: text(500).min(1).optional(),
});

const householdFields = {
  outcome: z.enum(householdOutcomes),
  sizeStated: z.number().int().min(0).max(100).nullable().default(null),
  yearsInSettlement: z.number().int().min(0).max(130).nullable().default(null),
  tenure: z.enum(tenures).nullable().default(null),
  headSex: z.enum(sexes).nullable().default(null),
};

/** Enumerating a household: it, its members and its consent are written together or not at all. */
export const CreateHouseholdInputSchema = z.strictObject({
  id: IdSchema.optional(),
  structureId: IdSchema,
  ...householdFields,
  members: z.array(HouseholdMemberInputSchema).max(60).default([]),
  consent: ConsentInputSchema.nullable()
    .default(null)
    .describe('needed when enumerated; a refused, absent or vacant household has none'),
});
export type CreateHouseholdInput = z.infer<typeof CreateHouseholdInputSchema>;

export const UpdateHouseholdInputSchema = z.strictObject({
  baseVersionId: IdSchema,
  outcome: z.enum(householdOutcomes).optional(),
  sizeStated: z.number().int().min(0).max(100).nullable().optional(),
  yearsInSettlement: z.number().int().min(0).max(130).nullable().optional(),
  tenure: z.enum(tenures).nullable().optional(),
  headSex: z.enum(sexes).nullable().optional(),
  verificationStatus: z.enum(verificationStatuses).optional(),
});
export type UpdateHouseholdInput = z.infer<typeof UpdateHouseholdInputSchema>;
export const ResolveHouseholdInputSchema = UpdateHouseholdInputSchema.extend({
  reason: text(500).min(1),
});

export const HouseholdParamsSchema = z.object({ workspaceId: IdSchema, householdId: IdSchema });
export const HouseholdsQuerySchema = z.object({
  sectionId: IdSchema.optional(),
  purpose: z.enum(consentPurposes).optional().describe('only households whose consent covers it'),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(200).optional(),
});
export const HouseholdCountsQuerySchema = z.object({
  purpose: z.enum(consentPurposes).optional().describe('only households whose consent covers it'),
});

export const HouseholdSchema = VersionedSchema.extend({
  roundId: IdSchema,
  settlementId: IdSchema,
  sectionId: IdSchema.nullable(),
  structureId: IdSchema,
  pseudoId: z.string().describe('a code for the household; no names are kept'),
  outcome: z.enum(householdOutcomes),
  sizeStated: z.number().int().nullable(),
  yearsInSettlement: z.number().int().nullable(),
  tenure: z.enum(tenures).nullable(),
  headSex: z.enum(sexes).nullable(),
  verificationStatus: z.enum(verificationStatuses),
});
export type Household = z.infer<typeof HouseholdSchema>;

export const HouseholdDetailSchema = HouseholdSchema.extend({
  members: z.array(HouseholdMemberSchema),
  consent: ConsentSchema.nullable(),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetailSchema>;

const CountsSchema = z.object({
  households: z.number().int().describe('households enumerated'),
  persons: z.number().int().describe('members of those households'),
  refused: z.number().int(),
  absent: z.number().int(),
  vacant: z.number().int(),
});
/** Aggregates of a round by section, kept to the households whose consent covers `purpose`. */
export const HouseholdCountsSchema = z.object({
  purpose: z.enum(consentPurposes).nullable(),
  total: CountsSchema,
  sections: z.array(CountsSchema.extend({ sectionId: IdSchema.nullable() })),
});
export type HouseholdCounts = z.infer<typeof HouseholdCountsSchema>;
