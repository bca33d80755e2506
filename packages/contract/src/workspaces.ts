import { z } from 'zod';
import { LocaleSchema } from './account.ts';
import { IdSchema, RevisionSchema, TimestampSchema } from './ids.ts';
import { limits } from './limits.ts';
import { pageOf } from './page.ts';
import { RoleSchema, WorkspaceAbilitiesSchema } from './roles.ts';
import { nameText } from './text.ts';

/** An IANA time zone such as Africa/Johannesburg, checked against the runtime's own list. */
export const TimeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Africa/Johannesburg');

export const WorkspaceSchema = z.object({
  id: IdSchema,
  name: z.string(),
  defaultLocale: LocaleSchema,
  timeZone: z.string(),
  role: RoleSchema.describe("the caller's role here"),
  membershipId: IdSchema,
  personId: IdSchema.describe("the caller's own person record in this workspace"),
  abilities: WorkspaceAbilitiesSchema,
  createdAt: TimestampSchema,
  revision: RevisionSchema,
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const WorkspaceListSchema = pageOf(WorkspaceSchema);

export const CreateWorkspaceInputSchema = z.strictObject({
  id: IdSchema.optional().describe('a UUID chosen by the client; repeating a create with it is safe'),
  name: nameText(limits.nameLength),
  defaultLocale: LocaleSchema.default('en'),
  timeZone: TimeZoneSchema.default('UTC'),
});

export const UpdateWorkspaceInputSchema = z.strictObject({
  name: nameText(limits.nameLength).optional(),
  defaultLocale: LocaleSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
});

export const WorkspaceParamsSchema = z.object({ workspaceId: IdSchema });
