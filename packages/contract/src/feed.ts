import { z } from 'zod';
import { AssignmentSchema, SubmissionSummarySchema, TeamSchema } from './collection.ts';
import { FormAttachmentSchema, FormSummarySchema, FormVersionSchema } from './forms.ts';
import { IdSchema, RevisionSchema } from './ids.ts';
import { limits } from './limits.ts';
import { SectionSchema, SettlementSchema, StructureSchema } from './settlements.ts';

/**
 * The workspace change feed: everything a phone may see that changed after its cursor, across
 * domains, in one ordered stream (forms, published versions with their models, attachments,
 * assignments, teams, the phone's own submissions and their review states; the settlements, sections
 * and structures of the places the caller's assignments name), filtered
 * by the same policies as the listings. A cursor names the caller's scope: when what they may see
 * changes (a new assignment), the next page says `reset` and starts over for the new scope.
 */
const item = <K extends string, D extends z.ZodType>(kind: K, data: D) =>
  z.object({
    kind: z.literal(kind),
    id: IdSchema,
    revision: RevisionSchema,
    deleted: z.boolean().describe('a tombstone, or no longer visible to the caller: forget it'),
    data: data.nullable(),
  });

// New kinds go at the end: a cursor names a kind by its place in this list.
export const feedKinds = [
  'form',
  'formVersion',
  'attachment',
  'assignment',
  'team',
  'submission',
  'settlement',
  'section',
  'structure',
] as const;
export type FeedKind = (typeof feedKinds)[number];

export const FeedItemSchema = z.discriminatedUnion('kind', [
  item('form', FormSummarySchema),
  item('formVersion', FormVersionSchema),
  item('attachment', FormAttachmentSchema),
  item('assignment', AssignmentSchema),
  item('team', TeamSchema),
  item('submission', SubmissionSummarySchema),
  // A settlement as a phone keeps it: the record, without the counts of the listing.
  item('settlement', SettlementSchema.omit({ structures: true, sections: true, facilities: true })),
  item('section', SectionSchema),
  item('structure', StructureSchema),
]);
export type FeedItem = z.infer<typeof FeedItemSchema>;

export const ChangesQuerySchema = z.object({
  since: z.string().max(300).optional().describe('the cursor of the last page; none for the first sync'),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).optional(),
});

export const ChangesPageSchema = z.object({
  items: z.array(FeedItemSchema),
  cursor: z.string().describe('pass back as since; stored by the phone'),
  hasMore: z.boolean(),
  reset: z
    .boolean()
    .describe('the caller’s scope changed: drop what the feed gave before and take these pages instead'),
});
export type ChangesPage = z.infer<typeof ChangesPageSchema>;
