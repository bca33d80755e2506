import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids.ts';
import { PageQuerySchema } from './page.ts';

/**
 * What an entry is about, named when the log is read (never stored in the chain), for readers
 * who may see names: the person, token or team (`name`), the form (`form`), and whose comment or
 * suggestion it was (`owner`). Null when erased, unknown or not the reader's to see.
 */
export const AuditSubjectSchema = z.object({
  name: z.string().nullable(),
  form: z.string().nullable(),
  owner: z.string().nullable(),
});
export type AuditSubject = z.infer<typeof AuditSubjectSchema>;

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
  subject: AuditSubjectSchema,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const auditFilters = {
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  actorAccountId: IdSchema.optional(),
  from: TimestampSchema.optional(),
  to: TimestampSchema.optional(),
};
export const AuditQuerySchema = PageQuerySchema.extend(auditFilters);
/** The CSV download takes the same filters as the listing, and gives every matching entry. */
export const AuditExportInputSchema = z.strictObject(auditFilters);
export type AuditExportInput = z.infer<typeof AuditExportInputSchema>;
