import type { SubmissionItem } from '@coproduce/contract';
import type { Db } from '../db/connect.ts';
import { personOfAccounts } from '../forms/queries.ts';
import type { Submitter } from './ingest.ts';
import { parse } from './ingest-items.ts';
import { collectableFormIds, formsByIds, versionsByNumber } from './queries.ts';

/**
 * What a batch is checked against and changes nowhere: the form versions it was filled in, their
 * forms' state, the forms the submitter collects and the people behind a backup's accounts. The
 * phone's route reads these before its transaction, on the read connection and at once, so the
 * group commit's one-at-a-time section holds only the writes and the checks that must see them
 * (is this id here already, with which answers). Read so, a form archived or an assignment ended in
 * the same instant may still take this batch, as it would have a moment earlier.
 */
export interface IngestLookups {
  parsed: ReturnType<typeof parse>[];
  versions: Awaited<ReturnType<typeof versionsByNumber>>;
  forms: Array<{ id: string; status: string; deleted_at: string | null; latest_version_id: string | null }>;
  assigned: Set<string> | null;
  collectors: Map<string, string>;
}

export async function readIngestLookups(
  db: Db,
  submitter: Submitter,
  rawItems: unknown[],
): Promise<IngestLookups> {
  const parsed = rawItems.map(parse);
  const items = parsed.flatMap((p) => ('item' in p ? [p.item] : []));
  const ws = submitter.workspaceId;
  const [versions, assigned, collectors] = await Promise.all([
    versionsByNumber(db, ws, uniquePairs(items)),
    collectableFormIds(db, submitter),
    // Work from a backup file stays its collector's, even one who has left since.
    personOfAccounts(
      db,
      ws,
      items.map((item) => item.collectedBy ?? null),
    ),
  ]);
  // The versions found carry their form's state; only forms without a matching version are looked
  // up (to tell an unknown form from one not published yet).
  const unmatched = items.filter(
    (item) => !versions.some((v) => v.form_id === item.formId && v.number === item.formVersion),
  );
  const forms = [
    ...versions.map((v) => ({
      id: v.form_id,
      status: v.form_status,
      deleted_at: v.form_deleted_at,
      latest_version_id: v.id,
    })),
    ...(await formsByIds(db, ws, [...new Set(unmatched.map((item) => item.formId))])),
  ];
  return { parsed, versions, forms, assigned, collectors };
}

function uniquePairs(items: SubmissionItem[]) {
  const seen = new Map<string, { formId: string; number: number }>();
  for (const item of items)
    seen.set(`${item.formId} ${item.formVersion}`, { formId: item.formId, number: item.formVersion });
  return [...seen.values()];
}
