import { createHash } from 'node:crypto';

/** The hash a chain starts from. */
export const genesisHash = '0'.repeat(64);

export const workspaceChain = (workspaceId: string) => `workspace:${workspaceId}`;
export const accountsChain = 'accounts';

export interface ChainedFields {
  chain: string;
  sequence: number;
  workspaceId: string | null;
  actorAccountId: string | null;
  onBehalfOfPersonId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  fields: string[];
  occurredAt: string;
  previousHash: string;
}

/**
 * The exact text that is hashed and stored. A JSON array in a fixed order: unambiguous, and
 * verifiable by anyone with the stored text alone. It holds ids and field names, never values.
 */
export function canonicalText(entry: ChainedFields): string {
  return JSON.stringify([
    'coproduce-audit-v1',
    entry.chain,
    entry.sequence,
    entry.workspaceId,
    entry.actorAccountId,
    entry.onBehalfOfPersonId,
    entry.action,
    entry.entityType,
    entry.entityId,
    [...entry.fields].sort(),
    entry.occurredAt,
    entry.previousHash,
  ]);
}

export const hashCanonical = (canonical: string): string =>
  createHash('sha256').update(canonical, 'utf8').digest('hex');
