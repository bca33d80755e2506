import { importXlsForm } from '../import.ts';
import { type SheetRows, workbookBytes } from './workbook.ts';

/** The problems, with codes and parameters, of a workbook that must not import. */
export async function codedErrorsOf(sheets: Record<string, SheetRows>) {
  const result = await importXlsForm(await workbookBytes(sheets), 'form.xlsx');
  if (result.ok) throw new Error('expected the import to fail');
  return result.errors;
}

/**
 * Where each problem is and its English sentence (tests of every error kind share it); the codes
 * and parameters screens translate are checked with `codedErrorsOf`.
 */
export async function errorsOf(sheets: Record<string, SheetRows>) {
  return (await codedErrorsOf(sheets)).map(({ code: _code, params: _params, ...located }) => located);
}

/** A yes/no choices sheet for forms whose select questions are beside the point. */
export const yesNo: SheetRows = [
  ['list_name', 'name', 'label'],
  ['yn', 'yes', 'Yes'],
  ['yn', 'no', 'No'],
];
