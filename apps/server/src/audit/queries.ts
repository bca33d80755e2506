import type { DatabaseKind, Db, Tx } from '../db/connect.ts';

export async function lockChainHead(trx: Tx, kind: DatabaseKind, chain: string) {
  const query = trx.selectFrom('audit_chain_heads').select(['sequence', 'hash']).where('chain', '=', chain);
  // SQLite has one writer, so only PostgreSQL needs the row lock that keeps a chain linear.
  return (kind === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

export async function createChainHead(trx: Tx, chain: string, sequence: number, hash: string) {
  // Two first writers may race to create a chain: the loser waits on the key, then fails and retries.
  await trx.insertInto('audit_chain_heads').values({ chain, sequence, hash }).execute();
}

export async function moveChainHead(trx: Tx, chain: string, sequence: number, hash: string) {
  await trx.updateTable('audit_chain_heads').set({ sequence, hash }).where('chain', '=', chain).execute();
}

export interface AuditRow {
  id: string;
  chain: string;
  sequence: number;
  workspace_id: string | null;
  actor_account_id: string | null;
  on_behalf_of_person_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  fields: string;
  occurred_at: string;
  canonical: string;
  previous_hash: string;
  hash: string;
}

export async function insertEntry(trx: Tx, row: AuditRow) {
  await trx.insertInto('audit_entries').values(row).execute();
}

export async function listChains(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_chain_heads').select('chain').orderBy('chain').execute();
  return rows.map((row) => row.chain);
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
