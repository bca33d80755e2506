import type { DatabaseKind, Tx } from '../db/connect.ts';
import { newId } from '../ids.ts';
import { canonicalText, genesisHash, sealCanonical } from './chain.ts';
import { insertEntries, lockChainHead, moveChainHead } from './queries.ts';

export interface AuditAppend {
  chain: string;
  workspaceId: string | null;
  actorAccountId: string | null;
  onBehalfOfPersonId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  fields: string[];
  occurredAt: string;
}

/** Where a chain stands after an append: what the anchor file and checkpoints record. */
export interface ChainHead {
  chain: string;
  sequence: number;
  hash: string;
}

/**
 * Appends entries to their chains inside the caller's transaction, in the order given: each chain's
 * head is locked once, however many entries it gets (a batch of 50 submissions is 50 entries).
 */
export async function appendAuditEntries(
  trx: Tx,
  kind: DatabaseKind,
  key: Buffer,
  entries: AuditAppend[],
): Promise<ChainHead[]> {
  const byChain = new Map<string, AuditAppend[]>();
  for (const entry of entries) {
    const list = byChain.get(entry.chain);
    if (list) list.push(entry);
    else byChain.set(entry.chain, [entry]);
  }
  const heads: ChainHead[] = [];
  // A fixed lock order, so two transactions writing to the same chains cannot deadlock.
  for (const chain of [...byChain.keys()].sort()) {
    const head = await lockChainHead(trx, kind, chain, genesisHash);
    let sequence = head.sequence;
    let previousHash = head.hash;
    const rows = (byChain.get(chain) ?? []).map((entry) => {
      sequence += 1;
      const fields = [...new Set(entry.fields)].sort();
      const canonical = canonicalText({ ...entry, fields, sequence, previousHash });
      const hash = sealCanonical(canonical, key);
      const row = {
        id: newId(),
        chain,
        sequence,
        workspace_id: entry.workspaceId,
        actor_account_id: entry.actorAccountId,
        on_behalf_of_person_id: entry.onBehalfOfPersonId,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        fields: JSON.stringify(fields),
        occurred_at: entry.occurredAt,
        canonical,
        previous_hash: previousHash,
        hash,
      };
      previousHash = hash;
      return row;
    });
    await insertEntries(trx, rows);
    await moveChainHead(trx, chain, sequence, previousHash);
    heads.push({ chain, sequence, hash: previousHash });
  }
  return heads;
}

/** One entry (tests, the CLI): the same path as a batch. */
export async function appendAuditEntry(trx: Tx, kind: DatabaseKind, key: Buffer, entry: AuditAppend) {
  const [head] = await appendAuditEntries(trx, kind, key, [entry]);
  return head?.hash ?? genesisHash;
}
