import type { DatabaseKind, Db, Tx } from '../db/connect.ts';
import type { AuditEntriesTable } from '../db/schema.ts';

/**
 * The chain's head, locked until the transaction ends, created at sequence 0 if the chain is new.
 * Creating with ON CONFLICT DO NOTHING makes concurrent first writers wait for each other instead
 * of failing on the key; the row lock then hands out sequence numbers one transaction at a time.
 */
export async function lockChainHead(trx: Tx, kind: DatabaseKind, chain: string, genesis: string) {
  await trx
    .insertInto('audit_chain_heads')
    .values({ chain, sequence: 0, hash: genesis })
    .onConflict((oc) => oc.column('chain').doNothing())
    .execute();
  const query = trx.selectFrom('audit_chain_heads').select(['sequence', 'hash']).where('chain', '=', chain);
  // SQLite has one writer, so only PostgreSQL needs the row lock that keeps a chain linear.
  return (kind === 'postgres' ? query.forUpdate() : query).executeTakeFirstOrThrow();
}

export async function moveChainHead(trx: Tx, chain: string, sequence: number, hash: string) {
  await trx.updateTable('audit_chain_heads').set({ sequence, hash }).where('chain', '=', chain).execute();
}

/** An audit entry as stored: the table's own type, declared once in db/schema.ts. */
export type AuditRow = AuditEntriesTable;

/** Inserts in chunks: a batch's entries in a few statements, within both engines' parameter limits. */
export async function insertEntries(trx: Tx, rows: AuditRow[]) {
  for (let start = 0; start < rows.length; start += 60) {
    await trx
      .insertInto('audit_entries')
      .values(rows.slice(start, start + 60))
      .execute();
  }
}

/** Chains named by a head or by any entry, so entries whose head was deleted are still checked. */
export async function listChains(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_chain_heads')
    .select('chain')
    .union(db.selectFrom('audit_entries').select('chain'))
    .execute();
  return rows.map((row) => row.chain).sort();
}

/** Entries of one chain in order, a page at a time, so verifying a long chain stays in memory bounds. */
export async function chainPage(db: Db, chain: string, afterSequence: number, limit: number) {
  return db
    .selectFrom('audit_entries')
    .selectAll()
    .where('chain', '=', chain)
    .where('sequence', '>', afterSequence)
    .orderBy('sequence')
    .limit(limit)
    .execute();
}

export async function chainHead(db: Db, chain: string) {
  return db.selectFrom('audit_chain_heads').selectAll().where('chain', '=', chain).executeTakeFirst();
}

export async function listChainHeads(db: Db) {
  return db.selectFrom('audit_chain_heads').select(['chain', 'sequence', 'hash']).orderBy('chain').execute();
}
