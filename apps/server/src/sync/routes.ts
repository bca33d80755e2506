import { endpoints, limits } from '@coproduce/contract';
import { assignmentsSource, teamsSource } from '../assignments/feed.ts';
import { assignedAreas } from '../assignments/queries.ts';
import { attachmentsSource, formsSource, formVersionsSource } from '../forms/feed.ts';
import type { Registrar } from '../http/register.ts';
import { sectionsSource, settlementsSource, structuresSource } from '../settlements/feed.ts';
import { canSettlements } from '../settlements/policy.ts';
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
  settlementsSource,
  sectionsSource,
  structuresSource,
];

export function syncRoutes(api: Registrar) {
  api.register(endpoints.listChanges, async ({ ctx, query }) => {
    const caller = callerOf(ctx);
    const assigns = canSubmissions(caller.role, 'assign');
    const teamIds = assigns ? null : await teamsOf(ctx.db, caller.workspaceId, caller.personId);
    const viewer: Viewer = {
      workspaceId: caller.workspaceId,
      role: caller.role,
      personId: caller.personId,
      // A researcher's phone holds only the forms they collect, never the whole workspace.
      formIds: await collectableFormIds(ctx.db, caller),
      teamIds,
      // …and the places their assignments name, never the whole city.
      areas:
        teamIds && canSettlements(caller.role, 'number')
          ? await assignedAreas(ctx.db, caller.workspaceId, caller.personId, teamIds)
          : null,
    };
    return changesPage(ctx, sources, viewer, query.since, query.limit ?? limits.pageSizeDefault);
  });
}
