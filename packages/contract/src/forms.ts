import { z } from 'zod';
import { IdSchema, RevisionSchema, TimestampSchema } from './ids.ts';
import { SyncQuerySchema } from './page.ts';
import { fileNameText } from './text.ts';

/** Upload and text limits of questionnaires, shared by server checks and client forms. */
export const formLimits = {
  /** An XLSForm workbook or an attachment, before base64. */
  fileBytes: 10 * 1024 * 1024,
  /** JSON body of an upload: base64 grows a file by a third, plus the envelope. */
  uploadBodyBytes: 14 * 1024 * 1024,
  /** JSON body carrying a builder model (a 1,000-question form is well under 1 MB). */
  modelBodyBytes: 5 * 1024 * 1024,
  titleLength: 300,
  commentLength: 2000,
  suggestionLength: 2000,
  reasonLength: 1000,
  versionLength: 64,
  fileNameLength: 200,
} as const;

/** Problem codes of the forms endpoints (besides the shared ones: request.invalid, not_found…). */
export const formProblemCodes = [
  'form.xlsform.invalid', // import failed: errors[] hold sheet/row/column/message
  'form.model.invalid', // builder model failed validation: errors[] hold path and/or sheet/row/column
  'form.publish.invalid', // publish-time checks failed (e.g. a missing CSV for select-from-file)
  'form.archived', // the form is archived: no edits, no publishing
  'form.stale', // baseRevision given and the draft changed since
  'form.question_not_found', // no question (or choice) at that path
  'form.suggestion.decided', // the suggestion was already accepted or declined
  'form.suggestion.outdated', // the text the suggestion rewords changed since it was made
  'form.template.not_found',
  'form.attachment.invalid',
] as const;
export type FormProblemCode = (typeof formProblemCodes)[number];

export const formStatuses = ['draft', 'published', 'archived'] as const;
export const FormStatusSchema = z.enum(formStatuses);

/**
 * The form model of `@coproduce/forms` (`Form`: settings, survey, choices, choiceColumns,
 * otherSheets). Kept opaque here so the contract stays free of the forms package; the server
 * validates it with `Form` from `@coproduce/forms` and answers located errors.
 */
export const FormModelSchema = z
  .record(z.string(), z.unknown())
  .describe('a Form of @coproduce/forms: { settings, survey, choices, choiceColumns, otherSheets }');

