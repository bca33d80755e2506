// Reads a form's submissions for export in keyset pages from the typed answer tables, one table
// at a time (the submissions, then each repeat), so memory stays flat however many there are.
import type { Form } from '@coproduce/forms';
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { AnswerColumn, AnswerLayout } from '../submissions/answer-tables.ts';

export interface ExportTable {
  /** File or sheet name: the form's key, or the repeat's name. */
  name: string;
  table: string;
  repeatPath: string | null;
  columns: AnswerColumn[];
}

/** The tables of an export in order, each with the columns that belong to it. */
export function exportTables(layout: AnswerLayout, formKey: string): ExportTable[] {
  const tables: ExportTable[] = [];
  for (const [path, table] of layout.repeatTables) {
    const repeatPath = path === '/' ? null : path;
    tables.push({
      name: repeatPath ? repeatPath.split('/').filter(Boolean).join('-') : formKey,
      table,
      repeatPath,
      columns: layout.columns.filter((c) => c.table === table),
    });
  }
  return tables.sort((a, b) => (a.repeatPath === null ? -1 : b.repeatPath === null ? 1 : 0));
}

export interface PageFilter {
  workspaceId: string;
  formId: string;
  state: string | null;
}

/** One page of a table after the given key, joined to the live submissions of the form. */
export async function exportPage(
  db: Db,
  table: ExportTable,
  filter: PageFilter,
  after: [string, string] | null,
  limit: number,
) {
  const t = sql.table(table.table);
  const keyed = table.repeatPath !== null;
  const where = [
    sql<boolean>`s.workspace_id = ${filter.workspaceId}`,
    sql<boolean>`s.form_id = ${filter.formId}`,
    sql<boolean>`s.deleted_at is null`,
  ];
  if (filter.state) where.push(sql<boolean>`s.state = ${filter.state}`);
  if (after)
    where.push(
      keyed
        ? sql<boolean>`(a.submission_id, a.entry) > (${after[0]}, ${after[1]})`
        : sql<boolean>`a.submission_id > ${after[0]}`,
    );
  const result = await sql<Record<string, string | number | null>>`
    select a.*, s.state as s_state, s.received_at as s_received_at, s.has_conflict as s_has_conflict
    from ${t} a join submissions s on s.workspace_id = a.workspace_id and s.id = a.submission_id
    where ${sql.join(where, sql` and `)}
    order by a.submission_id ${keyed ? sql`, a.entry` : sql``}
    limit ${limit}`.execute(db);
  return result.rows;
}

export async function countRows(db: Db, filter: PageFilter) {
  const result = await sql<{ n: number | string }>`
    select count(*) as n from submissions s where s.workspace_id = ${filter.workspaceId} and s.form_id = ${filter.formId}
    and s.deleted_at is null ${filter.state ? sql`and s.state = ${filter.state}` : sql``}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** Column headers and cell values as codes (names) or as labels in one of the form's languages. */
export function labeller(form: Form, headers: 'codes' | 'labels', language: string | undefined) {
  const pick = (texts: Record<string, string> | undefined, fallback: string) =>
    texts
      ? (language && texts[language]) || texts.default || Object.values(texts).find(Boolean) || fallback
      : fallback;
  const questions = new Map<string, { label: Record<string, string>; list?: string }>();
  const walk = (items: Form['survey'], parent: string) => {
    for (const item of items) {
      const path = `${parent}/${item.name}`;
      if (item.kind === 'question')
        questions.set(path, { label: item.label, ...(item.list ? { list: item.list } : {}) });
      else walk(item.children, path);
    }
  };
  walk(form.survey, '');
  const suffix = (c: AnswerColumn) =>
    c.valueType === 'lat' ? ' (latitude)' : c.valueType === 'lon' ? ' (longitude)' : '';
  return {
    header(column: AnswerColumn) {
      if (headers === 'codes')
        return `${column.path}${column.valueType === 'lat' ? '#lat' : column.valueType === 'lon' ? '#lon' : ''}`;
      return `${pick(questions.get(column.path)?.label, column.path)}${suffix(column)}`;
    },
    value(column: AnswerColumn, value: string | number | null): string | number | null {
      if (headers === 'codes' || value === null || typeof value !== 'string') return value;
      const list = column.listName ? form.choices[column.listName] : undefined;
      if (!list) return value;
      const label = (name: string) => pick(list.find((c) => c.name === name)?.label, name);
      return column.questionType === 'select_multiple'
        ? value.split(/\s+/).filter(Boolean).map(label).join('; ')
        : label(value);
    },
  };
}
