import { sql } from 'kysely';
import type { Tx } from '../db/connect.ts';

/** The cheapest round trip that proves the database answers. */
export async function pingDatabase(db: Tx): Promise<void> {
  await sql`select 1`.execute(db);
}
