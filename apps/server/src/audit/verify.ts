import type { KeyObject } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import { canonicalText, canonicalVersion, genesisHash, sealCanonical, unkeyedHash } from './chain.ts';
import { type Checkpoint, checkpointSignatureValid } from './checkpoints.ts';
import { type AuditRow, chainHead, chainPage, listChains } from './queries.ts';

/** One thing wrong, named by chain and entry (or the checkpoint that shows it). */
export interface Damage {
  chain: string;
  sequence: number;
  entryId: string | null;
  reason: string;
}

export interface VerifyReport {
  chains: number;
  entries: number;
  checkpoints: number;
  /** Every damage found, in chain and sequence order (at most `maxDamage`). */
  damage: Damage[];
  /** The first damage, or null when the log is whole. */
  broken: Damage | null;
}

export interface VerifyKeys {
  hmacKey: Buffer;
  publicKey: KeyObject;
}

const pageSize = 1000;
const maxDamage = 200;

/** Rebuilds an entry's canonical text from its columns; a `fields` value that is not a JSON list is damage. */
function rebuild(row: AuditRow, version: 'v1' | 'v2'): string | { damage: string } {
  let fields: unknown;
  try {
    fields = JSON.parse(row.fields);
  } catch {
    return { damage: 'the fields column is not JSON' };
  }
  if (!Array.isArray(fields) || !fields.every((f) => typeof f === 'string'))
    return { damage: 'the fields column is not a list of field names' };
  return canonicalText(
    {
      chain: row.chain,
      sequence: row.sequence,
      workspaceId: row.workspace_id,
      actorAccountId: row.actor_account_id,
      onBehalfOfPersonId: row.on_behalf_of_person_id,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      fields,
      occurredAt: row.occurred_at,
      previousHash: row.previous_hash,
    },
    version === 'v1' ? 'coproduce-audit-v1' : 'coproduce-audit-v2',
  );
}

/**
 * Walks every chain from its start and names every damage: a missing or moved entry, a broken
 * link, columns that no longer rebuild the sealed text, a seal that does not match (rewritten
 * without the key), an unkeyed entry after keyed ones, a head that does not match, and any
 * checkpoint (signed outside the database) that the chain no longer agrees with.
 */
export async function verifyAuditLog(
  db: Db,
  keys: VerifyKeys,
  checkpoints: Checkpoint[] = [],
): Promise<VerifyReport> {
  const damage: Damage[] = [];
  const report = (d: Damage) => {
    if (damage.length < maxDamage) damage.push(d);
  };
  let entries = 0;
  const chains = await listChains(db);
  const hashes = new Map<string, Map<number, string>>();
  const lastSequence = new Map<string, number>();
  for (const chain of chains) {
    const byCheckpoint = new Set(checkpoints.filter((c) => c.chain === chain).map((c) => c.sequence));
    const seen = new Map<number, string>();
    hashes.set(chain, seen);
    let previousHash = genesisHash;
    let expected = 1;
    let keyedSeen = false;
    for (let after = 0; ; ) {
      const rows = await chainPage(db, chain, after, pageSize);
      for (const row of rows) {
        entries += 1;
        const at = (reason: string) => report({ chain, sequence: row.sequence, entryId: row.id, reason });
        if (row.sequence > expected) {
          const missing = row.sequence - expected;
          report({
            chain,
            sequence: expected,
            entryId: null,
            reason:
              missing === 1
                ? `entry ${expected} is missing`
                : `entries ${expected} to ${row.sequence - 1} are missing`,
          });
        }
        if (row.previous_hash !== previousHash) at('previous hash does not match the entry before');
        const version = canonicalVersion(row.canonical);
        if (!version) at('the stored text is not an audit entry');
        else {
          if (version === 'v2') keyedSeen = true;
          else if (keyedSeen) at('an unkeyed (old format) entry follows keyed ones');
          const rebuilt = rebuild(row, version);
          if (typeof rebuilt !== 'string') at(rebuilt.damage);
          else if (rebuilt !== row.canonical) at('columns were changed after the entry was written');
          const seal =
            version === 'v2' ? sealCanonical(row.canonical, keys.hmacKey) : unkeyedHash(row.canonical);
          if (seal !== row.hash)
            at(
              version === 'v2'
                ? 'the seal does not match: the entry was rewritten without the audit key'
                : 'hash does not match the canonical text',
            );
        }
        if (byCheckpoint.has(row.sequence)) seen.set(row.sequence, row.hash);
        previousHash = row.hash;
        expected = row.sequence + 1;
        after = row.sequence;
      }
      if (rows.length < pageSize) break;
    }
    lastSequence.set(chain, expected - 1);
    const head = await chainHead(db, chain);
    if (!head && expected > 1) {
      report({ chain, sequence: expected - 1, entryId: null, reason: 'the chain head was removed' });
    } else if (head && (head.sequence !== expected - 1 || head.hash !== previousHash)) {
      report({
        chain,
        sequence: Math.min(head.sequence, expected - 1) + 1,
        entryId: null,
        reason:
          head.sequence > expected - 1
            ? `entries after ${expected - 1} were removed (the head says ${head.sequence})`
            : 'the chain head does not match its last entry',
      });
    }
  }
  for (const c of checkpoints) {
    const entry = hashes.get(c.chain)?.get(c.sequence);
    const last = lastSequence.get(c.chain) ?? 0;
    const where = { chain: c.chain, sequence: c.sequence, entryId: null };
    if (!checkpointSignatureValid(keys.publicKey, c))
      report({ ...where, reason: `the checkpoint of ${c.at} is not signed by this server's key` });
    else if (c.sequence > last)
      report({
        ...where,
        reason: `entries after ${last} were removed: a checkpoint of ${c.at} names entry ${c.sequence}`,
      });
    else if (entry === undefined)
      report({ ...where, reason: `entry ${c.sequence}, named by the checkpoint of ${c.at}, is missing` });
    else if (entry !== c.hash)
      report({
        ...where,
        reason: `entry ${c.sequence} differs from the checkpoint of ${c.at}: history was rewritten`,
      });
  }
  damage.sort((a, b) => a.chain.localeCompare(b.chain) || a.sequence - b.sequence);
  return {
    chains: chains.length,
    entries,
    checkpoints: checkpoints.length,
    damage,
    broken: damage[0] ?? null,
  };
}
