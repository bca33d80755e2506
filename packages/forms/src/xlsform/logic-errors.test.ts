// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm references are written ${name}
import { describe, expect, it } from 'vitest';
import { errorsOf } from './testing/import-errors.ts';

describe('located errors in logic', () => {
  it('bad expression, with the character where it breaks', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name', 'label', 'relevant', 'constraint'],
        ['integer', 'age', 'Age', '', '. > 0 and'],
        ['text', 'n', 'N', '${age} > 3 3'],
      ],
    });
    expect(errors).toEqual([
      {
        sheet: 'survey',
        row: 2,
        column: 'constraint',
        message: 'bad expression at character 10: unexpected end of expression, expected an expression',
      },
      {
        sheet: 'survey',
        row: 3,
        column: 'relevant',
        message: "bad expression at character 12: unexpected '3'",
      },
    ]);
  });

  it('reference to an unknown ${name}, in logic and in labels', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name', 'label::English (en)', 'relevant'],
        ['integer', 'age', 'Age', '${agee} > 3'],
        ['note', 'n', 'You are ${ag}'],
      ],
    });
    expect(errors).toEqual([
      {
        sheet: 'survey',
        row: 2,
        column: 'relevant',
        message: '${agee} refers to no question: no row is named "agee"',
      },
      {
        sheet: 'survey',
        row: 3,
        column: 'label::English (en)',
        message: '${ag} refers to no question: no row is named "ag"',
      },
    ]);
  });

  it('circular calculation', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name', 'calculation'],
        ['calculate', 'a', '${b} + 1'],
        ['calculate', 'b', '${c} * 2'],
        ['calculate', 'c', '${a}'],
      ],
    });
    expect(errors).toEqual([
      {
        sheet: 'survey',
        row: 2,
        column: 'calculation',
        message: 'circular calculation: ${a} → ${b} → ${c} → ${a}',
      },
    ]);
  });
});

describe('circular logic through relevance', () => {
  it('is reported at the first row of the cycle, in its relevant column', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name', 'label', 'relevant'],
        ['begin_group', 'g', 'G', '${x} > 1'],
        ['integer', 'x', 'X'],
        ['end_group'],
      ],
    });
    expect(errors).toEqual([
      {
        sheet: 'survey',
        row: 2,
        column: 'relevant',
        message: 'circular logic (calculation or relevance): ${g} → ${x} → ${g}',
      },
    ]);
  });
});

describe('parameters, instance_name and choice labels', () => {
  it('checks parameter values and names by type, as pyxform', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name', 'label', 'parameters'],
        ['range', 'r', 'R', 'start=1 end=ten step=0'],
        ['image', 'i', 'I', 'max-pixels=big'],
      ],
    });
    expect(errors).toEqual([
      { sheet: 'survey', row: 2, column: 'parameters', message: 'the parameter end=ten must be a number' },
      { sheet: 'survey', row: 2, column: 'parameters', message: 'the parameter step=0 must not be zero' },
      {
        sheet: 'survey',
        row: 3,
        column: 'parameters',
        message: 'the parameter max-pixels=big must be a whole number',
      },
    ]);
    const unknown = await errorsOf({
      survey: [
        ['type', 'name', 'label', 'parameters'],
        ['geopoint', 'g', 'Where?', 'accuracy=5'],
        ['select_one yn', 's', 'S', 'randomize=yes seed=x'],
      ],
      choices: [
        ['list_name', 'name', 'label'],
        ['yn', 'yes', 'Yes'],
      ],
    });
    expect(unknown.map((e) => [e.row, e.column, e.message])).toEqual([
      [
        2,
        'parameters',
        '"geopoint" does not take the parameter "accuracy" (it takes capture-accuracy, warning-accuracy, allow-mock-accuracy)',
      ],
      [3, 'parameters', 'the parameter randomize=yes must be true or false'],
      [3, 'parameters', 'the parameter seed=x must be a number or a ${reference}'],
    ]);
  });

  it('checks ${name} in instance_name and in choice labels', async () => {
    const errors = await errorsOf({
      survey: [
        ['type', 'name', 'label'],
        ['select_one c', 'colour', 'Colour'],
      ],
      choices: [
        ['list_name', 'name', 'label::English'],
        ['c', 'red', 'Red like ${colr}'],
      ],
      settings: [
        ['form_id', 'instance_name'],
        ['f', 'concat(${nme}, "-")'],
      ],
    });
    expect(errors).toEqual([
      {
        sheet: 'settings',
        row: 2,
        column: 'instance_name',
        message: '${nme} refers to no question: no row is named "nme"',
      },
      {
        sheet: 'choices',
        row: 2,
        column: 'label::English',
        message: '${colr} refers to no question: no row is named "colr"',
      },
    ]);
  });
});
