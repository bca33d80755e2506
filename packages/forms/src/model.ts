import { z } from 'zod';
import { MEDIA_KINDS } from './survey-tree.ts';

export {
  DEFAULT_LANGUAGE_KEY,
  formLanguages,
  jsonDepth,
  MEDIA_KINDS,
  maxModelJsonDepth,
  maxSectionDepth,
  TEXT_FIELDS,
  type TextField,
  walkSurvey,
} from './survey-tree.ts';

/**
 * The form model: XLSForm semantics as typed JSON. Everything the spreadsheet said is kept,
 * including columns and types we do not support, so a form survives import → export unchanged.
 */

/** Text per language; a column with no language is keyed `default`. */
export const Translated = z.record(z.string(), z.string());
export type Translated = z.infer<typeof Translated>;

export const MediaKind = z.enum(MEDIA_KINDS);
export type MediaKind = z.infer<typeof MediaKind>;
/** Media file names per kind, then per language. */
export const Media = z.partialRecord(MediaKind, Translated);
export type Media = z.infer<typeof Media>;

export const Sensitivity = z.enum(['personal', 'special']);
export type Sensitivity = z.infer<typeof Sensitivity>;

/** Cell texts of the logic columns, kept as written (expressions use `${name}`). */
export const Bindings = z.object({
  relevant: z.string().optional(),
  constraint: z.string().optional(),
  calculation: z.string().optional(),
  required: z.string().optional(),
  readOnly: z.string().optional(),
  default: z.string().optional(),
  choiceFilter: z.string().optional(),
  repeatCount: z.string().optional(),
  appearance: z.string().optional(),
  trigger: z.string().optional(),
});
export type Bindings = z.infer<typeof Bindings>;
export const BINDING_FIELDS = Object.keys(Bindings.shape) as (keyof Bindings)[];

const elementFields = {
  name: z.string().min(1),
  /** The canonical type, e.g. `select_one`, `begin_group`; unknown-to-us types keep pyxform's name. */
  type: z.string().min(1),
  label: Translated,
  hint: Translated,
  guidanceHint: Translated,
  constraintMessage: Translated,
  requiredMessage: Translated,
  media: Media,
  bind: Bindings,
  /** `parameters` cell parsed to a map (`start=1 end=10 step=1`). */
  parameters: z.record(z.string(), z.string()),
  sensitivity: Sensitivity.optional(),
  /** Columns we do not interpret (`bind::…`, `body::…`, custom ones), by header text. */
  extra: z.record(z.string(), z.string()),
};

export const Question = z.object({
  kind: z.literal('question'),
  ...elementFields,
  /** Choice list name, or the attachment file name for `*_from_file`. */
  list: z.string().optional(),
  orOther: z.boolean().optional(),
  /**
   * The `save_to` cell: the entity property this answer is saved to, as written: `prop`, or
   * `list#prop` when the form declares several entity lists.
   */
  saveTo: z.string().optional(),
});
export type Question = z.infer<typeof Question>;

export type Section = z.infer<typeof SectionBase> & { children: SurveyItem[] };
export type SurveyItem = Question | Section;

const SectionBase = z.object({
  /** `loop` is pyxform's `begin loop over LIST`: kept, not supported. */
  kind: z.enum(['group', 'repeat', 'loop']),
  ...elementFields,
  list: z.string().optional(),
});

export const Section: z.ZodType<Section> = SectionBase.extend({
  children: z.lazy(() => z.array(SurveyItem)),
});
export const SurveyItem: z.ZodType<SurveyItem> = z.lazy(() => z.union([Question, Section]));

export const Choice = z.object({
  name: z.string(),
  label: Translated,
  media: Media,
  /** Other columns (filter columns such as `county`, geometry…), by header text. */
  extra: z.record(z.string(), z.string()),
});
export type Choice = z.infer<typeof Choice>;

export const Settings = z.object({
  formId: z.string().optional(),
  formTitle: z.string().optional(),
  version: z.string().optional(),
  instanceName: z.string().optional(),
  defaultLanguage: z.string().optional(),
  style: z.string().optional(),
  /** Every other setting (`public_key`, `allow_choice_duplicates`…), by header text. */
  extra: z.record(z.string(), z.string()),
});
export type Settings = z.infer<typeof Settings>;

/**
 * The entity lists whose entities become Coproduce records when a submission arrives (the
 * server's records/from-submission.ts); other lists are kept in the form and make no records.
 */
export const RECORD_LISTS = ['structures', 'households', 'household_members'] as const;

/**
 * One row of the `entities` sheet (ODK entities, as pyxform 4.5 reads it): the submission creates
 * or updates one entity of the list `list`. Cells are kept as written (`${name}` references).
 * Without `entityId` the entity is created (when `createIf` holds, or always); with it, the
 * entity of that id is updated (when `updateIf` holds, or always), or created when `createIf` holds.
 * pyxform places each entity in the repeat its `save_to` and `${}` references point into (see
 * `entityPlacements`); its `repeat` column is allowed but not read.
 */
export const EntityDeclaration = z.object({
  list: z.string().min(1),
  label: z.string().optional(),
  entityId: z.string().optional(),
  createIf: z.string().optional(),
  updateIf: z.string().optional(),
  repeat: z.string().optional(),
  /** Other columns, by header text (pyxform refuses them, so an accepted form has none). */
  extra: z.record(z.string(), z.string()),
});
export type EntityDeclaration = z.infer<typeof EntityDeclaration>;

/** A sheet we keep without interpreting (`external_choices`, `osm`, a notes sheet…). */
export const KeptSheet = z.object({
  name: z.string(),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
});
export type KeptSheet = z.infer<typeof KeptSheet>;

export const Form = z.object({
  settings: Settings,
  survey: z.array(SurveyItem),
  /** Choice lists by list name, choices in sheet order. */
  choices: z.record(z.string(), z.array(Choice)),
  /** Extra choice columns in sheet order, so export writes them back where they were. */
  choiceColumns: z.array(z.string()),
  /** The `entities` sheet, one declaration per entity list; absent when the form has none. */
  entities: z.array(EntityDeclaration).optional(),
  otherSheets: z.array(KeptSheet),
});
export type Form = z.infer<typeof Form>;
