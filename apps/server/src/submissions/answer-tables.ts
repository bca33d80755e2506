// Typed answer tables: every form gets a table `answers_<form>` with one typed column per question
// (integers as integers, decimals as reals, geopoints as text plus latitude and longitude), and a
// table per repeat with one row per entry. Ingest writes them in the same transaction as the
// submission, so any answer can be filtered, sorted and exported without parsing a document.
// Columns are added as versions add questions; a question whose type changes gets a new column.
import { expandLoops, type Form, type SurveyItem } from '@coproduce/forms';
import { sql } from 'kysely';
import type { AnswerColumnsTable } from '../db/collection-schema.ts';
import type { DatabaseKind, Tx } from '../db/connect.ts';
import { answerColumnRows, insertAnswerColumns } from './queries.ts';

export type ValueType = 'int' | 'real' | 'text' | 'lat' | 'lon';

export interface AnswerColumn {
  path: string;
  valueType: ValueType;
  table: string;
  column: string;
  repeatPath: string | null;
  questionType: string;
  listName: string | null;
  firstVersion: number;
}

/** A form's tables and columns as stored in answer_columns. */
export interface AnswerLayout {
  formId: string;
  mainTable: string;
  /** Repeat path → its table ('/' is the main table). */
  repeatTables: Map<string, string>;
  columns: AnswerColumn[];
  /** Question path → its columns (a geopoint has three), for filling rows without a search. */
  byPath: Map<string, AnswerColumn[]>;
}

const identifier = /^answers_[0-9a-f]{32}(_r\d{1,4})?$/;
const columnName = /^c\d{1,6}$/;

export const mainTableOf = (formId: string) => `answers_${formId.replace(/-/g, '').toLowerCase()}`;

function valueTypesOf(type: string): ValueType[] {
  if (type === 'integer') return ['int'];
  if (type === 'decimal' || type === 'range') return ['real'];
  if (type === 'geopoint') return ['text', 'lat', 'lon'];
  return ['text'];
}

const NO_VALUE = new Set(['note', 'begin_group', 'end_group']);

interface Leaf {
  path: string;
  type: string;
  list: string | null;
  repeatPath: string | null;
}

/** Every question that holds a value, with the repeat it sits in, and the repeats themselves. */
export function leavesOf(items: SurveyItem[], parent = '', repeat: string | null = null) {
  const leaves: Leaf[] = [];
  const repeats: Array<{ path: string; parent: string | null }> = [];
  for (const item of items) {
    const path = `${parent}/${item.name}`;
    if (item.kind === 'question') {
      if (NO_VALUE.has(item.type)) continue;
      leaves.push({ path, type: item.type, list: item.list ?? null, repeatPath: repeat });
      if (item.orOther) leaves.push({ path: `${path}_other`, type: 'text', list: null, repeatPath: repeat });
    } else if (item.kind === 'group') {
      const inner = leavesOf(item.children, path, repeat);
      leaves.push(...inner.leaves);
      repeats.push(...inner.repeats);
    } else if (item.kind === 'repeat') {
      repeats.push({ path, parent: repeat });
      const inner = leavesOf(item.children, path, path);
      leaves.push(...inner.leaves);
      repeats.push(...inner.repeats);
    }
  }
  return { leaves, repeats };
}

function layoutFrom(formId: string, rows: AnswerColumnsTable[]): AnswerLayout {
  const repeatTables = new Map<string, string>();
  const columns: AnswerColumn[] = [];
  for (const row of rows) {
    if (!identifier.test(row.table_name)) throw new Error(`answer table name ${row.table_name} is not ours`);
    if (row.value_type === 'repeat') {
      repeatTables.set(row.path, row.table_name);
      continue;
    }
    if (!columnName.test(row.column_name))
      throw new Error(`answer column name ${row.column_name} is not ours`);
    columns.push({
      path: row.path,
      valueType: row.value_type,
      table: row.table_name,
      column: row.column_name,
      repeatPath: row.repeat_path,
      questionType: row.question_type,
      listName: row.list_name,
      firstVersion: row.first_version_number,
    });
  }
  const byPath = new Map<string, AnswerColumn[]>();
  for (const column of columns) byPath.set(column.path, [...(byPath.get(column.path) ?? []), column]);
  return { formId, mainTable: mainTableOf(formId), repeatTables, columns, byPath };
}

