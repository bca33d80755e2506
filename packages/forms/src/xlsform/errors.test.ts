// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm references are written ${name}
import { describe, expect, it } from 'vitest';
import { describeProblem } from '../problems.ts';
import { importXlsForm } from './import.ts';
import { codedErrorsOf, errorsOf, yesNo } from './testing/import-errors.ts';
import type { SheetRows } from './testing/workbook.ts';
import { workbookBytes } from './testing/workbook.ts';

describe('located errors a coordinator can fix', () => {
  it('unknown type, with a suggestion, at its row and the type column', async () => {
    const rows: SheetRows = [['type', 'name', 'label']];
    for (let i = 0; i < 10; i++) rows.push(['text', `q${i}`, 'Q']);
    rows.push(['slect_one yn', 'bad', 'Bad']);
    const errors = await errorsOf({ survey: rows, choices: yesNo });
    expect(errors).toEqual([
      {
        sheet: 'survey',
        row: 12,
        column: 'type',
        message: 'unknown question type "slect_one yn" (did you mean "select_one"?)',
      },
    ]);
    expect(describeProblem(errors[0]!)).toBe(
      'survey row 12, type: unknown question type "slect_one yn" (did you mean "select_one"?)',
    );
    // Screens word it from the code and its parameters, in the reader's language.
    expect((await codedErrorsOf({ survey: rows, choices: yesNo }))[0]).toMatchObject({
      code: 'form.xlsform.type.unknown_guess',
      params: { type: 'slect_one yn', suggestion: 'select_one' },
    });
  });

  it('groups nested past the limit, at the row that goes too deep, and nothing after it', async () => {
    const rows: SheetRows = [['type', 'name', 'label']];
    for (let i = 0; i < 150; i++) rows.push(['begin_group', `g${i}`, 'G']);
    rows.push(['text', 'q', 'Q']);
    for (let i = 0; i < 150; i++) rows.push(['end_group', '', '']);
    expect(await errorsOf({ survey: rows })).toEqual([
      {
        sheet: 'survey',
        row: 102,
        column: 'type',
        message: 'groups and repeats nest more than 100 deep here: close some with end_group or end_repeat',
      },
    ]);
  });

  it('a question with nothing to show (no label, hint or media), as pyxform', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name', 'label', 'guidance_hint', 'big-image'],
        ['integer', 'age'],
        ['text', 'g', '', 'Ask gently'],
        ['note', 'n', 'Look', '', 'big.png'],
      ],
    });
    expect(errors).toEqual([
      {
        sheet: 'survey',
        row: 2,
        column: 'label',
        message: '"age" has no label or hint: add the question text',
      },
      {
        sheet: 'survey',
        row: 3,
        column: 'label',
        message:
          '"g" has no label or hint (a guidance_hint alone is not shown by default): add the question text',
      },
      {
        sheet: 'survey',
        row: 4,
        column: 'label',
        message: '"n" has a big-image but no image: add the smaller image too',
      },
    ]);
    const calculation = await errorsOf({
      survey: [
        ['type', 'name', 'calculation'],
        ['calculate', 'c', ''],
      ],
    });
    expect(calculation).toEqual([
      { sheet: 'survey', row: 2, column: 'calculation', message: 'the calculate "c" has no calculation' },
    ]);
  });

  it('a labelled row with no type', async () => {
    expect(
      await errorsOf({
        survey: [
          ['type', 'name', 'label'],
          ['', '', 'What is your name?'],
        ],
      }),
    ).toEqual([{ sheet: 'survey', row: 2, column: 'type', message: 'this labelled row has no type' }]);
  });

  it('a select_multiple list with a space in a choice name', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name', 'label'],
        ['select_multiple fruit', 'f', 'Fruit'],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['fruit', 'green apple', 'Green apple'],
      ],
    });
    expect(errors).toEqual([
      {
        sheet: 'survey',
        row: 2,
        column: 'type',
        message:
          'the choice "green apple" of the list "fruit" has a space in its name, which select_multiple cannot store',
      },
    ]);
  });

  it('duplicate names in the same group, not across groups; a name differing only in case is a warning', async () => {
    const errors = await codedErrorsOf({
      survey: [
        ['type', 'name', 'label'],
        ['text', 'age', 'Age'],
        ['begin_group', 'g', 'G'],
        ['text', 'age', 'Age'],
        ['end_group'],
        ['integer', 'age', 'Age again'],
        ['integer', 'AGE', 'Age in capitals'],
        ['note', 'meta', 'Meta'],
      ],
    });
    expect(errors).toEqual([
      {
        sheet: 'survey',
        row: 6,
        column: 'name',
        message:
          'the name "age" is already used on row 2 in the survey: names must be unique within their group',
        code: 'form.xlsform.name.duplicate',
        params: { name: 'age', otherRow: 2, parent: 'the survey' },
      },
      {
        sheet: 'survey',
        row: 8,
        column: 'name',
        message: 'the name "meta" is reserved for the form\'s metadata: use another name',
        code: 'form.xlsform.name.meta_reserved',
        params: {},
      },
    ]);
    const result = await importXlsForm(
      await workbookBytes({
        survey: [
          ['type', 'name', 'label'],
          ['text', 'age', 'Age'],
          ['integer', 'AGE', 'Age in capitals'],
        ],
      }),
      'form.xlsx',
    );
    expect(result.ok && result.warnings).toEqual([
      expect.objectContaining({ row: 3, column: 'name', code: 'form.xlsform.name.differs_only_in_case' }),
    ]);
  });

  it('two repeats with one name anywhere, or a repeat named like the form; groups may share names (pyxform)', async () => {
    const errors = await codedErrorsOf({
      survey: [
        ['type', 'name', 'label'],
        ['begin_repeat', 'r1', 'R1'],
        ['begin_group', 'g1', 'G1'],
        ['text', 'q1', 'Q1'],
        ['end_group'],
        ['end_repeat'],
        ['begin_group', 'g2', 'G2'],
        ['begin_group', 'g1', 'G1 again, elsewhere'],
        ['begin_repeat', 'r1', 'R1 again'],
        ['text', 'q2', 'Q2'],
        ['end_repeat'],
        ['end_group'],
        ['end_group'],
        ['begin_repeat', 'data', 'Data'],
        ['text', 'q3', 'Q3'],
        ['end_repeat'],
      ],
    });
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [9, 'name', 'form.xlsform.name.repeat_duplicate'],
      [14, 'name', 'form.xlsform.name.repeat_is_root'],
    ]);
  });

  it('missing choice list', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name', 'label'],
        ['select_one colours', 'c', 'Colour'],
      ],
      choices: yesNo,
    });
    expect(errors).toEqual([
      {
        sheet: 'survey',
        row: 2,
        column: 'type',
        message: 'the choice list "colours" is not in the choices sheet',
      },
    ]);
  });

  it('select without a list name', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name'],
        ['select_one', 'c'],
      ],
    });
    expect(errors[0]).toEqual({
      sheet: 'survey',
      row: 2,
      column: 'type',
      message: '"select_one" needs the name of a choice list after it, e.g. "select_one yes_no"',
    });
  });

  it('unmatched begin and end of groups and repeats', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name', 'label'],
        ['begin_repeat', 'people', 'People'],
        ['text', 'n', 'Name'],
        ['end_group'],
        ['end_repeat'],
        ['begin group', 'open', 'Open'],
        ['text', 'x', 'X'],
      ],
    });
    expect(errors).toEqual([
      {
        sheet: 'survey',
        row: 4,
        column: 'type',
        message: '"end_group" closes the repeat "people" begun on row 2: use end_repeat',
      },
      { sheet: 'survey', row: 5, column: 'type', message: '"end_repeat" has no matching begin_repeat' },
      {
        sheet: 'survey',
        row: 6,
        column: 'type',
        message: 'begin_group "open" is never closed with end_group',
      },
    ]);
  });

  it('a question or a group with no name', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name', 'label'],
        ['text', '', 'No name'],
        ['begin_group', '', 'Group'],
        ['end_group'],
      ],
    });
    expect(errors).toEqual([
      { sheet: 'survey', row: 2, column: 'name', message: 'this question has no name: every row needs one' },
      { sheet: 'survey', row: 3, column: 'name', message: 'this group has no name: every row needs one' },
      { sheet: 'survey', row: 4, column: 'type', message: '"end_group" has no matching begin_group' },
    ]);
  });

  it('invalid names, duplicate choices, or_other with a filter, bad sensitivity', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name', 'label', 'choice_filter', 'sensitivity'],
        ['text', '1st', 'First'],
        ['select_one yn or_other', 's', 'S', 'x=1'],
        ['text', 't', 'T', '', 'secret'],
      ],
      choices: [...yesNo, ['yn', 'yes', 'Yes again']],
    });
    expect(errors).toEqual([
      {
        sheet: 'survey',
        row: 2,
        column: 'name',
        message:
          '"1st" is not a valid name: start with a letter or "_", then only letters, digits, "_", "-" or "."',
      },
      {
        sheet: 'survey',
        row: 4,
        column: 'sensitivity',
        message: 'sensitivity must be "personal" or "special", not "secret"',
      },
      {
        sheet: 'choices',
        row: 4,
        column: 'name',
        message:
          'the list "yn" has the choice name "yes" more than once: rename one, or set allow_choice_duplicates to yes in settings',
      },
    ]);
  });
});
