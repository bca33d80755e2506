import type { Question, Section, Sensitivity, SurveyItem } from '../model.ts';
import {
  because,
  coded,
  type ImportProblemCode,
  type Problem,
  type ProblemParams,
  problem,
} from '../problems.ts';
import { maxSectionDepth } from '../survey-tree.ts';
import { type Column, parseParameters, readColumns } from './columns.ts';
import type { RawSheet } from './sheets.ts';
import { type ParsedType, parseType } from './types.ts';

/** Where each item came from, to locate later problems. */
export interface SurveyPlaces {
  rowOf: Map<SurveyItem, number>;
  columns: Column[];
}

type Fields = Omit<Question, 'kind' | 'type' | 'list' | 'orOther' | 'saveTo'>;

const SECTION_WORD = { group: 'group', repeat: 'repeat', loop: 'loop' } as const;

function emptyFields(name: string): Fields {
  return {
    name,
    label: {},
    hint: {},
    guidanceHint: {},
    constraintMessage: {},
    requiredMessage: {},
    media: {},
    bind: {},
    parameters: {},
    extra: {},
  };
}

/** Fills an item's fields from a row's cells, reporting bad `parameters` and `sensitivity` cells. */
function readFields(
  sheet: string,
  row: number,
  cells: Map<number, string>,
  columns: Column[],
  problems: Problem[],
): Fields & { type?: string; saveTo?: string } {
  const fields: Fields & { type?: string; saveTo?: string } = emptyFields('');
  for (const { col, header, meaning } of columns) {
    const text = cells.get(col);
    if (text === undefined) continue;
    switch (meaning.kind) {
      case 'type':
        fields.type = text;
        break;
      case 'name':
        fields.name = text;
        break;
      case 'saveTo':
        fields.saveTo = text;
        break;
      case 'text':
        fields[meaning.field][meaning.lang] = text;
        break;
      case 'media':
        fields.media[meaning.media] = { ...fields.media[meaning.media], [meaning.lang]: text };
        break;
      case 'bind':
        fields.bind[meaning.field] = text;
        break;
      case 'parameters': {
        const parsed = parseParameters(text);
        if (parsed) fields.parameters = parsed;
        else problems.push(problem(sheet, row, header, because('form.xlsform.parameters.syntax')));
        break;
      }
      case 'sensitivity': {
        const value = text.toLowerCase();
        if (value === 'personal' || value === 'special') fields.sensitivity = value as Sensitivity;
        else
          problems.push(
            problem(sheet, row, header, because('form.xlsform.sensitivity.invalid', { value: text })),
          );
        break;
      }
      case 'listName':
      case 'extra':
        fields.extra[header] = text;
        break;
    }
  }
  return fields;
}

function typeProblem(
  parsed: ParsedType,
  typeText: string,
  at: (code: ImportProblemCode, params?: ProblemParams) => Problem,
): Problem | string | null {
  switch (parsed.kind) {
    case 'unknown':
      return parsed.suggestion
        ? at('form.xlsform.type.unknown_guess', { type: typeText, suggestion: parsed.suggestion })
        : at('form.xlsform.type.unknown', { type: typeText });
    case 'missingList':
      return at('form.xlsform.type.missing_list', { type: typeText, example: `${parsed.type} yes_no` });
    case 'include':
      return '"include" is not supported: pyxform only resolves it with the included form beside it; copy its rows in';
    default:
      return null;
  }
}

