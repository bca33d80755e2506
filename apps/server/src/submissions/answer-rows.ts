// From an answer tree to the rows of a form's typed answer tables (answer-tables.ts): one main
// row per submission, one row per repeat entry, each value converted to its column's type. A
// value that does not convert (text in an integer question) is stored as NULL there; the answer
// itself stays in the version's JSON and the submission is flagged, so nothing is lost.
import type { AnswerTree } from '@coproduce/contract';
import { CompiledQuery, sql } from 'kysely';
import type { DatabaseKind, Tx } from '../db/connect.ts';
import type { AnswerColumn, AnswerLayout } from './answer-tables.ts';

type Row = Record<string, string | number | null>;

function convert(column: AnswerColumn, value: string): string | number | null {
  if (value === '') return null;
  switch (column.valueType) {
    case 'int':
      return /^[-+]?\d{1,15}$/.test(value) ? Number(value) : /^[-+]?\d{16,18}$/.test(value) ? value : null;
    case 'real': {
      const n = Number(value);
      return value.trim() !== '' && Number.isFinite(n) ? n : null;
    }
    case 'lat':
    case 'lon': {
      const parts = value.trim().split(/\s+/);
      const n = Number(parts[column.valueType === 'lat' ? 0 : 1]);
      return Number.isFinite(n) ? n : null;
    }
    default:
      return value;
  }
}

/** The rows one submission version fills, by table. */
export function answerRows(
  layout: AnswerLayout,
  workspaceId: string,
  submissionId: string,
  versionId: string,
  answers: AnswerTree,
): Map<string, Row[]> {
  const byTable = new Map<string, Row[]>();
  const push = (table: string, row: Row) => {
    const list = byTable.get(table);
    if (list) list.push(row);
    else byTable.set(table, [row]);
  };
  const key = { workspace_id: workspaceId, submission_id: submissionId, version_id: versionId };
  const fill = (tree: AnswerTree, parent: string, row: Row, entry: string) => {
    for (const [name, value] of Object.entries(tree)) {
      const path = `${parent}/${name}`;
      if (typeof value === 'string') {
        const columns = layout.byPath.get(path);
        if (columns) for (const column of columns) row[column.column] = convert(column, value);
      } else if (Array.isArray(value)) {
        const table = layout.repeatTables.get(path);
        if (!table) continue;
        value.forEach((item, index) => {
          const child = `${entry ? `${entry}.` : ''}${index}`;
          const entryRow: Row = { ...key, entry: child, parent_entry: entry };
          if (item && typeof item === 'object' && !Array.isArray(item)) fill(item, path, entryRow, child);
          push(table, entryRow);
        });
      } else if (value && typeof value === 'object') {
        fill(value, path, row, entry);
      }
    }
  };
  const main: Row = { ...key };
  fill(answers, '', main, '');
  push(layout.mainTable, main);
  return byTable;
}

/**
 * Writes rows of several submissions, a few statements per table whatever their number. The SQL
 * text is built directly (names checked by answer-tables.ts, values bound): compiling a
 * 250-column insert through the query builder cost more than running it.
 */
export async function insertAnswerRows(trx: Tx, rowsByTable: Map<string, Row[]>, kind: DatabaseKind) {
  for (const [table, rows] of rowsByTable) {
    // Every row of a table gets every column it has among them, so one statement takes them all.
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    if (!/^answers_[0-9a-f_r]+$/.test(table) || !columns.every((c) => /^[a-z_][a-z0-9_]*$/.test(c))) {
      throw new Error(`not an answers table or column: ${table}`);
    }
    const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const parameters: Array<string | number | null> = [];
      let n = 0;
      const tuples = chunk.map((row) => {
        const marks = columns.map((c) => {
          parameters.push(row[c] ?? null);
          n += 1;
          return kind === 'postgres' ? `$${n}` : '?';
        });
        return `(${marks.join(',')})`;
      });
      const text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values ${tuples.join(',')}`;
      await trx.executeQuery(CompiledQuery.raw(text, parameters));
    }
  }
}

/** Removes a submission's rows from every table of its form (before writing a new version's). */
export async function deleteAnswerRows(
  trx: Tx,
  layout: AnswerLayout,
  workspaceId: string,
  submissionId: string,
) {
  for (const table of layout.repeatTables.values()) {
    await sql`delete from ${sql.table(table)} where workspace_id = ${workspaceId} and submission_id = ${submissionId}`.execute(
      trx,
    );
  }
}
