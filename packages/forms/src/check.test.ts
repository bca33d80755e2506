// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm references are written ${name}
import { describe, expect, it } from 'vitest';
import { checkXlsForm } from './check.ts';
import { workbookBytes } from './xlsform/testing/workbook.ts';

describe('checkXlsForm', () => {
  it('describes a valid form in the JSON of `coproduce forms check`', async () => {
    const bytes = await workbookBytes({
      survey: [
        ['type', 'name', 'label::English (en)', 'label::isiZulu (zu)', 'relevant', 'required', 'sensitivity'],
        ['begin_group', 'household', 'Household', 'Umndeni'],
        ['integer', 'size', 'How many people?', 'Bangaki?', '', 'yes'],
        ['begin_repeat', 'member', 'Member', 'Ilungu', '${size} > 0'],
        ['text', 'initials', 'Initials', 'Izinhlamvu', '', '', 'personal'],
        ['end_repeat'],
        ['end_group'],
        ['select_one yn', 'ok', 'OK?'],
        ['barcode', 'code', 'Scan the code'],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['yn', 'yes', 'Yes'],
      ],
    });
    const result = await checkXlsForm(bytes, 'uploads/household.xlsx');
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      ok: true,
      title: 'household',
      formId: 'household',
      version: null,
      languages: ['default', 'English (en)', 'isiZulu (zu)'],
      questions: [
        q('/household', 'begin_group', { label: { 'English (en)': 'Household', 'isiZulu (zu)': 'Umndeni' } }),
        q('/household/size', 'integer', {
          label: { 'English (en)': 'How many people?', 'isiZulu (zu)': 'Bangaki?' },
          required: 'yes',
        }),
        q('/household/member', 'begin_repeat', {
          label: { 'English (en)': 'Member', 'isiZulu (zu)': 'Ilungu' },
          relevant: '${size} > 0',
          repeat: true,
        }),
        q('/household/member/initials', 'text', {
          label: { 'English (en)': 'Initials', 'isiZulu (zu)': 'Izinhlamvu' },
          repeat: true,
          sensitivity: 'personal',
        }),
        q('/ok', 'select_one', { list: 'yn', label: { 'English (en)': 'OK?' } }),
        q('/code', 'barcode', { label: { 'English (en)': 'Scan the code' } }),
      ],
      choices: { yn: [{ name: 'yes', label: { default: 'Yes' } }] },
      warnings: [
        {
          sheet: 'survey',
          row: 9,
          column: 'type',
          message: '"barcode" is kept in the form but not supported yet',
          code: 'form.xlsform.type.kept',
          params: { type: 'barcode' },
        },
      ],
    });
  });

  it('lists the errors of an invalid form', async () => {
    const bytes = await workbookBytes({
      survey: [
        ['type', 'name'],
        ['txt', 'a'],
      ],
    });
    expect(await checkXlsForm(bytes, 'f.xlsx')).toEqual({
      ok: false,
      errors: [
        {
          sheet: 'survey',
          row: 2,
          column: 'type',
          message: 'unknown question type "txt" (did you mean "text"?)',
          code: 'form.xlsform.type.unknown_guess',
          params: { type: 'txt', suggestion: 'text' },
        },
      ],
    });
  });

  it('takes the title, id and version from settings', async () => {
    const bytes = await workbookBytes({
      survey: [
        ['type', 'name', 'label'],
        ['text', 'a', 'A'],
      ],
      settings: [
        ['form_title', 'form_id', 'version'],
        ['Profile', 'profile', '3'],
      ],
    });
    expect(await checkXlsForm(bytes, 'f.xlsx')).toMatchObject({
      title: 'Profile',
      formId: 'profile',
      version: '3',
    });
  });
});

function q(path: string, type: string, fields: Record<string, unknown>) {
  return {
    path,
    type,
    list: null,
    label: {},
    relevant: null,
    constraint: null,
    calculation: null,
    required: null,
    readOnly: null,
    repeat: false,
    sensitivity: null,
    ...fields,
  };
}
