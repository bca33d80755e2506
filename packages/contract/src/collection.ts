import { z } from 'zod';
import { IdSchema, RevisionSchema, TimestampSchema } from './ids.ts';
import { limits } from './limits.ts';
import { PageQuerySchema } from './page.ts';
import { fileNameText, nameText } from './text.ts';

/**
 * Offline collection: what a phone sends (submissions with client-made UUIDv7 instance ids,
 * their files in resumable parts), what it learns back (outcomes, the change feed), and what
 * coordinators review and export. Answers are the form's answer tree: groups nest as objects,
 * repeats as arrays, every value a string as ODK writes it (select_multiple space-separated,
 * geopoint `lat lon alt acc`, dates ISO).
 */
export const collectionLimits = {
  batchItems: 50,
  answersBytes: 512 * 1024,
  filesPerSubmission: 50,
  fileBytes: 25 * 1024 * 1024,
  filePartBytes: 512 * 1024,
  /** JSON body of one part upload: the part in base64 plus a little. */
  filePartBodyBytes: Math.ceil((512 * 1024 * 4) / 3) + 4096,
  reviewCommentLength: 4000,
  filterCount: 8,
  backupBytes: 64 * 1024 * 1024,
} as const;

export const submissionStates = ['received', 'needs_attention', 'approved', 'rejected'] as const;
export const SubmissionStateSchema = z.enum(submissionStates);
export type SubmissionState = z.infer<typeof SubmissionStateSchema>;

export type AnswerTree = { [name: string]: string | AnswerTree | AnswerTree[] };
export const AnswerTreeSchema: z.ZodType<AnswerTree> = z.lazy(() =>
  z.record(
    z.string().max(200),
    z.union([z.string().max(100_000), AnswerTreeSchema, z.array(AnswerTreeSchema).max(1000)]),
  ),
);

/** A file a submission names (a photo, a signature): sent separately in parts, counted here. */
export const SubmissionFileRefSchema = z.strictObject({
  name: fileNameText(200),
  size: z.number().int().min(1).max(collectionLimits.fileBytes),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  contentType: z
    .string()
    .regex(/^[a-z]+\/[a-z0-9.+-]+$/i)
    .max(100),
});
export type SubmissionFileRef = z.infer<typeof SubmissionFileRefSchema>;

/** One finalized submission as the phone's outbox sends it. */
export const SubmissionItemSchema = z.strictObject({
  id: IdSchema.describe('the instance id the phone made (UUIDv7); resending it is safe'),
  formId: IdSchema,
  formVersion: z.number().int().positive().describe('the published version number it was filled in'),
  answers: AnswerTreeSchema,
  files: z.array(SubmissionFileRefSchema).max(collectionLimits.filesPerSubmission).default([]),
  assignmentId: IdSchema.optional(),
  startedAt: TimestampSchema.optional(),
  finishedAt: TimestampSchema.optional(),
  deviceId: z.string().max(200).optional(),
  collectedBy: IdSchema.optional().describe(
    'the account whose phone collected it, when a coordinator sends work from that person’s backup file',
  ),
});
export type SubmissionItem = z.infer<typeof SubmissionItemSchema>;

/** A batch from the outbox. Items are checked one by one: one bad item does not stop the others. */
export const IngestInputSchema = z.strictObject({
  items: z
    .array(z.unknown())
    .min(1)
    .max(collectionLimits.batchItems)
    .describe('each a SubmissionItem; each gets its own outcome'),
});

export const outcomeStatuses = ['stored', 'needs_attention', 'duplicate', 'conflict', 'refused'] as const;