/** Builds the group/repeat tree from the survey sheet, reporting unmatched begin/end rows. */
export function readSurvey(
  sheet: RawSheet,
  problems: Problem[],
): { survey: SurveyItem[]; places: SurveyPlaces } {
  const columns = readColumns(sheet, problems);
  const typeHeader = columns.find((c) => c.meaning.kind === 'type')?.header ?? null;
  const nameHeader = columns.find((c) => c.meaning.kind === 'name')?.header ?? 'name';
  const rowOf = new Map<SurveyItem, number>();
  const root: SurveyItem[] = [];
  const open: { section: Section; row: number }[] = [];
  const siblings = () => open.at(-1)?.section.children ?? root;
  if (sheet.headers.length === 0 || sheet.rows.length === 0) {
    problems.push(problem(sheet.name, null, null, because('form.xlsform.survey.empty')));
    return { survey: root, places: { rowOf, columns } };
  }
  if (!typeHeader) {
    problems.push(coded(sheet.name, sheet.headerRow, null, 'form.xlsform.survey.no_type_column'));
    return { survey: root, places: { rowOf, columns } };
  }
  for (const { row, cells } of sheet.rows) {
    const { type: typeText, saveTo, ...fields } = readFields(sheet.name, row, cells, columns, problems);
    if (!typeText) {
      // pyxform skips comment rows, but a row with a name or a label is a question missing its type.
      if (fields.name)
        problems.push(coded(sheet.name, row, typeHeader, 'form.xlsform.type.missing', { name: fields.name }));
      else if (Object.keys(fields.label).length > 0)
        problems.push(coded(sheet.name, row, typeHeader, 'form.xlsform.type.missing_labelled'));
      continue;
    }
    const parsed = parseType(typeText);
    const refused = typeProblem(parsed, typeText, (code, params) =>
      coded(sheet.name, row, typeHeader, code, params),
    );
    if (refused) {
      problems.push(typeof refused === 'string' ? problem(sheet.name, row, typeHeader, refused) : refused);
      continue;
    }
    if (saveTo !== undefined && (parsed.kind === 'begin' || parsed.kind === 'end')) {
      const column = columns.find((c) => c.meaning.kind === 'saveTo')?.header ?? 'save_to';
      problems.push(coded(sheet.name, row, column, 'form.xlsform.save_to.on_section'));
    }
    if (parsed.kind === 'end') {
      const top = open.at(-1);
      if (!top) {
        problems.push(
          coded(sheet.name, row, typeHeader, 'form.xlsform.end.unmatched', {
            type: typeText,
            section: parsed.section,
          }),
        );
      } else if (top.section.kind !== parsed.section) {
        problems.push(
          coded(sheet.name, row, typeHeader, 'form.xlsform.end.mismatched', {
            type: typeText,
            section: top.section.kind,
            name: top.section.name,
            otherRow: top.row,
          }),
        );
        open.pop();
      } else {
        open.pop();
      }
      continue;
    }
    // pyxform names nameless notes itself.
    if (!fields.name && parsed.kind === 'question' && parsed.type === 'note')
      fields.name = `generated_note_name_${row}`;
    // pyxform names an audit itself (and refuses any other name, see type-rules.ts).
    if (!fields.name && parsed.kind === 'question' && parsed.type === 'audit') fields.name = 'audit';
    if (!fields.name) {
      const what = parsed.kind === 'begin' ? SECTION_WORD[parsed.section] : 'question';
      problems.push(coded(sheet.name, row, nameHeader, 'form.xlsform.name.missing', { what }));
      continue;
    }
    if (!/^[\p{L}_][\p{L}\p{N}_.-]*$/u.test(fields.name)) {
      problems.push(coded(sheet.name, row, nameHeader, 'form.xlsform.name.invalid', { name: fields.name }));
      continue;
    }
    if (parsed.kind === 'begin' && open.length >= maxSectionDepth) {
      // Deeper would only strain the readers that follow; the rows after it would be noise.
      problems.push(
        problem(
          sheet.name,
          row,
          typeHeader,
          because('form.xlsform.section.too_deep', { maximum: maxSectionDepth }),
        ),
      );
      return { survey: root, places: { rowOf, columns } };
    }
    const target = siblings();
    let item: SurveyItem;
    if (parsed.kind === 'begin') {
      const section: Section = {
        kind: parsed.section,
        type: `begin_${parsed.section}`,
        ...fields,
        children: [],
      };
      if (parsed.list) section.list = parsed.list;
      open.push({ section, row });
      item = section;
    } else if (parsed.kind === 'question') {
      const question: Question = { kind: 'question', type: parsed.type, ...fields };
      if (parsed.list !== undefined) question.list = parsed.list;
      if (parsed.orOther) question.orOther = true;
      if (saveTo !== undefined) question.saveTo = saveTo;
      item = question;
    } else {
      continue;
    }
    target.push(item);
    rowOf.set(item, row);
  }
  for (const { section, row } of open.reverse()) {
    problems.push(
      problem(
        sheet.name,
        row,
        typeHeader,
        because('form.xlsform.section.unclosed', { section: section.kind, name: section.name }),
      ),
    );
  }
  return { survey: root, places: { rowOf, columns } };
}
