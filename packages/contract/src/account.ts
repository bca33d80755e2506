import { z } from 'zod';
import { localeCodes } from './constants.ts';
import { IdSchema, TimestampSchema } from './ids.ts';
import { limits } from './limits.ts';
import { nameText } from './text.ts';

export { localeCodes };
export const LocaleSchema = z.enum(localeCodes);
export type Locale = z.infer<typeof LocaleSchema>;

export const UsernameSchema = z
  .string()
  .trim()
  .min(limits.usernameMin)
  .max(limits.usernameMax)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, dots, dashes and underscores only');
export const PasswordSchema = z.string().min(limits.passwordMin).max(limits.passwordMax);
export const EmailSchema = z.email().max(254);
/** Phone numbers in international form; spaces and dashes are allowed and removed. */
export const PhoneSchema = z
  .string()
  .trim()
  .max(32)
  .regex(/^\+?[0-9][0-9 ()-]{5,}$/, 'a phone number such as +27 82 123 4567');

export const AccountSchema = z.object({
  id: IdSchema,
  username: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  displayName: z.string(),
  locale: LocaleSchema,
  isAdmin: z.boolean().describe('may create workspaces on this server'),
  createdAt: TimestampSchema,
});
export type Account = z.infer<typeof AccountSchema>;

export const SessionViewSchema = z.object({
  account: AccountSchema,
  csrfToken: z.string().describe('send back as the x-csrf-token header on every state-changing request'),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

export const SignInInputSchema = z.strictObject({
  login: z.string().trim().min(1).max(254).describe('email, username or phone number'),
  password: z.string().min(1).max(limits.passwordMax),
});

export const SignOutInputSchema = z.strictObject({
  everywhere: z.boolean().default(false).describe('also sign out every other device'),
  revokeApiTokens: z
    .boolean()
    .default(true)
    .describe('with everywhere: also revoke every API token of this account (the screen asks)'),
});

export const ChangePasswordInputSchema = z.strictObject({
  currentPassword: z.string().min(1).max(limits.passwordMax),
  newPassword: PasswordSchema,
  revokeApiTokens: z
    .boolean()
    .default(true)
    .describe(
      'also revoke every API token of this account, as whoever knew the old password may have made some',
    ),
});

export const UpdateAccountInputSchema = z.strictObject({
  displayName: nameText(limits.nameLength).optional(),
  locale: LocaleSchema.optional(),
  email: EmailSchema.nullable().optional(),
  phone: PhoneSchema.nullable().optional(),
});

export const DeviceSessionSchema = z.object({
  id: IdSchema,
  current: z.boolean(),
  userAgent: z.string().nullable(),
  createdAt: TimestampSchema,
  lastSeenAt: TimestampSchema,
  expiresAt: TimestampSchema,
});
export type DeviceSession = z.infer<typeof DeviceSessionSchema>;

/** `signedIn` lets a signed-out page skip asking for the session (and logging a 401 for it). */
export const SetupStatusSchema = z.object({ needed: z.boolean(), signedIn: z.boolean() });
export const SetupInputSchema = z.strictObject({
  username: UsernameSchema,
  password: PasswordSchema,
  displayName: nameText(limits.nameLength),
  email: EmailSchema.optional(),
  locale: LocaleSchema.default('en'),
});
