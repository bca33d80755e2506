import { describe, expect, it } from 'vitest';
import { entityPlacements } from './entity-rules.ts';
import { importXlsForm } from './import.ts';

const md = (text: string) => importXlsForm(new TextEncoder().encode(text), 'households.md');

describe('entities as pyxform places and checks them', () => {
  it('puts each entity in the repeat its save_to questions are in, one per container', async () => {
    const result = await md(`
      | survey |
      | | type         | name      | label     | save_to              |
      | | text         | structure | Structure | households#structure |
      | | begin_repeat | members   | Members   |                      |
      | | text         | full_name | Name      | people#full_name     |
      | | integer      | age       | Age       | people#age           |
      | | end_repeat   |           |           |                      |
      | entities |
      | | list_name  | label                   |
      | | households | \${structure}            |
      | | people     | concat(\${full_name}, '') |
    `);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(Object.fromEntries(entityPlacements(result.form))).toEqual({
      households: ['survey'],
      people: ['survey', 'members'],
    });
  });

  it('refuses save_to values pyxform refuses, at their cell', async () => {
    const result = await md(`
      | survey |
      | | type    | name | label | save_to |
      | | text    | a    | A     | p1      |
      | | text    | b    | B     | p1      |
      | | text    | c    | C     | label   |
      | | text    | d    | D     | x#p2    |
      | entities |
      | | list_name | label |
      | | e1        | \${a}  |
    `);
    expect(result.ok ? [] : result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'save_to', 'form.xlsform.save_to.duplicate'],
      [4, 'save_to', 'form.xlsform.save_to.reserved'],
      [5, 'save_to', 'form.xlsform.save_to.unknown_list'],
    ]);
  });

  it('refuses references from repeats that are not one inside the other', async () => {
    const result = await md(`
      | survey |
      | | type         | name | label | save_to |
      | | begin_repeat | r1   | R1    |         |
      | | text         | q1   | Q1    | p1      |
      | | end_repeat   |      |       |         |
      | | begin_repeat | r2   | R2    |         |
      | | text         | q2   | Q2    | p2      |
      | | end_repeat   |      |       |         |
      | entities |
      | | list_name | label  |
      | | e1        | \${q1} |
    `);
    expect(result.ok ? null : result.errors).toEqual([
      expect.objectContaining({
        sheet: 'survey',
        row: 6,
        column: 'save_to',
        code: 'form.xlsform.save_to.scope',
        params: { list: 'e1', otherScope: '/survey/r1', scope: '/survey/r2' },
      }),
    ]);
  });

  it('refuses entities sheet columns, names and modes pyxform refuses', async () => {
    const result = await md(`
      | survey |
      | | type | name | label |
      | | text | a    | A     |
      | entities |
      | | list_name | label | update_if | colour |
      | | e.1       | \${a}  |           |        |
      | | e2        | \${a}  | true()    |        |
      | | e3        |       |           | red    |
    `);
    expect(result.ok ? [] : result.errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ['entities', 1, 'colour', 'form.xlsform.entities.unknown_columns'],
      ['entities', 2, 'list_name', 'form.xlsform.entities.list_name_period'],
      ['entities', 3, 'update_if', 'form.xlsform.entities.update_if_without_entity_id'],
      ['entities', 4, 'label', 'form.xlsform.entities.no_label'],
    ]);
  });
});
