import { z } from 'zod';
import { EmailSchema } from './account.ts';
import { IdSchema, TimestampSchema } from './ids.ts';
import { limits } from './limits.ts';
import { pageOf } from './page.ts';
import { RoleSchema } from './roles.ts';
import { nameText } from './text.ts';

export const MemberSchema = z.object({
  id: IdSchema.describe('the membership id'),
  accountId: IdSchema,
  personId: IdSchema,
  displayName: z.string(),
  username: z.string().nullable(),
  role: RoleSchema,
  joinedAt: TimestampSchema,
  isSelf: z.boolean(),
});
export type Member = z.infer<typeof MemberSchema>;
export const MemberListSchema = pageOf(MemberSchema);

export const MemberParamsSchema = z.object({ workspaceId: IdSchema, membershipId: IdSchema });
export const ChangeRoleInputSchema = z.strictObject({ role: RoleSchema });

export const inviteDeliveries = ['code', 'email'] as const;
export const inviteStates = ['pending', 'redeemed', 'revoked', 'expired'] as const;

export const InviteSchema = z.object({
  id: IdSchema,
  role: RoleSchema,
  delivery: z.enum(inviteDeliveries),
  email: z.string().nullable(),
  personId: IdSchema,
  personDisplayName: z.string(),
  state: z.enum(inviteStates),
  createdAt: TimestampSchema,
  expiresAt: TimestampSchema,
  redeemedAt: TimestampSchema.nullable(),
  codeHint: z.string().nullable().describe('the last characters of the code, to recognise a printed slip'),
});
export type Invite = z.infer<typeof InviteSchema>;
export const InviteListSchema = pageOf(InviteSchema);

/**
 * How the person agreed that an account may be linked to their existing record (it gives that
 * account their legal name, notes, contacts and access needs): by answering the invite sent to
 * their own email, or in person, signed, or aloud before a witness, as a coordinator records it.
 */
export const linkConsentMethods = ['their_email', 'in_person', 'signed', 'verbal_witnessed'] as const;
export const LinkConsentSchema = z.strictObject({
  method: z.enum(linkConsentMethods),
  witness: nameText(limits.nameLength).optional().describe('needed for verbal_witnessed'),
  note: z.string().trim().max(1000).optional(),
});

export type LinkConsent = z.infer<typeof LinkConsentSchema>;

export const CreateInviteInputSchema = z
  .strictObject({
    role: RoleSchema,
    delivery: z.enum(inviteDeliveries),
    email: EmailSchema.optional().describe('required when delivery is email'),
    personId: IdSchema.optional().describe(
      'an existing person record to link (coordinators only, with linkConsent); else one is created',
    ),
    linkConsent: LinkConsentSchema.optional().describe(
      'the person agreed to the link: required with personId',
    ),
    displayName: nameText(limits.nameLength).optional(),
    expiresInDays: z.number().int().min(1).max(limits.inviteDaysMax).default(limits.inviteDaysDefault),
  })
  .refine((input) => input.delivery !== 'email' || input.email, {
    message: 'an email address is needed to invite by email',
    path: ['email'],
  })
  .refine((input) => input.personId || input.displayName, {
    message: 'name the person: choose a person record or give a display name',
    path: ['displayName'],
  })
  .refine((input) => !input.personId || input.linkConsent, {
    message: 'say how the person agreed that an account may be linked to their record',
    path: ['linkConsent'],
  })
  .refine((input) => input.linkConsent?.method !== 'verbal_witnessed' || input.linkConsent.witness, {
    message: 'name the witness',
    path: ['linkConsent', 'witness'],
  })
  .refine((input) => input.linkConsent?.method !== 'their_email' || input.delivery === 'email', {
    message: 'consent by their own email needs the invite sent by email',
    path: ['linkConsent', 'method'],
  });

/** The secret is shown once, at creation: only its hash is stored. */
export const CreatedInviteSchema = z.object({
  invite: InviteSchema,
  code: z.string().nullable().describe('short code to print on a slip (delivery code)'),
  link: z.string().describe('the full redeem link, built from PUBLIC_URL'),
  workspaceName: z.string(),
});
export type CreatedInvite = z.infer<typeof CreatedInviteSchema>;

export const InviteParamsSchema = z.object({ workspaceId: IdSchema, inviteId: IdSchema });

/** Codes are typed by hand: case, spaces and dashes do not matter. */
export const InviteCodeSchema = z.string().trim().min(6).max(128);

export const InvitePreviewSchema = z.object({
  workspaceName: z.string(),
  role: RoleSchema,
  personDisplayName: z.string(),
  expiresAt: TimestampSchema,
});
export const InvitePreviewInputSchema = z.strictObject({ code: InviteCodeSchema });

export const RedeemInviteInputSchema = z.strictObject({
  code: InviteCodeSchema,
  username: z.string().trim().optional().describe('for a new account; not needed when signed in'),
  password: z.string().optional(),
  displayName: nameText(limits.nameLength).optional(),
});
export const RedeemedInviteSchema = z.object({
  workspaceId: IdSchema,
  workspaceName: z.string(),
  role: RoleSchema,
  csrfToken: z.string(),
});
