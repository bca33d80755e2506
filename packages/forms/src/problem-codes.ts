/**
 * Every coded import problem, in one place: its stable code and its English sentence, with
 * `{param}` placeholders (ICU MessageFormat simple arguments, so a screen can show the same
 * problem in the user's language from `code` and `params`). Every import problem has a code: `problem()`
 * takes no plain sentence.
 */
export const IMPORT_PROBLEMS = {
  // The workbook's shape: the sheets and columns every form needs.
  'form.xlsform.sheet.no_survey': 'the workbook has no sheet named "survey"; its sheets are {sheets}',
  'form.xlsform.sheet.no_survey_guess':
    'the workbook has no sheet named "survey" (is "{guess}" meant to be "survey"?); its sheets are {sheets}',
  'form.xlsform.survey.no_type_column': 'the survey sheet has no "type" column',
  'form.xlsform.choices.no_column': 'the choices sheet has no "{column}" column',
  'form.xlsform.choices.no_name': 'a choice in the list "{list}" has no name',
  // References, labels and expressions.
  'form.xlsform.reference.unknown': '${{name}} refers to no question: no row is named "{name}"',
  'form.xlsform.reference.ambiguous': '${{name}} is ambiguous: {count} rows are named "{name}"',
  'form.xlsform.label.missing': '"{name}" has no label or hint: add the question text',
  'form.xlsform.label.missing_guidance':
    '"{name}" has no label or hint (a guidance_hint alone is not shown by default): add the question text',
  'form.xlsform.media.big_image_alone': '"{name}" has a big-image but no image: add the smaller image too',
  'form.xlsform.expression.syntax': 'bad expression at character {position}: {detail}',
  'form.xlsform.expression.kept': '{detail}; kept as written',
  'form.xlsform.function.unsupported': 'the function {name}() is kept but not supported yet',
  'form.xlsform.type.kept': '"{type}" is kept in the form but not supported yet',
  'form.xlsform.column.kept': 'the column "{column}" is kept but not supported yet',
  'form.xlsform.sheet.kept': 'the "{sheet}" sheet is kept but not supported yet',
  'form.xlsform.sheet.ignored_guess': 'the sheet "{sheet}" is ignored: did you mean "{guess}"?',
  'form.xlsform.select.multiple_space':
    'the choice "{choice}" of the list "{list}" has a space in its name, which select_multiple cannot store',
  'form.xlsform.select.or_other_filter': 'or_other cannot be used together with a choice_filter (pyxform)',
  'form.xlsform.select.file_name': '"{list}" must be a file name ending in .csv, .xml or .geojson',
  'form.xlsform.select.file_not_csv':
    'choices from an XML or GeoJSON file ("{list}") are kept but only CSV is supported yet',
  'form.xlsform.file.not_attached':
    'the file "{list}" is not attached to the form: attach it before publishing',
  // The file itself.
  'form.xlsform.file.empty': 'the file is empty',
  'form.xlsform.file.too_large': 'the file is {size}, more than the {maximum} allowed for a form',
  'form.xlsform.file.not_spreadsheet':
    '"{file}" is not a spreadsheet: upload an Excel workbook (.xlsx or .xlsm)',
  'form.xlsform.file.not_spreadsheet_or_text':
    '"{file}" is not a spreadsheet: upload an Excel workbook (.xlsx, .xlsm or .xls), or a form as UTF-8 .csv or .md',
  'form.xlsform.file.not_markdown_form':
    '"{file}" does not look like a markdown table of sheets (| survey | … rows for markdown, "survey" then ",type,name" rows for CSV): upload an Excel workbook, or write the form as pyxform does',
  'form.xlsform.file.not_csv_form':
    '"{file}" does not look like a CSV form (| survey | … rows for markdown, "survey" then ",type,name" rows for CSV): upload an Excel workbook, or write the form as pyxform does',
  'form.xlsform.file.unpacks_too_large':
    'the workbook unpacks to more than {maximum} (a zip bomb or a very large file): remove unused sheets, images or formatting',
  'form.xlsform.file.damaged':
    'the workbook is damaged (an entry cannot be unpacked): save it again as .xlsx',
  'form.xlsform.file.unreadable':
    'the workbook is damaged and cannot be read ({detail}): save it again as .xlsx',
  'form.xlsform.file.xls_damaged': 'the .xls workbook is damaged and cannot be read: save it again as .xlsx',
  'form.xlsform.file.zip_damaged':
    'the workbook is damaged (its zip directory cannot be read): save it again as .xlsx',
  'form.xlsform.file.zip_not_workbook':
    '"{file}" is a zip file but not an Excel workbook: upload an .xlsx or .xlsm file',
  'form.xlsform.file.password_protected':
    'the workbook is password-protected: remove the password in Excel (File → Info) and upload it again',
  'form.xlsform.file.xls_too_old':
    'the .xls workbook is from Excel 95 or older: open it in Excel or LibreOffice and save it as .xlsx',
  'form.xlsform.file.office_not_workbook':
    'the file is an old Office document, not an Excel workbook: save it as .xlsx',
  'form.xlsform.file.macros': 'the workbook contains macros; they are ignored',
  // Budgets a hostile workbook meets while it is unpacked, before anything keeps it.
  'form.xlsform.sheet.too_many_rows':
    'the sheet "{sheet}" has more than {maximum} rows: a form can have at most {maxQuestions} questions and {maxChoices} choices',
  'form.xlsform.sheet.too_large':
    'the sheet "{sheet}" unpacks to more than {maximum}, far more than a form needs: remove images, formatting or unused rows and columns',
  'form.xlsform.file.part_too_large':
    'the part "{part}" of the workbook unpacks to more than {maximum}, far more than a form needs: remove images, formatting or unused rows and columns',
  'form.xlsform.survey.too_many_questions':
    'a form can have at most {maximum} questions; this is question {position}',
  'form.xlsform.choices.too_many':
    'a form can have at most {maximum} choices in all; this is choice {position}',
  'form.xlsform.file.form_too_large':
    'the form is {size} once read, more than the {maximum} a form can be: remove sheets the form does not need, or split it',
  'form.xlsform.cell.formula_without_result':
    'this cell holds a formula with no saved result: open the file in Excel or LibreOffice, let it calculate, and save it',
  'form.xlsform.column.twice': 'the column "{column}" appears twice: delete or rename one of them',
  'form.xlsform.column.synonym': 'the columns "{earlier}" and "{column}" mean the same thing: keep only one',
  'form.xlsform.survey.empty': 'the survey sheet is empty: add a header row and at least one question',
  'form.xlsform.sensitivity.invalid': 'sensitivity must be "personal" or "special", not "{value}"',
  'form.xlsform.parameters.syntax': 'parameters must be written as key=value pairs, e.g. "start=1 end=10"',
  'form.xlsform.parameters.none_taken': '"{type}" takes no parameters; they are kept as written',
  'form.xlsform.parameters.unknown':
    '"{type}" does not take the parameter "{parameter}" (it takes {accepted})',
  'form.xlsform.parameters.not_number': 'the parameter {parameter}={value} must be a number',
  'form.xlsform.parameters.not_whole_number': 'the parameter {parameter}={value} must be a whole number',
  'form.xlsform.parameters.not_boolean': 'the parameter {parameter}={value} must be true or false',
  'form.xlsform.parameters.not_number_or_reference':
    'the parameter {parameter}={value} must be a number or a ${reference}',
  'form.xlsform.parameters.not_one_of': 'the parameter {parameter}={value} must be one of {values}',
  'form.xlsform.parameters.seed_without_randomize': 'the parameter seed needs randomize=true too',
  'form.xlsform.parameters.step_zero': 'the parameter step=0 must not be zero',
  'form.xlsform.end.mismatched':
    '"{type}" closes the {section} "{name}" begun on row {otherRow}: use end_{section}',
  'form.xlsform.section.too_deep':
    'groups and repeats nest more than {maximum} deep here: close some with end_group or end_repeat',
  'form.xlsform.section.unclosed': 'begin_{section} "{name}" is never closed with end_{section}',
  'form.xlsform.choices.duplicate':
    'the list "{list}" has the choice name "{name}" more than once: rename one, or set allow_choice_duplicates to yes in settings',
  'form.xlsform.logic.circular_calculation': 'circular calculation: {chain}',
  'form.xlsform.logic.circular': 'circular logic (calculation or relevance): {chain}',
  // Rows of the survey sheet.
  'form.xlsform.type.missing': '"{name}" has no type',
  'form.xlsform.type.missing_labelled': 'this labelled row has no type',
  'form.xlsform.type.unknown': 'unknown question type "{type}"',
  'form.xlsform.type.unknown_guess': 'unknown question type "{type}" (did you mean "{suggestion}"?)',
  'form.xlsform.type.include':
    '"include" is not supported: pyxform only resolves it with the included form beside it; copy its rows in',
  'form.xlsform.type.missing_list': '"{type}" needs the name of a choice list after it, e.g. "{example}"',
  'form.xlsform.end.unmatched': '"{type}" has no matching begin_{section}',
  'form.xlsform.name.missing': 'this {what} has no name: every row needs one',
  'form.xlsform.name.invalid':
    '"{name}" is not a valid name: start with a letter or "_", then only letters, digits, "_", "-" or "."',
  'form.xlsform.select.unknown_list': 'the choice list "{list}" is not in the choices sheet',
  'form.xlsform.loop.unknown_list': 'the loop\'s list "{list}" is not in the choices sheet',
  'form.xlsform.loop.repeat_copied':
    'the repeat "{name}" is inside a loop, which copies it once per choice: a repeat\'s name must be unique in the whole form',
  'form.xlsform.loop.no_list': 'begin_loop needs a list to loop over: "begin_loop over LIST"',
  'form.xlsform.calculate.no_calculation': 'the calculate "{name}" has no calculation',
  // Names on the survey sheet (pyxform 4.5 unique_names).
  'form.xlsform.name.duplicate':
    'the name "{name}" is already used on row {otherRow} in {parent}: names must be unique within their group',
  'form.xlsform.name.differs_only_in_case':
    'the name "{name}" differs only in case from "{other}" on row {otherRow} in {parent}: some analysis tools do not tell them apart',
  'form.xlsform.name.meta_reserved': 'the name "meta" is reserved for the form\'s metadata: use another name',
  'form.xlsform.name.repeat_duplicate':
    'two repeats are named "{name}" (the other on row {otherRow}): repeat names must be unique in the whole form',
  'form.xlsform.name.repeat_is_root':
    'the repeat name "{name}" is the form\'s own name: use a different name',
  'form.xlsform.name.generated_count_clash':
    'the name "{name}" is taken by the count pyxform makes for the repeat "{repeat}" on row {repeatRow} (its repeat_count is not a plain reference to one question): rename this row',
  // Rules of particular question types (pyxform 4.5).
  'form.xlsform.audit.name': 'an audit is always named "audit": leave its name empty',
  'form.xlsform.audit.parameter_boolean':
    'the audit parameter {parameter} must be true or false, not "{value}"',
  'form.xlsform.audit.track_changes_reasons':
    'the audit parameter track-changes-reasons can only be on-form-edit',
  'form.xlsform.audit.location_incomplete':
    'to record locations in the audit, give all three of location-priority, location-min-interval and location-max-age',
  'form.xlsform.audit.location_priority':
    'location-priority must be no-power, low-power, balanced or high-accuracy, not "{value}"',
  'form.xlsform.audit.location_number': '{parameter} must be a whole number of zero or more, not "{value}"',
  'form.xlsform.audit.location_max_age': 'location-max-age must be at least location-min-interval',
  'form.xlsform.background_geopoint.trigger':
    'a background-geopoint needs a trigger: the question whose answer, when it changes, records the location',
  'form.xlsform.background_geopoint.calculation': 'a background-geopoint takes no calculation',
  'form.xlsform.trigger.hidden_target':
    'the trigger {target} names a question nobody sees (a calculation with no label), so it never changes by hand: trigger on a question on screen',
  'form.xlsform.range.tick_labelset_missing': 'the tick_labelset "{list}" is not a list of the choices sheet',
  'form.xlsform.range.tick_label_not_number': 'the choices of the tick_labelset "{list}" must all be numbers',
  'form.xlsform.range.tick_label_outside':
    'the choices of the tick_labelset "{list}" must be between start and end',
  'form.xlsform.range.tick_label_off_step':
    'the choices of the tick_labelset "{list}" must be start plus a multiple of {parameter}',
  'form.xlsform.range.no_ticks_labels':
    'with the no-ticks appearance, the tick_labelset "{list}" may only label start and end',
  // Secondary instances (external files, choice lists) and search() (pyxform 4.5).
  'form.xlsform.instance.duplicate_external':
    'the external data "{instance}" is declared {count} times (xml-external or csv-external rows): each file can be declared once',
  'form.xlsform.instance.different_sources':
    'the name "{instance}" would stand for two different data sources ({first} and {second}): rename the file, list or question',
  'form.xlsform.search.from_file':
    'search() cannot be used on a select from a file: remove it or use a choice list',
  'form.xlsform.search.shared_list':
    'the list "{list}" is used with search() here, and without it by {others}: use search() on every question of that list, or give this one its own list',
  'form.xlsform.trigger.syntax':
    'a trigger names questions as ${name}, several separated by commas, not "{trigger}"',
  // Constructs the form engine evaluates but the web form does not offer yet.
  'form.xlsform.select.from_answers':
    "the choices are the answers to {question} (pyxform: choices from earlier repeat answers); ODK Collect and the form engine list them, but Coproduce's web form does not show them yet",
  'form.xlsform.last_saved':
    "{reference} reads the last record saved on the device; Coproduce's web form keeps none yet, so it reads as blank there (as in a first record in ODK Collect)",
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
  'form.xlsform.save_to.without_entities':
    'save_to saves this answer to an entity, but the form declares none: add an entities sheet with a row for the entity list',
  'form.xlsform.save_to.several_hashes': 'a save_to value has at most one "#" (list#property): "{saveTo}"',
  'form.xlsform.save_to.needs_list':
    'the form declares several entity lists, so save_to must say which one: write list#{saveTo}, e.g. {example}#{saveTo}',
  'form.xlsform.save_to.unknown_list': 'the entity list "{list}" of save_to is not on the entities sheet',
  'form.xlsform.save_to.invalid':
    '"{saveTo}" is not a valid property name: start with a letter or "_", then letters, digits, "_", "-" or "."',
  'form.xlsform.save_to.reserved': 'an entity property cannot be called "name" or "label" (in any case)',
  'form.xlsform.save_to.reserved_prefix':
    'an entity property name must not begin with two underscores: "{saveTo}"',
  'form.xlsform.save_to.duplicate':
    'the entity property "{saveTo}" is already saved by row {otherRow}: each property is saved by one question',
  'form.xlsform.save_to.scope':
    'the entity list "{list}" is saved from {otherScope}, which is not inside the same repeat as this save_to in {scope}: copy the value into that repeat with a calculate and save that',
  'form.xlsform.entities.variable_scope':
    'the entity list "{list}" refers to {question} in {scope}, outside the repeat {otherScope} it is saved in: copy the value into that repeat with a calculate',
  'form.xlsform.entities.no_container':
    'every group or repeat holds at most one entity, and no container is left in {scope} for this one (row {otherRow} took it): save the entities from different repeats or groups',
  'form.xlsform.entities.unknown_reference':
    '{question} in the entities sheet names no question of the survey',
  'form.xlsform.entities.ambiguous_reference':
    '{question} in the entities sheet is ambiguous: {count} rows have that name',
  'form.xlsform.entities.not_applied':
    'the entity list "{list}" is kept, but submissions make records only of the lists {lists}',
} as const satisfies Record<string, string>;

export type ImportProblemCode = keyof typeof IMPORT_PROBLEMS;
export type ProblemParams = Record<string, string | number>;

/** The English sentence of a code with its parameters filled in. */
export function problemMessage(code: ImportProblemCode, params: ProblemParams): string {
  return IMPORT_PROBLEMS[code].replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(params, key) ? String(params[key]) : whole,
  );
}
