import type { Db } from '../db/connect.ts';
import { canonicalText, genesisHash, hashCanonical } from './chain.ts';
import { chainHead, chainPage, listChains } from './queries.ts';

export interface BrokenLink {
  chain: string;
  sequence: number;
  entryId: string | null;
  reason: string;
}

export interface VerifyReport {
  chains: number;
  entries: number;
  broken: BrokenLink | null;
}

const pageSize = 1000;

/**
 * Walks every chain from its start: each entry's stored canonical text must rebuild from its
 * columns, hash to its stored hash, and name the previous entry's hash. Stops at the first break.
 */
export async function verifyAuditLog(db: Db): Promise<VerifyReport> {
  let entries = 0;
  const chains = await listChains(db);
  for (const chain of chains) {
    let previousHash = genesisHash;
    let expected = 1;
    for (;;) {
      const rows = await chainPage(db, chain, expected - 1, pageSize);
      for (const row of rows) {
        entries += 1;
        const broken = (reason: string): VerifyReport => ({
          chains: chains.length,
          entries,
          broken: { chain, sequence: row.sequence, entryId: row.id, reason },
        });
        if (row.sequence !== expected) return broken(`entry ${expected} is missing`);
        if (row.previous_hash !== previousHash)
          return broken('previous hash does not match the entry before');
        const rebuilt = canonicalText({
          chain: row.chain,
          sequence: row.sequence,
          workspaceId: row.workspace_id,
          actorAccountId: row.actor_account_id,
          onBehalfOfPersonId: row.on_behalf_of_person_id,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          fields: JSON.parse(row.fields) as string[],
          occurredAt: row.occurred_at,
          previousHash: row.previous_hash,
        });
        if (rebuilt !== row.canonical) return broken('columns were changed after the entry was written');
        if (hashCanonical(row.canonical) !== row.hash)
          return broken('hash does not match the canonical text');
        previousHash = row.hash;
        expected += 1;
      }
      if (rows.length < pageSize) break;
    }
    const head = await chainHead(db, chain);
    if (!head && expected > 1) {
      return {
        chains: chains.length,
        entries,
        broken: { chain, sequence: expected - 1, entryId: null, reason: 'the chain head was removed' },
      };
    }
    if (head && (head.sequence !== expected - 1 || head.hash !== previousHash)) {
      return {
        chains: chains.length,
        entries,
        broken: { chain, sequence: expected, entryId: null, reason: 'entries after this point were removed' },
      };
    }
  }
  return { chains: chains.length, entries, broken: null };
}
