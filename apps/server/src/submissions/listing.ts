// The review table: a form's submissions filtered on any answer and sorted, in keyset pages that
// stay fast at 100,000 rows. Filters and sorts read the typed answer tables (answer-tables.ts);
// nothing parses a stored document. Paths and operators are checked against the form's columns
// before any SQL is built, and values are always bound parameters.
import { filterOperators } from '@coproduce/contract';
import { type RawBuilder, sql } from 'kysely';
import type { Tx } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { decodeCursor, encodeCursor } from '../sync/cursor.ts';
import type { AnswerColumn, AnswerLayout } from './answer-tables.ts';

export interface ListingInput {
  workspaceId: string;
  formId: string | null;
  layout: AnswerLayout | null;
  state: string | null;
  conflictsOnly: boolean;
  onlyPersonId: string | null;
  filters: string[];
  sort: string | null;
  columns: string[];
  cursor: string | null;
  limit: number;
}

const invalidFilter = (index: number, message: string) =>
  new AppError('request.invalid', 400, `f: ${message}`, [
    { path: `query.f.${index}`, message, code: 'filter.invalid' },
  ]);

/** The column that holds a path's answers now: the one made for the latest version's type. */
export function columnFor(layout: AnswerLayout, path: string): AnswerColumn | null {
  const candidates = layout.columns.filter(
    (c) => c.path === path && c.valueType !== 'lat' && c.valueType !== 'lon',
  );
  return candidates.sort((a, b) => b.firstVersion - a.firstVersion)[0] ?? null;
}

function compared(column: AnswerColumn, op: string, value: string, index: number): RawBuilder<boolean> {
  const ref = sql.ref(`x.${column.column}`);
  const numeric = column.valueType === 'int' || column.valueType === 'real';
  if (op === 'empty')
    return numeric ? sql<boolean>`${ref} is null` : sql<boolean>`(${ref} is null or ${ref} = '')`;
  if (op === 'filled')
    return numeric ? sql<boolean>`${ref} is not null` : sql<boolean>`(${ref} is not null and ${ref} <> '')`;
  if (value.length > 500) throw invalidFilter(index, 'the value is longer than 500 characters');
  if (op === 'contains') {
    if (column.questionType === 'select_multiple')
      return sql<boolean>`(' ' || ${ref} || ' ') like ${`% ${value} %`}`;
    return sql<boolean>`lower(${ref}) like ${`%${value.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`} escape '\\'`;
  }
  const operator = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' }[op];
  if (!operator)
    throw invalidFilter(index, `unknown operator "${op}"; use one of ${filterOperators.join(', ')}`);
  if (numeric) {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n))
      throw invalidFilter(index, `${column.path} holds numbers: "${value}" is not one`);
    return sql<boolean>`${ref} ${sql.raw(operator)} ${n}`;
  }
  return sql<boolean>`${ref} ${sql.raw(operator)} ${value}`;
}

/**
 * One `path~op~value` filter as SQL over the submission `s`: a repeat matches when any entry does.
 * An uncorrelated `in` (not `exists`): the matching answers are found once, by an index on the
 * column when there is one, instead of one lookup per submission (100,000 submissions: 142 against
 * 368 ms for the count on SQLite).
 */
function filterSql(
  layout: AnswerLayout,
  workspaceId: string,
  text: string,
  index: number,
): RawBuilder<boolean> {
  const [path, op, ...rest] = text.split('~');
  if (!path || !op)
    throw invalidFilter(index, 'write a filter as path~operator~value, e.g. /household/size~gt~4');
  const column = columnFor(layout, path);
  if (!column) throw invalidFilter(index, `the form has no question ${path}`);
  const condition = compared(column, op, rest.join('~'), index);
  const table = sql.table(column.table);
  return sql<boolean>`s.id in (select x.submission_id from ${table} x where x.workspace_id = ${workspaceId} and ${condition})`;
}

interface Order {
  expression: RawBuilder<unknown>;
  direction: 'asc' | 'desc';
  kind: 'text' | 'number';
}

