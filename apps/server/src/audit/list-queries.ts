import type { Db } from '../db/connect.ts';
import { workspaceChain } from './chain.ts';

export interface AuditFilter {
  workspaceId: string;
  action: string | null;
  entityType: string | null;
  actorAccountId: string | null;
  from: string | null;
  to: string | null;
  /** Keyset: entries older than this sequence. */
  beforeSequence: number | null;
  limit: number;
}

/**
 * One workspace's chain, newest first, with the actor's and the represented person's names.
 * The chain's (chain, sequence) key serves both the order and the keyset cursor.
 */
export async function listAuditEntries(db: Db, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_entries')
    .leftJoin('accounts', 'accounts.id', 'audit_entries.actor_account_id')
    .leftJoin('people', (join) =>
      join
        .onRef('people.workspace_id', '=', 'audit_entries.workspace_id')
        .onRef('people.id', '=', 'audit_entries.on_behalf_of_person_id'),
    )
    .select([
      'audit_entries.id',
      'audit_entries.sequence',
      'audit_entries.action',
      'audit_entries.entity_type',
      'audit_entries.entity_id',
      'audit_entries.fields',
      'audit_entries.actor_account_id',
      'audit_entries.on_behalf_of_person_id',
      'audit_entries.occurred_at',
      'audit_entries.hash',
      'accounts.display_name as actor_display_name',
      'people.display_name as on_behalf_of_display_name',
    ])
    .where('audit_entries.chain', '=', workspaceChain(filter.workspaceId));
  if (filter.action) query = query.where('audit_entries.action', '=', filter.action);
  if (filter.entityType) query = query.where('audit_entries.entity_type', '=', filter.entityType);
  if (filter.actorAccountId)
    query = query.where('audit_entries.actor_account_id', '=', filter.actorAccountId);
  if (filter.from) query = query.where('audit_entries.occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('audit_entries.occurred_at', '<', filter.to);
  if (filter.beforeSequence !== null)
    query = query.where('audit_entries.sequence', '<', filter.beforeSequence);
  return query.orderBy('audit_entries.sequence', 'desc').limit(filter.limit).execute();
}
