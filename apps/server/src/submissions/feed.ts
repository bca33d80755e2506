// A phone learns its own submissions' review states (received, needs attention, approved,
// rejected) through the change feed; nobody's phone receives other people's submissions.
import type { FeedItem } from '@coproduce/contract';
import { revisionText } from '../db/revision.ts';
import { personNames } from '../forms/queries.ts';
import type { FeedSource } from '../sync/feed.ts';
import { changedSince } from '../sync/rows.ts';
import { canSubmissions } from './policy.ts';
import { presentSummary } from './present.ts';
import { formVersionNumbers } from './review-queries.ts';

export const submissionsSource: FeedSource = {
  kind: 'submission',
  async read(ctx, viewer, after, limit) {
    if (!canSubmissions(viewer.role, 'readOwn')) return [];
    const q = ctx.db
      .selectFrom('submissions')
      .selectAll()
      .where('workspace_id', '=', viewer.workspaceId)
      .where('submitted_by_person_id', '=', viewer.personId);
    const { rows } = await changedSince(q, after, limit);
    const names = await personNames(ctx.db, viewer.workspaceId, [viewer.personId]);
    const numbers = await formVersionNumbers(
      ctx.db,
      viewer.workspaceId,
      rows.map((r) => r.form_version_id),
    );
    return rows.map((r) => ({
      id: r.id,
      revision: revisionText(r.revision),
      item: {
        kind: 'submission',
        id: r.id,
        revision: revisionText(r.revision),
        deleted: r.deleted_at !== null,
        data: r.deleted_at ? null : presentSummary(r, numbers.get(r.form_version_id) ?? 0, names),
      } as FeedItem,
    }));
  },
};