/** A problem in a file or model: sheet/row (1-based)/column for spreadsheets, `path` for questions. */
export const FormProblemSchema = z.object({
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  path: z.string().optional().describe('the question path, e.g. /household/name, when known'),
  message: z.string().describe("in English; screens show `code` with `params` in the reader's language"),
  code: z.string().optional().describe('stable code of the problem, e.g. "form.xlsform.name.duplicate"'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type FormProblem = z.infer<typeof FormProblemSchema>;

/** A published version as people name it: "version 3, 2 December 2026" (`version` is the XLSForm string). */
const PublishedRefSchema = z.object({
  id: IdSchema,
  number: z.number().int().describe('1 for the first published version, then 2…'),
  version: z.string(),
  publishedAt: TimestampSchema,
});

export const FormAbilitiesSchema = z.object({
  readDraft: z.boolean(),
  edit: z.boolean().describe('change the draft, upload attachments'),
  publish: z.boolean(),
  archive: z.boolean(),
  comment: z.boolean().describe('comment and suggest wording on the draft'),
  decide: z.boolean().describe('accept or decline suggestions'),
});
export type FormAbilities = z.infer<typeof FormAbilitiesSchema>;

/** What the caller may do with the workspace's forms as a whole, sent with the forms list. */
export const FormListAbilitiesSchema = z.object({
  create: z.boolean().describe('create a form: blank, from a template or from an XLSForm workbook'),
});
export type FormListAbilities = z.infer<typeof FormListAbilitiesSchema>;

/** A form in lists and sync pages: no model, to keep phone payloads small. */
export const FormSummarySchema = z.object({
  id: IdSchema,
  formId: z.string().describe('the XLSForm form_id'),
  title: z.string(),
  status: FormStatusSchema,
  languages: z.array(z.string()),
  questionCount: z.number().int(),
  latestVersion: PublishedRefSchema.nullable(),
  openThreads: z.number().int().describe('open comment and suggestion threads on the draft'),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  deletedAt: TimestampSchema.nullable(),
  revision: RevisionSchema,
  abilities: FormAbilitiesSchema,
});
export type FormSummary = z.infer<typeof FormSummarySchema>;

export const FormVersionSummarySchema = z.object({
  id: IdSchema,
  formId: IdSchema.describe('the form row id'),
  number: z.number().int().describe('1 for the first published version, then 2…'),
  version: z.string().describe('the XLSForm version string written into the published snapshot'),
  publishedAt: TimestampSchema,
  publishedBy: z.object({ personId: IdSchema.nullable(), displayName: z.string() }),
});
export type FormVersionSummary = z.infer<typeof FormVersionSummarySchema>;

export const FormVersionSchema = FormVersionSummarySchema.extend({ model: FormModelSchema });
export type FormVersion = z.infer<typeof FormVersionSchema>;

/** Someone whose accepted suggestion changed the form. */
export const FormCreditSchema = z.object({
  personId: IdSchema,
  displayName: z.string(),
  threadId: IdSchema,
  path: z.string(),
  acceptedAt: TimestampSchema,
});
export type FormCredit = z.infer<typeof FormCreditSchema>;

export const FormDetailSchema = FormSummarySchema.extend({
  draft: FormModelSchema.nullable().describe('null when the caller may not read drafts (partners)'),
  warnings: z.array(FormProblemSchema).describe('what the importer warns about in the draft'),
  versions: z.array(FormVersionSummarySchema).describe('newest first'),
  credits: z.array(FormCreditSchema),
});
export type FormDetail = z.infer<typeof FormDetailSchema>;

export const FormParamsSchema = z.object({ workspaceId: IdSchema, formId: IdSchema });
export const FormVersionParamsSchema = z.object({
  workspaceId: IdSchema,
  formId: IdSchema,
  versionId: IdSchema,
});
export const FormAttachmentParamsSchema = z.object({
  workspaceId: IdSchema,
  formId: IdSchema,
  attachmentId: IdSchema,
});
export const FormThreadParamsSchema = z.object({
  workspaceId: IdSchema,
  formId: IdSchema,
  threadId: IdSchema,
});

export const FormsQuerySchema = SyncQuerySchema.extend({
  status: FormStatusSchema.optional(),
});

const FileNameSchema = fileNameText(formLimits.fileNameLength);
const Base64Schema = z
  .string()
  .max(formLimits.uploadBodyBytes)
  .regex(/^[A-Za-z0-9+/=\s]*$/, 'base64 text');

/** An uploaded file in a JSON body. */
export const UploadedFileSchema = z.strictObject({
  fileName: FileNameSchema,
  contentBase64: Base64Schema,
});

export const ImportFormInputSchema = UploadedFileSchema.extend({
  id: IdSchema.optional().describe('a UUID chosen by the client; repeating the create is safe'),
});

export const CreateFormInputSchema = z.strictObject({
  id: IdSchema.optional(),
  model: FormModelSchema,
});

export const CreateFormFromTemplateInputSchema = z.strictObject({
  id: IdSchema.optional(),
  templateId: z.string().min(1).max(100),
});

export const FormTemplateSchema = z.object({
  id: z.string().describe('the template file name without .xlsx'),
  title: z.string(),
  formId: z.string(),
  languages: z.array(z.string()),
  questionCount: z.number().int(),
});
export const FormTemplateListSchema = z.object({ items: z.array(FormTemplateSchema) });

export const UpdateFormDraftInputSchema = z.strictObject({
  model: FormModelSchema,
  baseRevision: RevisionSchema.optional().describe('the revision the edit started from: 409 if changed'),
});

export const ImportFormDraftInputSchema = UploadedFileSchema.extend({
  baseRevision: RevisionSchema.optional(),
});

export const PublishFormInputSchema = z.strictObject({
  version: z
    .string()
    .trim()
    .min(1)
    .max(formLimits.versionLength)
    .optional()
    .describe('defaults to a timestamp such as 2026112521304501'),
});

export const FormVersionListSchema = z.object({ items: z.array(FormVersionSummarySchema) });

export const FormAttachmentSchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: TimestampSchema,
  deletedAt: TimestampSchema.nullable(),
  revision: RevisionSchema,
});
export type FormAttachment = z.infer<typeof FormAttachmentSchema>;
export const FormAttachmentListSchema = z.object({ items: z.array(FormAttachmentSchema) });
export const UploadFormAttachmentInputSchema = UploadedFileSchema;

/* ---- co-design ---- */

export const threadKinds = ['comment', 'suggestion'] as const;
export const threadStatuses = ['open', 'accepted', 'declined', 'resolved'] as const;
export const suggestionFields = ['label', 'hint', 'choiceLabel'] as const;

/** Where in the form: a question path as `forms check` prints it, e.g. /household/members/age. */
export const QuestionPathSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^(\/[^/\s]+)+$/, 'a question path such as /household/age');

