// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm references are written ${name}
import { describe, expect, it } from 'vitest';
import { importXlsForm } from './import.ts';
import { errorsOf, yesNo } from './testing/import-errors.ts';
import { workbookBytes } from './testing/workbook.ts';

describe('located errors in sheets, headers and cells', () => {
  it('missing survey sheet, naming the sheets found', async () => {
    const errors = await errorsOf({ Survey1: [['type', 'name']], choices: yesNo });
    expect(errors).toEqual([
      {
        sheet: null,
        row: null,
        column: null,
        message:
          'the workbook has no sheet named "survey" (is "Survey1" meant to be "survey"?); its sheets are "Survey1", "choices"',
      },
    ]);
  });

  it('an empty survey sheet, or one without a type column', async () => {
    expect(await errorsOf({ survey: [['type', 'name', 'label']] })).toEqual([
      {
        sheet: 'survey',
        row: null,
        column: null,
        message: 'the survey sheet is empty: add a header row and at least one question',
      },
    ]);
    expect(
      await errorsOf({
        survey: [
          ['kind', 'name'],
          ['text', 'a'],
        ],
      }),
    ).toEqual([{ sheet: 'survey', row: 1, column: null, message: 'the survey sheet has no "type" column' }]);
  });

  it('duplicate column headers, also through aliases', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name', 'label', 'Label'],
        ['text', 'a', 'A', 'B'],
      ],
    });
    expect(errors).toEqual([
      {
        sheet: 'survey',
        row: 1,
        column: 'Label',
        message: 'the column "Label" appears twice: delete or rename one of them',
      },
    ]);
    const aliased = await errorsOf({
      survey: [
        ['type', 'name', 'relevant', 'relevance'],
        ['text', 'a', '1', '2'],
      ],
    });
    expect(aliased[0]).toMatchObject({
      row: 1,
      column: 'relevance',
      message: expect.stringContaining('mean the same'),
    });
  });

  it('a formula with no saved result, at its cell', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name', 'label'],
        ['text', { formula: 'LOWER("NAME")' }, 'Name'],
      ],
    });
    expect(errors).toEqual([
      {
        sheet: 'survey',
        row: 2,
        column: 'name',
        message:
          'this cell holds a formula with no saved result: open the file in Excel or LibreOffice, let it calculate, and save it',
      },
    ]);
  });

  it('a missing CSV for select_one_from_file is a warning, or an error when publishing', async () => {
    const bytes = await workbookBytes({
      survey: [
        ['type', 'name', 'label'],
        ['select_one_from_file places.csv', 'p', 'Place'],
      ],
    });
    const draft = await importXlsForm(bytes, 'f.xlsx');
    const message = 'the file "places.csv" is not attached to the form: attach it before publishing';
    expect(draft).toMatchObject({
      ok: true,
      warnings: [{ sheet: 'survey', row: 2, column: 'type', message }],
    });
    const published = await importXlsForm(bytes, 'f.xlsx', { publish: true });
    expect(published).toMatchObject({
      ok: false,
      errors: [{ sheet: 'survey', row: 2, column: 'type', message }],
    });
    const attached = await importXlsForm(bytes, 'f.xlsx', { publish: true, attachments: ['places.csv'] });
    expect(attached).toMatchObject({ ok: true, warnings: [] });
    const geojson = await workbookBytes({
      survey: [
        ['type', 'name', 'label'],
        ['select_one_from_file areas.geojson', 'a', 'Area'],
      ],
    });
    expect(await importXlsForm(geojson, 'f.xlsx', { attachments: ['areas.geojson'] })).toMatchObject({
      ok: true,
      warnings: [
        {
          row: 2,
          column: 'type',
          message:
            'choices from an XML or GeoJSON file ("areas.geojson") are kept but only CSV is supported yet',
        },
      ],
    });
    const wrong = await workbookBytes({
      survey: [
        ['type', 'name', 'label'],
        ['select_one_from_file places', 'p', 'Place'],
      ],
    });
    expect(await importXlsForm(wrong, 'f.xlsx')).toMatchObject({
      ok: false,
      errors: [
        { row: 2, column: 'type', message: '"places" must be a file name ending in .csv, .xml or .geojson' },
      ],
    });
  });

  it('a loop over a list that is not in the choices sheet', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name', 'label'],
        ['begin loop over rooms', 'each', 'Each'],
        ['integer', 'n', 'How many?'],
        ['end loop'],
      ],
    });
    expect(errors).toEqual([
      {
        sheet: 'survey',
        row: 2,
        column: 'type',
        message: 'the loop\'s list "rooms" is not in the choices sheet',
      },
    ]);
  });
});
