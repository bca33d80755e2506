import type { RequestContext } from '../context.ts';
import type { RecordKind } from './policy.ts';
import { presentVersion } from './present.ts';
import { versionsOf } from './queries.ts';

/** A record's versions, oldest first, with which one is current: every record's history endpoint. */
export async function recordHistory(
  ctx: RequestContext,
  kind: RecordKind,
  row: { workspace_id: string; id: string; current_version_id: string },
) {
  const versions = await versionsOf(ctx.db, { workspaceId: row.workspace_id, kind, id: row.id });
  return { current: row.current_version_id, items: versions.map(presentVersion) };
}
