import { endpoints, limits } from '@coproduce/contract';
import { assignmentsSource, teamsSource } from '../assignments/feed.ts';
import { attachmentsSource, formsSource, formVersionsSource } from '../forms/feed.ts';
import type { Registrar } from '../http/register.ts';
import { submissionsSource } from '../submissions/feed.ts';
import { canSubmissions } from '../submissions/policy.ts';
import { collectableFormIds, teamsOf } from '../submissions/queries.ts';
import { callerOf } from '../workspaces/caller.ts';
import { changesPage, type FeedSource, type Viewer } from './feed.ts';

/** Every domain's source, in the order of the contract's feed kinds. */
const sources: FeedSource[] = [
  formsSource,
  formVersionsSource,
  attachmentsSource,
  assignmentsSource,
  teamsSource,
  submissionsSource,
];

export function syncRoutes(api: Registrar) {
  api.register(endpoints.listChanges, async ({ ctx, query }) => {
    const caller = callerOf(ctx);
    const viewer: Viewer = {
      workspaceId: caller.workspaceId,
      role: caller.role,
      personId: caller.personId,
      // A researcher's phone holds only the forms they collect, never the whole workspace.
      formIds: await collectableFormIds(ctx.db, caller),
      teamIds: canSubmissions(caller.role, 'assign')
        ? null
        : await teamsOf(ctx.db, caller.workspaceId, caller.personId),
    };
    return changesPage(ctx, sources, viewer, query.since, query.limit ?? limits.pageSizeDefault);
  });
}
