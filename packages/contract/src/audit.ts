import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids.ts';
import { PageQuerySchema } from './page.ts';

/** Audit entries hold ids and field names only, never personal values, so erasure keeps the chain. */
export const AuditEntrySchema = z.object({
  id: IdSchema,
  sequence: z.number().int(),
  action: z.string().describe('e.g. person.create, member.role_change'),
  entityType: z.string(),
  entityId: z.string().nullable(),
  fields: z.array(z.string()),
  actorAccountId: IdSchema.nullable(),
  actorDisplayName: z.string().nullable(),
  onBehalfOfPersonId: IdSchema.nullable(),
  onBehalfOfDisplayName: z.string().nullable(),
  occurredAt: TimestampSchema,
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = PageQuerySchema.extend({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  actorAccountId: IdSchema.optional(),
  from: TimestampSchema.optional(),
  to: TimestampSchema.optional(),
});
