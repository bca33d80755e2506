/**
 * Every coded import problem, in one place: its stable code and its English sentence, with
 * `{param}` placeholders (ICU MessageFormat simple arguments, so a screen can show the same
 * problem in the user's language from `code` and `params`). Problems made before codes existed
 * carry only their message.
 */
export const IMPORT_PROBLEMS = {
  // The entities sheet (ODK entities, pyxform 4.5).
  'form.xlsform.entities.unknown_columns':
    'the entities sheet does not take the column(s) {columns}: it takes list_name, label, entity_id, create_if, update_if and repeat',
  'form.xlsform.entities.no_list_name': 'this entity has no list_name: every entity list needs a name',
  'form.xlsform.entities.list_name_reserved': 'the list_name "{list}" must not begin with two underscores',
  'form.xlsform.entities.list_name_period': 'the list_name "{list}" must not contain a period',
  'form.xlsform.entities.list_name_invalid':
    '"{list}" is not a valid list_name: start with a letter or "_", then only letters, digits, "_", "-" or "."',
  'form.xlsform.entities.duplicate_list': 'the entity list "{list}" is declared twice: keep one row for it',
  'form.xlsform.entities.no_label':
    'the entity list "{list}" creates entities, so it needs a label (or give an entity_id to update entities instead)',
  'form.xlsform.entities.upsert_without_update_if':
    'the entity list "{list}" has an entity_id and a create_if, so it also needs an update_if',
  'form.xlsform.entities.update_if_without_entity_id':
    'the entity list "{list}" has an update_if but no entity_id: updating needs the id of the entity (or move it to create_if)',
  'form.xlsform.save_to.on_section':
    'groups and repeats cannot be saved to an entity property: remove the save_to value from this row',
  'form.xlsform.entities.not_applied':
    'the entities sheet is read and kept, but Coproduce does not create or update records from it yet',
} as const satisfies Record<string, string>;

export type ImportProblemCode = keyof typeof IMPORT_PROBLEMS;
export type ProblemParams = Record<string, string | number>;

/** The English sentence of a code with its parameters filled in. */
export function problemMessage(code: ImportProblemCode, params: ProblemParams): string {
  return IMPORT_PROBLEMS[code].replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(params, key) ? String(params[key]) : whole,
  );
}
