import type { EntityDeclaration } from '../model.ts';
import { coded, type Problem } from '../problems.ts';
import { isXmlName, snakeCase } from './names.ts';
import type { RawSheet } from './sheets.ts';

type EntityField = Exclude<keyof EntityDeclaration, 'extra'>;

/** The entities sheet's columns (pyxform's EntityColumns, with `list_name` for `dataset`). */
const COLUMNS: Record<string, EntityField> = {
  list_name: 'list',
  dataset: 'list',
  label: 'label',
  entity_id: 'entityId',
  create_if: 'createIf',
  update_if: 'updateIf',
  repeat: 'repeat',
};

/** Header text written on export for each field. */
export const ENTITY_HEADERS: Record<EntityField, string> = {
  list: 'list_name',
  label: 'label',
  entityId: 'entity_id',
  createIf: 'create_if',
  updateIf: 'update_if',
  repeat: 'repeat',
};

/**
 * Reads the entities sheet as pyxform 4.5 does: one declaration per row, each naming its own
 * list; a sheet with no rows declares nothing. Problems are located at their cell.
 */
export function readEntities(
  sheet: RawSheet | undefined,
  problems: Problem[],
): { entities?: EntityDeclaration[]; rowOf: Map<EntityDeclaration, number> } {
  const rowOf = new Map<EntityDeclaration, number>();
  if (!sheet || sheet.rows.length === 0) return { rowOf };
  const columns = sheet.headers.map(({ col, text }) => ({ col, text, field: COLUMNS[snakeCase(text)] }));
  const unknown = columns.filter((c) => !c.field);
  if (unknown.length > 0) {
    problems.push(
      coded(sheet.name, sheet.headerRow, unknown[0]!.text, 'form.xlsform.entities.unknown_columns', {
        columns: unknown.map((c) => `"${c.text}"`).join(', '),
      }),
    );
  }
  const listHeader = columns.find((c) => c.field === 'list')?.text ?? 'list_name';
  const header = (field: EntityField) =>
    columns.find((c) => c.field === field)?.text ?? ENTITY_HEADERS[field];
  const declarations: EntityDeclaration[] = [];
  const rowOfList = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const entity: EntityDeclaration = { list: '', extra: {} };
    for (const { col, text, field } of columns) {
      const value = cells.get(col);
      if (value === undefined) continue;
      if (field) entity[field] = value;
      else entity.extra[text] = value;
    }
    const at = (column: string, code: Parameters<typeof coded>[3]) =>
      problems.push(coded(sheet.name, row, column, code, { list: entity.list }));
    const list = entity.list;
    if (!list) at(listHeader, 'form.xlsform.entities.no_list_name');
    else if (list.startsWith('__')) at(listHeader, 'form.xlsform.entities.list_name_reserved');
    else if (list.includes('.')) at(listHeader, 'form.xlsform.entities.list_name_period');
    else if (!isXmlName(list)) at(listHeader, 'form.xlsform.entities.list_name_invalid');
    else if (!entity.entityId && entity.updateIf)
      at(header('updateIf'), 'form.xlsform.entities.update_if_without_entity_id');
    else if (entity.entityId && entity.createIf && !entity.updateIf)
      at(header('updateIf'), 'form.xlsform.entities.upsert_without_update_if');
    else if (!entity.entityId && !entity.label) at(header('label'), 'form.xlsform.entities.no_label');
    else if (rowOfList.has(list)) at(listHeader, 'form.xlsform.entities.duplicate_list');
    rowOfList.set(list, rowOfList.get(list) ?? row);
    declarations.push(entity);
    rowOf.set(entity, row);
  }
  return { entities: declarations, rowOf };
}
