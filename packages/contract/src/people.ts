import { z } from 'zod';
import { EmailSchema, PhoneSchema } from './account.ts';
import { contactChannelKinds, emptyAccessNeeds } from './constants.ts';
import { IdSchema, RevisionSchema, TimestampSchema } from './ids.ts';
import { limits } from './limits.ts';
import { SyncQuerySchema } from './page.ts';
import { PersonAbilitiesSchema } from './roles.ts';
import { nameText } from './text.ts';

const text = (max = 500) => z.string().trim().max(max);
const note = text().optional();

/** How to reach someone, in their order of preference. Many people have no email or phone. */
export const ContactChannelSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('email'), address: EmailSchema, note }),
  z.strictObject({ kind: z.literal('sms'), phone: PhoneSchema, note }),
  z.strictObject({ kind: z.literal('whatsapp'), phone: PhoneSchema, note }),
  z.strictObject({ kind: z.literal('post'), address: text(1000).min(1), note }),
  z.strictObject({
    kind: z.literal('care_of'),
    name: text(200).min(1).describe('the keyworker or day centre'),
    address: text(1000).min(1),
    note,
  }),
  z.strictObject({ kind: z.literal('notice_board'), location: text(500).min(1), note }),
  z.strictObject({ kind: z.literal('in_person'), where: text(500).optional(), note }),
]);
export type ContactChannel = z.infer<typeof ContactChannelSchema>;
export { contactChannelKinds };
export type ContactChannelKind = (typeof contactChannelKinds)[number];

/** What someone needs to take part; meeting logistics are planned from this later. */
export const AccessNeedsSchema = z.strictObject({
  childcare: z.boolean().default(false),
  travel: z.boolean().default(false),
  interpreter: z
    .strictObject({ language: text(50).min(1) })
    .nullable()
    .default(null),
  stepFree: z.boolean().default(false),
  largePrint: z.boolean().default(false),
  quietRoom: z.boolean().default(false),
  preferredTimes: text(500).default(''),
  other: text(2000).default(''),
  entryHelp: z
    .boolean()
    .default(false)
    .describe('they asked staff to enter things for them (on their behalf), e.g. from paper or by phone'),
});
export type AccessNeeds = z.infer<typeof AccessNeedsSchema>;
export { emptyAccessNeeds };

/** Language codes (BCP 47), e.g. zu, xh, hi, mr, en. */
export const LanguageCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'a language code such as zu, xh, hi, mr or en');

/**
 * A person as the caller may see them: fields the caller may not read are absent, not null.
 * Tombstones (deletedAt set) carry only id, revision and deletedAt content-wise.
 */
export const PersonSchema = z.object({
  id: IdSchema,
  displayName: z.string(),
  legalName: z.string().nullable().optional(),
  languages: z.array(z.string()),
  contactChannels: z.array(ContactChannelSchema).optional(),
  accessNeeds: AccessNeedsSchema.optional(),
  notes: z.string().optional(),
  accountId: IdSchema.nullable().describe('the linked account, if this person has one here'),
  isSelf: z.boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  deletedAt: TimestampSchema.nullable(),
  revision: RevisionSchema,
  abilities: PersonAbilitiesSchema,
});
export type Person = z.infer<typeof PersonSchema>;

const personFields = {
  displayName: nameText(limits.nameLength).describe('a pseudonym is fine'),
  legalName: nameText(limits.nameLength).nullable(),
  languages: z.array(LanguageCodeSchema).max(limits.languagesMax),
  contactChannels: z.array(ContactChannelSchema).max(limits.contactChannelsMax),
  accessNeeds: AccessNeedsSchema,
  notes: text(limits.notesLength),
};

export const CreatePersonInputSchema = z.strictObject({
  id: IdSchema.optional().describe('a UUID chosen by the client (offline create); repeating it is safe'),
  displayName: personFields.displayName,
  legalName: personFields.legalName.optional(),
  languages: personFields.languages.default([]),
  contactChannels: personFields.contactChannels.default([]),
  accessNeeds: personFields.accessNeeds.optional(),
  notes: personFields.notes.default(''),
});
export type CreatePersonInput = z.infer<typeof CreatePersonInputSchema>;

export const UpdatePersonInputSchema = z.strictObject({
  baseRevision: RevisionSchema.optional().describe(
    'the revision this edit started from: if the person changed since, 409 conflict.stale (offline edits)',
  ),
  displayName: personFields.displayName.optional(),
  legalName: personFields.legalName.optional(),
  languages: personFields.languages.optional(),
  contactChannels: personFields.contactChannels.optional(),
  accessNeeds: personFields.accessNeeds.optional(),
  notes: personFields.notes.optional(),
});
export type UpdatePersonInput = z.infer<typeof UpdatePersonInputSchema>;

export const PersonParamsSchema = z.object({ workspaceId: IdSchema, personId: IdSchema });

export const PeopleQuerySchema = SyncQuerySchema.extend({
  q: z.string().trim().max(limits.nameLength).optional().describe('name search, ignoring case and accents'),
});

/** Header naming the person a staff member is acting for, e.g. when typing up a paper form. */
export const onBehalfOfHeader = 'x-on-behalf-of';
