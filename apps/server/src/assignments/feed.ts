// Assignments and teams in the change feed: a researcher's own (by name or team), everything for
// those who assign. Filtered in SQL, so a page is never emptied by others' rows; an assignment or
// team taken away changes the viewer's scope, and the reset that follows makes the phone forget it.
import type { FeedItem } from '@coproduce/contract';
import { revisionText } from '../db/revision.ts';
import { canSubmissions } from '../submissions/policy.ts';
import type { FeedSource } from '../sync/feed.ts';
import { changedSince } from '../sync/rows.ts';
import { presentAssignment, presentTeam } from './present.ts';
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
    let q = assignmentsQuery(ctx.db, viewer.workspaceId);
    if (viewer.teamIds) {
      const teams = [...viewer.teamIds, ''];
      q = q.where((eb) =>
        eb.or([eb('assignments.person_id', '=', viewer.personId), eb('assignments.team_id', 'in', teams)]),
      );
    }
    const { rows } = await changedSince(q, after, limit, 'assignments');
    return rows.map((r) => item('assignment', r.id, r.revision, r.deleted_at !== null, presentAssignment(r)));
  },
};

export const teamsSource: FeedSource = {
  kind: 'team',
  async read(ctx, viewer, after, limit) {
    if (!canSubmissions(viewer.role, 'readOwn')) return [];
    let q = teamsQuery(ctx.db, viewer.workspaceId);
    if (viewer.teamIds) q = q.where('id', 'in', [...viewer.teamIds, '']);
    const { rows } = await changedSince(q, after, limit);
    return rows.map((r) => item('team', r.id, r.revision, r.deleted_at !== null, presentTeam(r)));
  },
};
