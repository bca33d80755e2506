import type { AuditEntry, AuditSubject } from '@coproduce/contract';
import type { listAuditEntries } from './list-queries.ts';

export type AuditRow = Awaited<ReturnType<typeof listAuditEntries>>[number];

export function presentEntry(row: AuditRow, subject: AuditSubject): AuditEntry {
  return {
    id: row.id,
    sequence: Number(row.sequence),
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    fields: JSON.parse(row.fields) as string[],
    actorAccountId: row.actor_account_id,
    actorDisplayName: row.actor_display_name,
    onBehalfOfPersonId: row.on_behalf_of_person_id,
    onBehalfOfDisplayName: row.on_behalf_of_display_name,
    occurredAt: row.occurred_at,
    hash: row.hash,
    subject,
  };
}
