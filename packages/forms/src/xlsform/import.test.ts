// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm references are written ${name}
import { describe, expect, it } from 'vitest';
import type { Form, Question, Section } from '../model.ts';
import { importXlsForm } from './import.ts';
import { type SheetRows, workbookBytes } from './testing/workbook.ts';

async function imported(sheets: Record<string, SheetRows>) {
  const result = await importXlsForm(await workbookBytes(sheets), 'my-form.xlsx');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

const question = (form: Form, index: number) => form.survey[index] as Question;

describe('importing XLSForm workbooks', () => {
  it('reads types through pyxform aliases and any case', async () => {
    const { form } = await imported({
      survey: [
        ['Type', 'Name', 'Label'],
        ['select one yn', 'a', 'A'],
        ['select_one yn or_other', 'b', 'B'],
        ['select all that apply from yn or specify other', 'c', 'C'],
        ['Integer', 'd', 'D'],
        ['int', 'e', 'E'],
        ['datetime', 'f', 'F'],
        ['gps', 'g', 'G'],
        ['begin group', 'grp', 'Group'],
        ['photo', 'h', 'H'],
        ['END GROUP'],
        ['rank yn', 'i', 'I'],
        ['trigger', 'j', 'J'],
      ],
      choices: [
        ['list name', 'name', 'label'],
        ['yn', 'yes', 'Yes'],
      ],
    });
    const types = form.survey.map((q) => [q.type, q.kind === 'question' ? (q.list ?? null) : null]);
    expect(types).toEqual([
      ['select_one', 'yn'],
      ['select_one', 'yn'],
      ['select_multiple', 'yn'],
      ['integer', null],
      ['integer', null],
      ['dateTime', null],
      ['geopoint', null],
      ['begin_group', null],
      ['rank', 'yn'],
      ['acknowledge', null],
    ]);
    expect(question(form, 1).orOther).toBe(true);
    expect(question(form, 2).orOther).toBe(true);
    expect((form.survey[7] as Section).children.map((c) => c.type)).toEqual(['image']);
  });

  it('reads languages written as label:English and label::English (en), with media per language', async () => {
    const { form } = await imported({
      survey: [
        [
          'type',
          'name',
          'label:English',
          'label::isiZulu (zu)',
          'hint',
          'image::English',
          'media::audio::isiZulu (zu)',
          'guidance_hint::isiZulu (zu)',
          'big-image',
        ],
        ['note', 'n', 'Hello', 'Sawubona', 'A hint', 'hello.png', 'sawubona.mp3', 'Usizo', 'big.png'],
      ],
    });
    const note = question(form, 0);
    expect(note.label).toEqual({ English: 'Hello', 'isiZulu (zu)': 'Sawubona' });
    expect(note.hint).toEqual({ default: 'A hint' });
    expect(note.guidanceHint).toEqual({ 'isiZulu (zu)': 'Usizo' });
    expect(note.media).toEqual({
      image: { English: 'hello.png' },
      audio: { 'isiZulu (zu)': 'sawubona.mp3' },
      'big-image': { default: 'big.png' },
    });
  });

  it('reads bindings, parameters, sensitivity and settings, and keeps unknown columns', async () => {
    const { form, warnings } = await imported({
      survey: [
        [
          'type',
          'name',
          'label',
          'relevant',
          'constraint',
          'constraint_message',
          'required',
          'required_message',
          'read_only',
          'default',
          'appearance',
          'parameters',
          'sensitivity',
          'calculation',
          'trigger',
          'bind::odk:length',
          'my notes',
        ],
        [
          'integer',
          'age',
          'Age',
          '',
          '. >= 0',
          'Too small',
          'yes',
          'Please answer',
          '',
          '',
          'numbers',
          '',
          'personal',
          '',
          '',
          '',
          'ask gently',
        ],
        [
          'range',
          'score',
          'Score',
          '${age} > 10',
          '',
          '',
          '',
          '',
          'false',
          '${age}',
          '',
          'start=1 end = 10, step=1',
          '',
          '',
          '${age}',
          '5',
        ],
        ['calculate', 'double', '', '', '', '', '', '', '', '', '', '', 'special', '${age} * 2'],
      ],
      settings: [
        ['form_title', 'form_id', 'version', 'instance_name', 'default_language', 'style', 'public_key'],
        ['Household', 'hh', 2024010101, 'concat(${age}, "y")', 'English (en)', 'pages', 'KEY'],
      ],
    });
    const [age, score, double] = form.survey as Question[];
    expect(age!.bind).toEqual({ constraint: '. >= 0', required: 'yes', appearance: 'numbers' });
    expect(age!.constraintMessage).toEqual({ default: 'Too small' });
    expect(age!.requiredMessage).toEqual({ default: 'Please answer' });
    expect(age!.sensitivity).toBe('personal');
    expect(age!.extra).toEqual({ 'my notes': 'ask gently' });
    expect(score!.parameters).toEqual({ start: '1', end: '10', step: '1' });
    expect(score!.bind).toEqual({
      relevant: '${age} > 10',
      readOnly: 'false',
      default: '${age}',
      trigger: '${age}',
    });
    expect(score!.extra).toEqual({ 'bind::odk:length': '5' });
    expect(double!.sensitivity).toBe('special');
    expect(form.settings).toEqual({
      formTitle: 'Household',
      formId: 'hh',
      version: '2024010101',
      instanceName: 'concat(${age}, "y")',
      defaultLanguage: 'English (en)',
      style: 'pages',
      extra: { public_key: 'KEY' },
    });
    expect(warnings).toEqual([
      {
        sheet: 'survey',
        row: 3,
        column: 'bind::odk:length',
        message: 'the column "bind::odk:length" is kept but not supported yet',
        code: 'form.xlsform.column.kept',
        params: { column: 'bind::odk:length' },
      },
    ]);
  });

  it('nests groups and repeats, keeps choice filter columns', async () => {
    const { form } = await imported({
      survey: [
        ['type', 'name', 'label', 'repeat_count', 'choice_filter'],
        ['integer', 'count', 'How many?'],
        ['begin_repeat', 'member', 'Member', '${count}'],
        ['begin_group', 'about', 'About'],
        ['select_one province', 'prov', 'Province'],
        ['select_one district', 'dist', 'District', '', 'province=${prov}'],
        ['end_group'],
        ['end_repeat'],
      ],
      choices: [
        ['list_name', 'name', 'label', 'province'],
        ['province', 'kzn', 'KwaZulu-Natal'],
        ['district', 'ethekwini', 'eThekwini', 'kzn'],
      ],
    });
    const member = form.survey[1] as Section;
    expect(member.kind).toBe('repeat');
    expect(member.bind.repeatCount).toBe('${count}');
    const about = member.children[0] as Section;
    expect(about.children.map((c) => c.name)).toEqual(['prov', 'dist']);
    expect(form.choices.district).toEqual([
      { name: 'ethekwini', label: { default: 'eThekwini' }, media: {}, extra: { province: 'kzn' } },
    ]);
    expect(form.choiceColumns).toEqual(['province']);
  });

  it('reads a single-sheet workbook as the survey and uses cached formula results', async () => {
    const { form } = await imported({
      Sheet1: [
        ['type', 'name', 'label'],
        ['text', { formula: 'LOWER("NAME")', result: 'name' }, 'Name'],
        ['integer', 'n', { formula: '1+1', result: 2 }],
      ],
    });
    expect(form.survey.map((q) => [q.name, q.label])).toEqual([
      ['name', { default: 'Name' }],
      ['n', { default: '2' }],
    ]);
  });

  it('keeps types, functions and sheets pyxform accepts that we do not support, with warnings', async () => {
    const { form, warnings } = await imported({
      survey: [
        ['type', 'name', 'label', 'calculation'],
        ['barcode', 'code', 'Scan'],
        ['calculate', 'p', '', "pulldata('fruits', 'name', 'key', 'x')"],
        ['begin loop over yn', 'each', 'Each'],
        ['integer', 'n', 'How many %(label)s?'],
        ['end loop'],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['yn', 'yes', 'Yes'],
      ],
      osm: [
        ['list_name', 'name', 'label'],
        ['building', 'name', 'Name'],
      ],
      entities: [
        ['list_name', 'label'],
        ['people', '${code}'],
      ],
    });
    expect(form.survey.map((q) => q.type)).toEqual(['barcode', 'calculate', 'begin_loop']);
    expect(form.otherSheets).toEqual([
      { name: 'osm', headers: ['list_name', 'name', 'label'], rows: [['building', 'name', 'Name']] },
    ]);
    expect(form.entities).toEqual([{ list: 'people', label: '${code}', extra: {} }]);
    expect(warnings.map((w) => [w.sheet, w.row, w.column, w.message])).toEqual([
      ['osm', null, null, 'the "osm" sheet is kept but not supported yet'],
      [
        'entities',
        2,
        'list_name',
        'the entity list "people" is kept, but submissions make records only of the lists structures, households, household_members',
      ],
      ['survey', 2, 'type', '"barcode" is kept in the form but not supported yet'],
      ['survey', 3, 'calculation', 'the function pulldata() is kept but not supported yet'],
    ]);
  });

  it('names a nameless note as pyxform does, and skips comment rows', async () => {
    const { form } = await imported({
      survey: [
        ['type', 'name', 'label', 'hint'],
        ['note', '', 'Welcome'],
        ['', '', '', 'a comment row'],
      ],
    });
    expect(form.survey.map((q) => q.name)).toEqual(['generated_note_name_2']);
  });

  it('imports a 10,000-row choice list', async () => {
    const choices: SheetRows = [['list_name', 'name', 'label']];
    for (let i = 0; i < 10_000; i++) choices.push(['places', `p${i}`, `Place ${i}`]);
    const { form } = await imported({
      survey: [
        ['type', 'name', 'label'],
        ['select_one places', 'place', 'Place'],
      ],
      choices,
    });
    expect(form.choices.places).toHaveLength(10_000);
    expect(form.choices.places?.[9999]?.name).toBe('p9999');
  }, 60_000);
});
