import type { RecordVersionSchema } from '@coproduce/contract';
import type { z } from 'zod';
import type { RecordVersionRow } from './queries.ts';

export const presentVersion = (row: RecordVersionRow): z.infer<typeof RecordVersionSchema> => ({
  id: row.id,
  number: row.number,
  kind: row.kind,
  content: JSON.parse(row.content) as Record<string, unknown>,
  changed: JSON.parse(row.changed) as string[],
  baseVersionId: row.base_version_id,
  submissionId: row.submission_id,
  reason: row.reason,
  createdByPersonId: row.created_by_person_id,
  createdAt: row.created_at,
});