function orderOf(layout: AnswerLayout | null, sort: string | null): Order {
  const descending = sort?.startsWith('-') ?? true;
  const key = sort?.replace(/^-/, '') ?? 'receivedAt';
  const direction = descending ? 'desc' : 'asc';
  if (key === 'receivedAt') return { expression: sql`s.received_at`, direction, kind: 'text' };
  if (key === 'state') return { expression: sql`s.state`, direction, kind: 'text' };
  const column = layout ? columnFor(layout, key) : null;
  if (!column || column.repeatPath) {
    throw new AppError('request.invalid', 400, `sort: ${key} is not a column to sort by`, [
      {
        path: 'query.sort',
        message: 'receivedAt, state, or a question outside repeats',
        code: 'sort.invalid',
      },
    ]);
  }
  const numeric = column.valueType === 'int' || column.valueType === 'real';
  // NULLs are folded to a value below every answer so keyset pages can pass over them.
  return {
    expression: numeric
      ? sql`coalesce(a.${sql.ref(column.column)}, -1e300)`
      : sql`coalesce(a.${sql.ref(column.column)}, '')`,
    direction,
    kind: numeric ? 'number' : 'text',
  };
}

export async function listSubmissionRows(trx: Tx, input: ListingInput) {
  const where: RawBuilder<boolean>[] = [
    sql<boolean>`s.workspace_id = ${input.workspaceId}`,
    sql<boolean>`s.deleted_at is null`,
  ];
  if (input.formId) where.push(sql<boolean>`s.form_id = ${input.formId}`);
  if (input.state) where.push(sql<boolean>`s.state = ${input.state}`);
  if (input.conflictsOnly) where.push(sql<boolean>`s.has_conflict = 1`);
  if (input.onlyPersonId) where.push(sql<boolean>`s.submitted_by_person_id = ${input.onlyPersonId}`);
  if (input.filters.length && !input.layout) {
    throw new AppError('request.invalid', 400, 'f: filters on answers need a formId', [
      { path: 'query.formId', message: 'needed to filter on answers', code: 'value.required' },
    ]);
  }
  input.filters.forEach((text, index) => {
    if (input.layout) where.push(filterSql(input.layout, input.workspaceId, text, index));
  });
  const order = orderOf(input.layout, input.sort);
  const filtered = sql.join(where, sql` and `);
  const join = input.layout
    ? sql`left join ${sql.table(input.layout.mainTable)} a on a.workspace_id = s.workspace_id and a.submission_id = s.id`
    : sql``;
  const pageWhere = [...where];
  if (input.cursor) {
    const [value, id] = decodeCursor(input.cursor, [
      order.kind === 'number' ? 'number' : 'string',
      'string',
    ] as const);
    const op = sql.raw(order.direction === 'desc' ? '<' : '>');
    pageWhere.push(sql<boolean>`(${order.expression}, s.id) ${op} (${value}, ${id})`);
  }
  const selected = input.layout
    ? input.columns
        .map((path) => columnFor(input.layout as AnswerLayout, path))
        .filter((c): c is AnswerColumn => c !== null && !c.repeatPath)
    : [];
  const values = selected.map((c) => sql`a.${sql.ref(c.column)} as ${sql.ref(`v_${c.column}`)}`);
  const direction = sql.raw(order.direction);
  // The first page counts its matches in the same pass (a window over the filtered rows); a later
  // page's rows are cut by the cursor, so its total is counted on its own.
  const counted = !input.cursor;
  const rows = await sql<Record<string, unknown>>`
    select s.*, ${order.expression} as sort_value ${values.length ? sql`, ${sql.join(values)}` : sql``}
      ${counted ? sql`, count(*) over () as total_rows` : sql``}
    from submissions s ${join}
    where ${sql.join(pageWhere, sql` and `)}
    order by ${order.expression} ${direction}, s.id ${direction}
    limit ${input.limit + 1}`.execute(trx);
  const total = counted
    ? Number(rows.rows[0]?.total_rows ?? 0)
    : Number(
        (
          await sql<{
            n: number | string;
          }>`select count(*) as n from submissions s where ${filtered}`.execute(trx)
        ).rows[0]?.n ?? 0,
      );
  const hasMore = rows.rows.length > input.limit;
  const page = rows.rows.slice(0, input.limit);
  const last = page.at(-1);
  const cursor =
    hasMore && last
      ? encodeCursor([
          order.kind === 'number' ? Number(last.sort_value) : String(last.sort_value),
          String(last.id),
        ])
      : null;
  return { rows: page, cursor, hasMore, total, selected };
}