export const LanguageKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .describe('a form language as the form names it, e.g. "English (en)", or "default"');

export const SuggestionSchema = z.object({
  field: z.enum(suggestionFields),
  language: LanguageKeySchema,
  choiceName: z.string().nullable().describe('for choiceLabel: the choice name in the question list'),
  before: z.string().describe('the text when the suggestion was made'),
  text: z.string().describe('the suggested wording'),
});

const PersonRefSchema = z.object({ personId: IdSchema.nullable(), displayName: z.string() });
const EnteredBySchema = PersonRefSchema.nullable().describe(
  'who typed it, when not the author (staff entering words for someone): shown as "entered by X for Y"',
);

export const FormThreadReplySchema = z.object({
  id: IdSchema,
  author: PersonRefSchema,
  enteredBy: EnteredBySchema,
  text: z.string(),
  createdAt: TimestampSchema,
});

export const FormThreadSchema = z.object({
  id: IdSchema,
  formId: IdSchema,
  path: z.string(),
  kind: z.enum(threadKinds),
  status: z.enum(threadStatuses),
  author: PersonRefSchema,
  enteredBy: EnteredBySchema,
  text: z.string().describe('the comment, or the note with a suggestion'),
  suggestion: SuggestionSchema.nullable(),
  decision: z
    .object({ by: PersonRefSchema, at: TimestampSchema, reason: z.string().nullable() })
    .nullable()
    .describe('who accepted, declined or resolved, and why'),
  replies: z.array(FormThreadReplySchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  deletedAt: TimestampSchema.nullable(),
  revision: RevisionSchema,
  abilities: z.object({ reply: z.boolean(), resolve: z.boolean(), decide: z.boolean() }),
});
export type FormThread = z.infer<typeof FormThreadSchema>;

export const FormThreadsQuerySchema = SyncQuerySchema.extend({
  path: QuestionPathSchema.optional(),
  status: z.enum(threadStatuses).optional(),
});

export const CreateFormCommentInputSchema = z.strictObject({
  id: IdSchema.optional(),
  path: QuestionPathSchema,
  text: z.string().trim().min(1).max(formLimits.commentLength),
});

export const CreateFormSuggestionInputSchema = z
  .strictObject({
    id: IdSchema.optional(),
    path: QuestionPathSchema,
    field: z.enum(suggestionFields),
    language: LanguageKeySchema,
    choiceName: z.string().trim().min(1).max(200).optional(),
    text: z.string().trim().min(1).max(formLimits.suggestionLength),
    note: z.string().trim().max(formLimits.commentLength).default(''),
  })
  .refine((input) => (input.field === 'choiceLabel') === (input.choiceName !== undefined), {
    message: 'choiceName is needed for a choice label, and only then',
    path: ['choiceName'],
  });

export const ReplyToFormThreadInputSchema = z.strictObject({
  id: IdSchema.optional(),
  text: z.string().trim().min(1).max(formLimits.commentLength),
});

export const DeclineFormSuggestionInputSchema = z.strictObject({
  reason: z.string().trim().min(1).max(formLimits.reasonLength),
});

/** What changed between the last published version and the draft. */
export const FormChangesSchema = z.object({
  since: PublishedRefSchema.nullable(),
  added: z.array(z.object({ path: z.string(), type: z.string(), label: z.record(z.string(), z.string()) })),
  removed: z.array(z.object({ path: z.string(), type: z.string(), label: z.record(z.string(), z.string()) })),
  reworded: z.array(
    z.object({
      path: z.string(),
      field: z.enum(suggestionFields),
      choiceName: z.string().nullable(),
      language: z.string(),
      before: z.string().nullable(),
      after: z.string().nullable(),
    }),
  ),
});
export type FormChanges = z.infer<typeof FormChangesSchema>;

/** Marker for endpoints that answer with a file instead of JSON. */
export const BinaryResponseSchema = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array)
  .describe('the file bytes');
export const xformContentType = 'text/xml';
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
