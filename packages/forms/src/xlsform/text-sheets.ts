import type { RawSheet } from './sheets.ts';

/**
 * XLSForms written as text, read as pyxform 4.5 reads them (xls2json_backends: md_to_dict and
 * csv_to_dict): a row whose first cell is not empty starts a sheet and names it; the other rows
 * start with an empty cell; the first row of a sheet holds its headers. Rows count from the
 * sheet's header row (row 1), skipping empty rows, as pyxform counts them in its messages.
 */

/** Rows of one sheet as text cells, the header row first. */
type TextRows = (string | undefined)[][];

function toRawSheet(name: string, rows: TextRows): RawSheet {
  const [first = [], ...rest] = rows;
  const headers: RawSheet['headers'] = [];
  first.forEach((text, i) => {
    if (text !== undefined && text.trim() !== '') headers.push({ col: i + 1, text: text.trim() });
  });
  return {
    name,
    headerRow: 1,
    headers,
    rows: rest.map((cells, i) => {
      const kept = new Map<number, string>();
      cells.forEach((text, c) => {
        if (text !== undefined && text.trim() !== '') kept.set(c + 1, text.trim());
      });
      return { row: i + 2, cells: kept };
    }),
  };
}

/** Sheets in first-seen order; a sheet named twice is the later table (pyxform keeps a dict). */
function collect(tables: [string, TextRows][]): RawSheet[] {
  const byName = new Map<string, TextRows>();
  for (const [name, rows] of tables) byName.set(name, rows);
  return [...byName].map(([name, rows]) => toRawSheet(name, rows));
}

const MD_COMMENT = /^\s*#/;
const MD_COMMENT_INLINE = /^(.*)(#[^|]+)$/;
const MD_CELL = /^\s*\|(.*)\|\s*/;
const MD_SEPARATOR = /^[|-]+$/;

function mdCell(cell: string): string | undefined {
  return cell.trim() === '' ? undefined : cell.trim().replaceAll('\\|', '|');
}

/** True when the text looks like a markdown table: five pipes in its first 5,000 characters. */
export function looksLikeMarkdown(text: string): boolean {
  return (text.slice(0, 5000).match(/\|/g)?.length ?? 0) >= 5;
}

/** True when the text looks like CSV: four commas in its first 5,000 characters. */
export function looksLikeCsv(text: string): boolean {
  return (text.slice(0, 5000).match(/,/g)?.length ?? 0) >= 4;
}

/** pyxform's markdown tables (`| survey |` then `| | type | name |`), `#` comments ignored. */
export function readMarkdownSheets(text: string): RawSheet[] {
  const tables: [string, TextRows][] = [];
  let current: TextRows | null = null;
  for (let line of text.split('\n')) {
    if (MD_COMMENT.test(line)) continue;
    const inline = MD_COMMENT_INLINE.exec(line);
    if (inline) line = inline[1]!;
    const match = MD_CELL.exec(line);
    if (!match || MD_SEPARATOR.test(match[1]!)) continue;
    const [first, ...rest] = match[1]!.split(/(?<!\\)\|/).map(mdCell);
    if (first !== undefined) {
      current = [];
      tables.push([first, current]);
    }
    if (current && rest.some((c) => c !== undefined)) current.push(rest);
  }
  return collect(tables);
}

/** Splits CSV as Python's csv module does by default: `"` quotes, `""` inside quotes. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let started = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      started = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      started = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (started || cell !== '') row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      started = false;
    } else {
      cell += c;
      started = true;
    }
  }
  if (started || cell !== '') row.push(cell);
  if (row.length > 0) rows.push(row);
  return rows;
}

/** pyxform's CSV forms: `survey` alone in the first cell, then `,type,name` rows. */
export function readCsvSheets(text: string): RawSheet[] {
  const tables: [string, TextRows][] = [];
  let current: TextRows | null = null;
  for (const row of csvRows(text)) {
    if (row.length === 0) continue;
    const name = row[0]!.trim();
    const content = row.slice(1).map((v) => v.trim());
    if (name !== '') {
      current = [];
      tables.push([name, current]);
    }
    if (current && content.some((c) => c !== ''))
      current.push(content.map((c) => (c === '' ? undefined : c)));
  }
  return collect(tables);
}
