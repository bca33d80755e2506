import { sql } from 'kysely';
import type { Tx } from './connect.ts';

/**
 * Takes the next revision from the one counter. The UPDATE locks the counter row until commit,
 * so on PostgreSQL a reader never sees revision N+1 committed before N (ARCHITECTURE.md rule 10);
 * SQLite has one writer, so order is free there.
 */
export async function takeRevision(trx: Tx): Promise<string> {
  const row = await trx
    .updateTable('revision_counter')
    .set({ value: sql`value + 1` })
    .where('id', '=', 1)
    .returning('value')
    .executeTakeFirstOrThrow();
  return String(row.value);
}

/** Revisions come back as string (pg bigint) or number (SQLite); the API always sends strings. */
export const revisionText = (value: string | number | bigint): string => String(value);
