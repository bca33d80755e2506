import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids.ts';
import { limits } from './limits.ts';
import { pageOf } from './page.ts';
import { RoleSchema } from './roles.ts';
import { nameText } from './text.ts';

/** Personal API tokens for scripts: one workspace, a role no higher than the owner's, revocable. */
export const ApiTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  role: RoleSchema,
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema.nullable(),
  expiresAt: TimestampSchema.nullable(),
  revokedAt: TimestampSchema.nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export const ApiTokenListSchema = pageOf(ApiTokenSchema);

export const CreateApiTokenInputSchema = z.strictObject({
  name: nameText(limits.nameLength),
  role: RoleSchema,
  // Tokens always expire: a forgotten script's token must not work for ever.
  expiresInDays: z.number().int().min(1).max(limits.apiTokenDaysMax).default(limits.apiTokenDaysDefault),
});
export const CreatedApiTokenSchema = z.object({
  token: ApiTokenSchema,
  secret: z.string().describe('shown once; send as "Authorization: Bearer <secret>"'),
});
export const ApiTokenParamsSchema = z.object({ workspaceId: IdSchema, tokenId: IdSchema });
