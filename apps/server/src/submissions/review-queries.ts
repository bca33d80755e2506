import type { Insertable } from 'kysely';
import type { SubmissionReviewsTable } from '../db/collection-schema.ts';
import type { Tx } from '../db/connect.ts';
import { readLayout } from './answer-tables.ts';
import type { DetailParts } from './present.ts';
import type { SubmissionRow } from './queries.ts';

export async function insertReview(trx: Tx, row: Insertable<SubmissionReviewsTable>) {
  await trx.insertInto('submission_reviews').values(row).execute();
}

export async function versionModel(trx: Tx, workspaceId: string, formVersionId: string) {
  return trx
    .selectFrom('form_versions')
    .select(['model', 'number'])
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', formVersionId)
    .executeTakeFirst();
}

/** Everything the detail view shows of one submission, in four small queries. */
export async function detailParts(trx: Tx, row: SubmissionRow): Promise<DetailParts> {
  const ws = row.workspace_id;
  const versions = await trx
    .selectFrom('submission_versions as v')
    .innerJoin('form_versions as f', (join) =>
      join.onRef('f.workspace_id', '=', 'v.workspace_id').onRef('f.id', '=', 'v.form_version_id'),
    )
    .select([
      'v.id',
      'v.number',
      'v.kind',
      'f.number as form_version_number',
      'v.answers',
      'v.issues',
      'v.base_version_id',
      'v.reason',
      'v.created_at',
      'v.created_by_person_id',
    ])
    .where('v.workspace_id', '=', ws)
    .where('v.submission_id', '=', row.id)
    .orderBy('v.number')
    .execute();
  const files = await trx
    .selectFrom('submission_files')
    .select(['name', 'size', 'received_bytes', 'complete', 'content_type'])
    .where('workspace_id', '=', ws)
    .where('submission_id', '=', row.id)
    .orderBy('name')
    .execute();
  const reviews = await trx
    .selectFrom('submission_reviews')
    .select(['id', 'state_from', 'state_to', 'comment', 'author_person_id', 'created_at'])
    .where('workspace_id', '=', ws)
    .where('submission_id', '=', row.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const layout = await readLayout(trx, ws, row.form_id);
  const point = layout.columns.find((c) => c.valueType === 'lat' && !c.repeatPath);
  let location: DetailParts['location'] = null;
  if (point) {
    const current = versions.find((v) => v.id === row.current_version_id);
    const value = current ? valueAt(JSON.parse(current.answers), point.path) : null;
    const parts = value?.trim().split(/\s+/) ?? [];
    const [lat, lon] = [Number(parts[0]), Number(parts[1])];
    if (parts.length >= 2 && Number.isFinite(lat) && Number.isFinite(lon))
      location = { lat, lon, path: point.path };
  }
  return { versions, files, reviews, location };
}

function valueAt(tree: unknown, path: string): string | null {
  let node: unknown = tree;
  for (const name of path.split('/').filter(Boolean)) {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return null;
    node = (node as Record<string, unknown>)[name];
  }
  return typeof node === 'string' ? node : null;
}

/** The published version number of each form version id. */
export async function formVersionNumbers(trx: Tx, workspaceId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map<string, number>();
  const rows = await trx
    .selectFrom('form_versions')
    .select(['id', 'number'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.number]));
}
