import { z } from 'zod';
import { limits } from './limits.ts';

/**
 * The one page format. `cursor` is opaque: pass it back as `cursor` for the next page of a listing,
 * or as `since` to get only what changed after it (sync). Sync pages include tombstones
 * (rows with `deletedAt` set) so a phone can forget deleted rows.
 */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    cursor: z.string().nullable().describe('pass back to continue; null when there is nothing more'),
    hasMore: z.boolean(),
  });
}
export type Page<T> = { items: T[]; cursor: string | null; hasMore: boolean };

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).optional(),
  cursor: z.string().max(200).optional(),
});

export const SyncQuerySchema = PageQuerySchema.extend({
  // A sync position: a revision (PostgreSQL bigint: 18 digits at most, so a longer number is a
  // 400, not a 500), with the id of the last row when a page ended inside a revision.
  since: z
    .string()
    .regex(/^\d{1,18}(\.[0-9a-fA-F-]{36})?$/, 'a sync cursor from an earlier page')
    .optional(),
});
