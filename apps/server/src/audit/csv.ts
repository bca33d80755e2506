import type { AuditEntry } from '@coproduce/contract';
import { csvCell, safe } from '../exports/job.ts';

export const auditCsvHeader = [
  'sequence',
  'occurred_at',
  'action',
  'entity_type',
  'entity_id',
  'fields',
  'actor_account_id',
  'actor_name',
  'on_behalf_of_person_id',
  'on_behalf_of_name',
  'subject_name',
  'subject_form',
  'subject_owner',
  'hash',
];

/** One CSV line of an entry: codes and ids for a machine, names for a person reading it. */
export function auditCsvLine(entry: AuditEntry): string {
  return [
    entry.sequence,
    entry.occurredAt,
    entry.action,
    entry.entityType,
    entry.entityId,
    entry.fields.join(' '),
    entry.actorAccountId,
    entry.actorDisplayName,
    entry.onBehalfOfPersonId,
    entry.onBehalfOfDisplayName,
    entry.subject.name,
    entry.subject.form,
    entry.subject.owner,
    entry.hash,
  ]
    .map((value) => csvCell(safe(value)))
    .join(',');
}
