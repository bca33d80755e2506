import type { DatabaseKind, Tx } from '../db/connect.ts';
import { newId } from '../ids.ts';
import { canonicalText, genesisHash, hashCanonical } from './chain.ts';
import { insertEntry, lockChainHead, moveChainHead } from './queries.ts';

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

/** Appends one entry to its chain inside the caller's transaction; returns its hash. */
export async function appendAuditEntry(trx: Tx, kind: DatabaseKind, entry: AuditAppend): Promise<string> {
  const head = await lockChainHead(trx, kind, entry.chain, genesisHash);
  const sequence = head.sequence + 1;
  const previousHash = head.hash;
  const fields = [...new Set(entry.fields)].sort();
  const canonical = canonicalText({ ...entry, fields, sequence, previousHash });
  const hash = hashCanonical(canonical);
  await moveChainHead(trx, entry.chain, sequence, hash);
  await insertEntry(trx, {
    id: newId(),
    chain: entry.chain,
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
  });
  return hash;
}