export async function readLayout(trx: Tx, workspaceId: string, formId: string): Promise<AnswerLayout> {
  return layoutFrom(formId, await answerColumnRows(trx, workspaceId, formId));
}

const sqlType = (kind: DatabaseKind, type: ValueType) =>
  type === 'int'
    ? kind === 'postgres'
      ? 'bigint'
      : 'integer'
    : type === 'text'
      ? 'text'
      : kind === 'postgres'
        ? 'double precision'
        : 'real';

/**
 * Makes sure the form's tables have a column for every question of this version (idempotent:
 * a version whose questions all have columns changes nothing). Runs in the caller's transaction:
 * the publish or, for versions published before these tables existed, the first ingest.
 */
export async function ensureAnswerTables(
  trx: Tx,
  kind: DatabaseKind,
  workspaceId: string,
  formId: string,
  versionNumber: number,
  form: Form,
): Promise<{ layout: AnswerLayout; added: number }> {
  const rows = await answerColumnRows(trx, workspaceId, formId);
  const layout = layoutFrom(formId, rows);
  const { leaves, repeats } = leavesOf(expandLoops(form).survey);
  const have = new Set(rows.map((r) => `${r.path} ${r.value_type}`));
  let position = rows.reduce((max, r) => Math.max(max, r.position), 0);
  const added: AnswerColumnsTable[] = [];
  const base = {
    workspace_id: workspaceId,
    form_id: formId,
    first_version_number: versionNumber,
    list_name: null,
  };
  // The main table is recorded as the repeat of path '/', so the layout knows it exists.
  if (!layout.repeatTables.has('/')) {
    await createTable(trx, layout.mainTable, 'main');
    layout.repeatTables.set('/', layout.mainTable);
    added.push({
      ...base,
      path: '/',
      value_type: 'repeat',
      table_name: layout.mainTable,
      column_name: '',
      repeat_path: null,
      question_type: 'survey',
      position: ++position,
    });
  }
  for (const repeat of repeats) {
    if (layout.repeatTables.has(repeat.path)) continue;
    const table = `${layout.mainTable}_r${layout.repeatTables.size}`;
    await createTable(trx, table, 'repeat');
    layout.repeatTables.set(repeat.path, table);
    added.push({
      ...base,
      path: repeat.path,
      value_type: 'repeat',
      table_name: table,
      column_name: '',
      repeat_path: repeat.parent,
      question_type: 'begin_repeat',
      position: ++position,
    });
  }
  for (const leaf of leaves) {
    for (const valueType of valueTypesOf(leaf.type)) {
      if (have.has(`${leaf.path} ${valueType}`)) continue;
      const table = leaf.repeatPath ? (layout.repeatTables.get(leaf.repeatPath) as string) : layout.mainTable;
      const column = `c${++position}`;
      await sql`alter table ${sql.table(table)} add column ${sql.ref(column)} ${sql.raw(sqlType(kind, valueType))}`.execute(
        trx,
      );
      added.push({
        ...base,
        path: leaf.path,
        value_type: valueType,
        table_name: table,
        column_name: column,
        repeat_path: leaf.repeatPath,
        question_type: leaf.type,
        list_name: leaf.list,
        position,
      });
    }
  }
  if (added.length === 0) return { layout, added: 0 };
  await insertAnswerColumns(trx, added);
  return { layout: layoutFrom(formId, [...rows, ...added]), added: added.length };
}

async function createTable(trx: Tx, table: string, kind: 'main' | 'repeat') {
  if (!identifier.test(table)) throw new Error(`answer table name ${table} is not ours`);
  let builder = trx.schema
    .createTable(table)
    .ifNotExists()
    .addColumn('workspace_id', 'text', (c) => c.notNull())
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('version_id', 'text', (c) => c.notNull());
  builder =
    kind === 'main'
      ? builder.addPrimaryKeyConstraint(`${table}_pk`, ['workspace_id', 'submission_id'])
      : builder
          .addColumn('entry', 'text', (c) => c.notNull())
          .addColumn('parent_entry', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint(`${table}_pk`, ['workspace_id', 'submission_id', 'entry']);
  await builder.execute();
}
