import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { decodeCursor, encodeCursor } from './cursor.ts';

/**
 * Keyset pages for listings in a fixed order (by name, newest first…): the cursor holds the
 * order values of the page's last row, and the next page starts after them with one row-value
 * comparison, which both engines answer from an index however deep the page is.
 */
export interface KeysetOrder<O> {
  /** Column references in order, e.g. `people.display_name_key`, `people.id` (the last is unique). */
  columns: string[];
  direction: 'asc' | 'desc';
  /** The order values of a row, as the cursor keeps them. */
  valuesOf: (row: O) => string[];
}

export interface KeysetPage<O> {
  rows: O[];
  cursor: string | null;
  hasMore: boolean;
}

export async function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  order: KeysetOrder<O>,
  cursor: string | null | undefined,
  limit: number,
): Promise<KeysetPage<O>> {
  const refs: RawBuilder<unknown>[] = order.columns.map((c) => sql`${sql.ref(c)}`);
  let q = query;
  if (cursor) {
    const values = decodeCursor(
      cursor,
      order.columns.map(() => 'string' as const),
    );
    const op = sql.raw(order.direction === 'asc' ? '>' : '<');
    q = q.where(sql<boolean>`(${sql.join(refs)}) ${op} (${sql.join(values)})`);
  }
  for (const ref of refs) q = q.orderBy(ref, order.direction);
  const rows = await q.limit(limit + 1).execute();
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return { rows: page, cursor: hasMore && last ? encodeCursor(order.valuesOf(last)) : null, hasMore };
}

/** A page of rows as the contract's page of items. */
export const pageItems = <O, T>(page: KeysetPage<O>, present: (row: O) => T) => ({
  items: page.rows.map(present),
  cursor: page.cursor,
  hasMore: page.hasMore,
});
