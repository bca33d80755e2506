import { because, type Problem, problem } from '../problems.ts';
import { type ColumnMeaning, meaningKey, meaningOfHeader } from './headers.ts';
import type { RawSheet } from './sheets.ts';

export interface Column {
  col: number;
  header: string;
  meaning: ColumnMeaning;
}

/** Reads a sheet's header row; two headers naming the same column is an error at the second one. */
export function readColumns(sheet: RawSheet, problems: Problem[]): Column[] {
  const doubleColon = sheet.headers.some((h) => h.text.includes('::'));
  const seen = new Map<string, string>();
  const columns: Column[] = [];
  for (const { col, text } of sheet.headers) {
    const meaning = meaningOfHeader(text, doubleColon);
    const key = meaningKey(meaning, text);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const same = earlier.toLowerCase() === text.toLowerCase();
      problems.push(
        problem(
          sheet.name,
          sheet.headerRow,
          text,
          same
            ? because('form.xlsform.column.twice', { column: text })
            : because('form.xlsform.column.synonym', { earlier: String(earlier), column: text }),
        ),
      );
      continue;
    }
    seen.set(key, text);
    columns.push({ col, header: text, meaning });
  }
  return columns;
}

/** Where each kind of column is, to point at the cell of a problem. */
export function headerFor(columns: Column[], key: string): string | null {
  return columns.find((c) => meaningKey(c.meaning, c.header) === key)?.header ?? null;
}

/** `start=1 end=10`, `max-pixels=1024`, also with commas or semicolons between pairs. */
export function parseParameters(text: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  const trimmed = text.trim();
  if (trimmed === '') return out;
  for (const pair of trimmed
    .replace(/\s*=\s*/g, '=')
    .split(/[\s,;]+/)
    .filter(Boolean)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return null;
    const key = pair.slice(0, eq).trim().toLowerCase();
    // As pyxform: values are read in lower case, but for label and value, which name file columns.
    const value = pair.slice(eq + 1).trim();
    out[key] = key === 'label' || key === 'value' ? value : value.toLowerCase();
  }
  return out;
}
