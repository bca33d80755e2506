// Assignments and teams in the change feed: a researcher's own (by name or team), everything for
// those who assign.
import type { FeedItem } from '@coproduce/contract';
import { revisionText } from '../db/revision.ts';
import { canSubmissions } from '../submissions/policy.ts';
import type { FeedSource } from '../sync/feed.ts';
import { changedSince } from '../sync/rows.ts';
import { assignedTo, presentAssignment, presentTeam } from './present.ts';
import { assignmentsQuery, teamsQuery } from './queries.ts';

const item = (
  kind: FeedItem['kind'],
  id: string,
  revision: string | number | bigint,
  deleted: boolean,
  data: unknown,
) => ({
  id,
  revision: revisionText(revision),
  item: { kind, id, revision: revisionText(revision), deleted, data: deleted ? null : data } as FeedItem,
});

export const assignmentsSource: FeedSource = {
  kind: 'assignment',
  async read(ctx, viewer, after, limit) {
    if (!canSubmissions(viewer.role, 'readOwn')) return [];
    const { rows } = await changedSince(
      assignmentsQuery(ctx.db, viewer.workspaceId),
      after,
      limit,
      'assignments',
    );
    const all = canSubmissions(viewer.role, 'assign');
    // An assignment taken away from the viewer arrives as deleted, so the phone forgets it.
    return rows.map((r) =>
      item(
        'assignment',
        r.id,
        r.revision,
        r.deleted_at !== null || (!all && !assignedTo(r, viewer.personId)),
        presentAssignment(r),
      ),
    );
  },
};

export const teamsSource: FeedSource = {
  kind: 'team',
  async read(ctx, viewer, after, limit) {
    if (!canSubmissions(viewer.role, 'readOwn')) return [];
    const { rows } = await changedSince(teamsQuery(ctx.db, viewer.workspaceId), after, limit);
    const all = canSubmissions(viewer.role, 'assign');
    return rows.map((r) => {
      const mine = all || (JSON.parse(r.member_person_ids) as string[]).includes(viewer.personId);
      return item('team', r.id, r.revision, r.deleted_at !== null || !mine, presentTeam(r));
    });
  },
};
