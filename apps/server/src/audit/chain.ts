import { createHash, createHmac } from 'node:crypto';

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

/** v1 entries (before keys) were plain SHA-256; every entry written now is v2, sealed with the HMAC key. */
const currentVersion = 'coproduce-audit-v2';
const unkeyedVersion = 'coproduce-audit-v1';

/**
 * The exact text that is sealed and stored. A JSON array in a fixed order: unambiguous, and
 * rebuildable from the columns alone. It holds ids and field names, never values.
 */
export function canonicalText(entry: ChainedFields, version = currentVersion): string {
  return JSON.stringify([
    version,
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

/** Which format a stored canonical text is in, read from its first element without trusting the rest. */
export function canonicalVersion(canonical: string): 'v1' | 'v2' | null {
  if (canonical.startsWith(`["${currentVersion}",`)) return 'v2';
  if (canonical.startsWith(`["${unkeyedVersion}",`)) return 'v1';
  return null;
}

/** The seal of a v2 entry: HMAC-SHA256 with the key kept outside the database. */
export const sealCanonical = (canonical: string, key: Buffer): string =>
  createHmac('sha256', key).update(canonical, 'utf8').digest('hex');

/** The hash of a legacy v1 entry. */
export const unkeyedHash = (canonical: string): string =>
  createHash('sha256').update(canonical, 'utf8').digest('hex');
