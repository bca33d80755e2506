import { importXlsForm } from '../import.ts';
import { type SheetRows, workbookBytes } from './workbook.ts';

/** The located errors of a workbook that must not import (tests of every error kind share it). */
export async function errorsOf(sheets: Record<string, SheetRows>) {
  const result = await importXlsForm(await workbookBytes(sheets), 'form.xlsx');
  if (result.ok) throw new Error('expected the import to fail');
  return result.errors;
}

/** A yes/no choices sheet for forms whose select questions are beside the point. */
export const yesNo: SheetRows = [
  ['list_name', 'name', 'label'],
  ['yn', 'yes', 'Yes'],
  ['yn', 'no', 'No'],
];