/** A problem with one answer: where, what, in words and as a code with parameters. */
export const SubmissionIssueSchema = z.object({
  path: z.string().describe('question path, e.g. /household/members/age'),
  repeatIndexes: z.array(z.number().int()).describe('0-based, outermost repeat first'),
  code: z
    .enum([
      'required',
      'constraint',
      'type',
      'choice',
      'unknown_field',
      'not_relevant',
      'file_missing',
      'record',
    ])
    .describe('record: the answers are kept but the records the form declares could not be written'),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type SubmissionIssue = z.infer<typeof SubmissionIssueSchema>;

export const IngestOutcomeSchema = z.object({
  index: z.number().int(),
  id: z.string().nullable(),
  status: z
    .enum(outcomeStatuses)
    .describe(
      'stored (valid), needs_attention (stored and flagged), duplicate (already here, nothing new), conflict (same id, other content: kept for review), refused (not stored: see problem)',
    ),
  state: SubmissionStateSchema.optional(),
  revision: RevisionSchema.optional(),
  issues: z.array(SubmissionIssueSchema).default([]),
  /** Files still to upload before the submission counts as received. */
  filesMissing: z.array(z.string()).default([]),
  problem: z
    .object({
      code: z.string(),
      detail: z.string(),
      errors: z
        .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
        .optional(),
    })
    .optional(),
});
export type IngestOutcome = z.infer<typeof IngestOutcomeSchema>;
export const IngestResultSchema = z.object({ outcomes: z.array(IngestOutcomeSchema) });

export const SubmissionParamsSchema = z.object({ workspaceId: IdSchema, submissionId: IdSchema });
export const SubmissionFileParamsSchema = SubmissionParamsSchema.extend({ fileName: fileNameText(200) });

/** One part of a file, at its byte offset; parts already received are acknowledged, not stored twice. */
export const FilePartInputSchema = z.strictObject({
  offset: z.number().int().min(0).max(collectionLimits.fileBytes),
  contentBase64: z
    .string()
    .min(1)
    .max(collectionLimits.filePartBodyBytes)
    .regex(/^[A-Za-z0-9+/=]*$/),
});
export const FileProgressSchema = z.object({
  name: z.string(),
  size: z.number().int(),
  receivedBytes: z.number().int().describe('resume from here'),
  complete: z.boolean(),
  submissionComplete: z.boolean().describe('every file of the submission has arrived'),
});

export const ReviewInputSchema = z.strictObject({
  state: SubmissionStateSchema.exclude(['received']),
  comment: z.string().trim().max(collectionLimits.reviewCommentLength).default(''),
});

export const EditSubmissionInputSchema = z.strictObject({
  baseVersionId: IdSchema.describe('the version this edit starts from: a stale base is a 409'),
  answers: AnswerTreeSchema,
  reason: z.string().trim().min(1).max(collectionLimits.reviewCommentLength),
});

export const ResolveConflictInputSchema = z.strictObject({
  chosenVersionId: IdSchema.optional().describe('keep this version as it is'),
  mergedAnswers: AnswerTreeSchema.optional().describe('or a merge of the versions'),
  reason: z.string().trim().min(1).max(collectionLimits.reviewCommentLength),
});

export const SubmissionVersionSchema = z.object({
  id: IdSchema,
  number: z.number().int(),
  kind: z.enum(['original', 'conflict', 'edit', 'merge']),
  formVersion: z.number().int(),
  answers: AnswerTreeSchema,
  issues: z.array(SubmissionIssueSchema),
  baseVersionId: IdSchema.nullable(),
  reason: z.string().nullable(),
  createdAt: TimestampSchema,
  createdBy: z.object({ personId: IdSchema.nullable(), displayName: z.string() }),
});

export const SubmissionAbilitiesSchema = z.object({
  review: z.boolean(),
  edit: z.boolean(),
  resolve: z.boolean(),
});

export const SubmissionSummarySchema = z.object({
  id: IdSchema,
  formId: IdSchema,
  formVersion: z.number().int(),
  state: SubmissionStateSchema,
  hasConflict: z.boolean(),
  instanceName: z.string().nullable(),
  issueCount: z.number().int(),
  filesExpected: z.number().int(),
  filesReceived: z.number().int(),
  receivedAt: TimestampSchema,
  submittedBy: z.object({ personId: IdSchema.nullable(), displayName: z.string() }),
  revision: RevisionSchema,
  deletedAt: TimestampSchema.nullable(),
  /** Requested columns of the answers table, by question path (only in table listings). */
  values: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummarySchema>;

export const SubmissionDetailSchema = SubmissionSummarySchema.extend({
  versions: z.array(SubmissionVersionSchema),
  currentVersionId: IdSchema,
  files: z.array(FileProgressSchema.omit({ submissionComplete: true }).extend({ contentType: z.string() })),
  reviews: z.array(
    z.object({
      id: IdSchema,
      stateFrom: SubmissionStateSchema.nullable(),
      stateTo: SubmissionStateSchema.nullable(),
      comment: z.string(),
      author: z.object({ personId: IdSchema.nullable(), displayName: z.string() }),
      createdAt: TimestampSchema,
    }),
  ),
  location: z.object({ lat: z.number(), lon: z.number(), path: z.string() }).nullable(),
  abilities: SubmissionAbilitiesSchema,
});
export type SubmissionDetail = z.infer<typeof SubmissionDetailSchema>;

/**
 * Filters on any answer: `f=<path>~<op>~<value>` repeated (e.g. `/household/size~gt~4`),
 * sorted by `sort=<path>` or a column (`receivedAt`, `state`), `-` first for descending.
 */
export const filterOperators = ['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains', 'empty', 'filled'] as const;
export const SubmissionsQuerySchema = PageQuerySchema.extend({
  formId: IdSchema.optional(),
  state: SubmissionStateSchema.optional(),
  conflicts: z.enum(['only']).optional(),
  mine: z.enum(['yes']).optional().describe('only the caller’s own submissions'),
  f: z
    .union([z.string().max(500), z.array(z.string().max(500)).max(collectionLimits.filterCount)])
    .optional()
    .describe('path~op~value; ops: eq ne lt le gt ge contains empty filled'),
  sort: z.string().max(300).optional(),
  columns: z.string().max(4000).optional().describe('comma-separated question paths to return as values'),
});

export const SubmissionPageSchema = z.object({
  items: z.array(SubmissionSummarySchema),
  cursor: z.string().nullable(),
  hasMore: z.boolean(),
  total: z.number().int().describe('submissions matching the filters'),
});

/** Assignments: which form a researcher (or a team) collects, how many, by when. */
export const AssignmentSchema = z.object({
  id: IdSchema,
  formId: IdSchema,
  formTitle: z.string(),
  personId: IdSchema.nullable(),
  teamId: IdSchema.nullable(),
  assigneeName: z.string(),
  targetCount: z.number().int().nullable(),
  dueOn: z.string().nullable(),
  note: z.string(),
  status: z.enum(['active', 'closed']),
  settlementId: IdSchema.nullable().describe('where the work is: its records reach the phone'),
  sectionId: IdSchema.nullable().describe('one section of that settlement; null: all of it'),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  revision: RevisionSchema,
  deletedAt: TimestampSchema.nullable(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

/** An assignment in the coordinators' listing, with how far it has come. */
export const AssignmentProgressSchema = AssignmentSchema.extend({
  sent: z
    .number()
    .int()
    .describe('submissions of this form the server holds from the assignee (a team: from its members)'),
});
export type AssignmentProgress = z.infer<typeof AssignmentProgressSchema>;

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-12-31');

export const CreateAssignmentInputSchema = z
  .strictObject({
    id: IdSchema.optional(),
    formId: IdSchema,
    personId: IdSchema.optional(),
    teamId: IdSchema.optional(),
    targetCount: z.number().int().min(1).max(1_000_000).optional(),
    dueOn: DateSchema.optional(),
    note: z.string().trim().max(2000).default(''),
    settlementId: IdSchema.optional(),
    sectionId: IdSchema.optional(),
  })
  .refine((a) => (a.personId ? 1 : 0) + (a.teamId ? 1 : 0) === 1, {
    message: 'assign to one researcher or one team',
    path: ['personId'],
  })
  .refine((a) => !a.sectionId || a.settlementId, {
    message: 'a section is named with its settlement',
    path: ['settlementId'],
  });

/** The area changes as a whole: `settlementId` (null: no place) with `sectionId` (absent or null: all of it). */
export const UpdateAssignmentInputSchema = z
  .strictObject({
    targetCount: z.number().int().min(1).max(1_000_000).nullable().optional(),
    dueOn: DateSchema.nullable().optional(),
    note: z.string().trim().max(2000).optional(),
    status: z.enum(['active', 'closed']).optional(),
    settlementId: IdSchema.nullable().optional(),
    sectionId: IdSchema.nullable().optional(),
  })
  .refine((a) => !a.sectionId || a.settlementId, {
    message: 'a section is named with its settlement',
    path: ['settlementId'],
  });
export const AssignmentParamsSchema = z.object({ workspaceId: IdSchema, assignmentId: IdSchema });

export const TeamSchema = z.object({
  id: IdSchema,
  name: z.string(),
  memberPersonIds: z.array(IdSchema),
  revision: RevisionSchema,
  deletedAt: TimestampSchema.nullable(),
});
export const CreateTeamInputSchema = z.strictObject({
  id: IdSchema.optional(),
  name: nameText(limits.nameLength),
  memberPersonIds: z.array(IdSchema).max(500).default([]),
});
export const UpdateTeamInputSchema = z.strictObject({
  name: nameText(limits.nameLength).optional(),
  memberPersonIds: z.array(IdSchema).max(500).optional(),
});
export const TeamParamsSchema = z.object({ workspaceId: IdSchema, teamId: IdSchema });

/** A researcher's home: each assignment with what the server knows of it (drafts live on the phone). */
export const MyWorkSchema = z.object({
  items: z.array(
    z.object({
      assignment: AssignmentSchema,
      sent: z.number().int(),
      needsFix: z.number().int().describe('sent, and flagged needs attention or rejected'),
      approved: z.number().int(),
    }),
  ),
});

export const jobStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const JobSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  status: z.enum(jobStatuses),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable() }),
  attempts: z.number().int(),
  error: z.string().nullable(),
  file: z.object({ name: z.string(), size: z.number().int(), contentType: z.string() }).nullable(),
  createdAt: TimestampSchema,
  finishedAt: TimestampSchema.nullable(),
});
export type Job = z.infer<typeof JobSchema>;
export const JobParamsSchema = z.object({ workspaceId: IdSchema, jobId: IdSchema });

export const exportFormats = ['csv', 'xlsx'] as const;
export const CreateExportInputSchema = z.strictObject({
  format: z.enum(exportFormats),
  headers: z
    .enum(['codes', 'labels'])
    .default('codes')
    .describe('column headers and choices as names or as labels'),
  language: z.string().max(100).optional().describe('form language for labels'),
  state: SubmissionStateSchema.optional(),
});
