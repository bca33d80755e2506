import { endpoints, limits } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { forbidden } from '../errors.ts';
import type { Registrar } from '../http/register.ts';
import { recordHistory } from '../records/history.ts';
import { readableStructure } from '../settlements/structures.ts';
import { keysetPage, pageItems } from '../sync/keyset.ts';
import { callerOf } from '../workspaces/caller.ts';
import { withdrawConsent } from './consent.ts';
import { householdCounts } from './counts.ts';
import { createHousehold, resolveHousehold, updateHousehold } from './enumerate.ts';
import { addMember, removeMember, resolveMember, updateMember } from './members.ts';
import { canHouseholds, purposeOf } from './policy.ts';
import {
  presentConsent,
  presentHousehold,
  presentHouseholdDetail,
  presentMember,
  presentRoundDetail,
} from './present.ts';
import {
  consentOf,
  type HouseholdRow,
  householdsOfStructure,
  householdsQuery,
  membersOf,
} from './queries.ts';
import { readableHousehold } from './readable.ts';
import { createRound, moveRound, readableRound, resolveRound, updateRound } from './rounds.ts';

async function detail(ctx: RequestContext, row: HouseholdRow) {
  const members = await membersOf(ctx.db, row.workspace_id, row.id);
  return presentHouseholdDetail(row, members, await consentOf(ctx.db, row.workspace_id, row.id));
}

export function householdRoutes(api: Registrar) {
  api.register(endpoints.createRound, async ({ ctx, params, body }) =>
    presentRoundDetail(await createRound(ctx, callerOf(ctx), params.settlementId, body)),
  );

  api.register(endpoints.getRound, async ({ ctx, params }) =>
    presentRoundDetail(await readableRound(ctx, callerOf(ctx), params.roundId)),
  );

  api.register(endpoints.updateRound, async ({ ctx, params, body }) =>
    presentRoundDetail(await updateRound(ctx, callerOf(ctx), params.roundId, body)),
  );

  api.register(endpoints.moveRound, async ({ ctx, params, body }) =>
    presentRoundDetail(await moveRound(ctx, callerOf(ctx), params.roundId, body)),
  );

  api.register(endpoints.resolveRound, async ({ ctx, params, body }) =>
    presentRoundDetail(await resolveRound(ctx, callerOf(ctx), params.roundId, body)),
  );

  api.register(endpoints.listHouseholds, async ({ ctx, params, query }) => {
    const caller = callerOf(ctx);
    const round = await readableRound(ctx, caller, params.roundId);
    if (!canHouseholds(caller.role, 'read')) throw forbidden('Your role cannot read household records.');
    const filter = { sectionId: query.sectionId ?? null, purpose: purposeOf(caller.role, query.purpose) };
    const page = await keysetPage(
      householdsQuery(ctx.db, caller.workspaceId, round.id, filter),
      { columns: ['pseudo_id', 'id'], direction: 'asc', valuesOf: (r) => [r.pseudo_id, r.id] },
      query.cursor,
      query.limit ?? limits.pageSizeDefault,
    );
    return pageItems(page, presentHousehold);
  });

  api.register(endpoints.listStructureHouseholds, async ({ ctx, params }) => {
    const caller = callerOf(ctx);
    const structure = await readableStructure(ctx, caller, params.structureId);
    if (!canHouseholds(caller.role, 'read')) throw forbidden('Your role cannot read household records.');
    const rows = await householdsOfStructure(ctx.db, caller.workspaceId, structure.id);
    return { items: rows.map(presentHousehold), cursor: null, hasMore: false };
  });

  api.register(endpoints.householdCounts, async ({ ctx, params, query }) => {
    const caller = callerOf(ctx);
    const round = await readableRound(ctx, caller, params.roundId);
    if (!canHouseholds(caller.role, 'readCounts')) throw forbidden();
    return householdCounts(ctx.db, round, purposeOf(caller.role, query.purpose));
  });

  api.register(endpoints.createHousehold, async ({ ctx, params, body }) =>
    detail(ctx, await createHousehold(ctx, callerOf(ctx), params.roundId, body)),
  );

  api.register(endpoints.getHousehold, async ({ ctx, params }) =>
    detail(ctx, await readableHousehold(ctx, callerOf(ctx), params.householdId)),
  );

  api.register(endpoints.updateHousehold, async ({ ctx, params, body }) =>
    detail(ctx, await updateHousehold(ctx, callerOf(ctx), params.householdId, body)),
  );

  api.register(endpoints.householdHistory, async ({ ctx, params }) => {
    const row = await readableHousehold(ctx, callerOf(ctx), params.householdId);
    return recordHistory(ctx, 'household', row);
  });

  api.register(endpoints.resolveHousehold, async ({ ctx, params, body }) =>
    detail(ctx, await resolveHousehold(ctx, callerOf(ctx), params.householdId, body)),
  );

  api.register(endpoints.addHouseholdMember, async ({ ctx, params, body }) =>
    presentMember(await addMember(ctx, callerOf(ctx), params.householdId, body)),
  );

  api.register(endpoints.updateHouseholdMember, async ({ ctx, params, body }) =>
    presentMember(await updateMember(ctx, callerOf(ctx), params.memberId, body)),
  );

  api.register(endpoints.resolveHouseholdMember, async ({ ctx, params, body }) =>
    presentMember(await resolveMember(ctx, callerOf(ctx), params.memberId, body)),
  );

  api.register(endpoints.removeHouseholdMember, async ({ ctx, params, query }) => {
    await removeMember(ctx, callerOf(ctx), params.memberId, query.baseVersionId);
    return undefined;
  });

  api.register(endpoints.withdrawConsent, async ({ ctx, params, body }) => {
    const caller = callerOf(ctx);
    const household = await readableHousehold(ctx, caller, params.householdId);
    return presentConsent(await withdrawConsent(ctx, caller, household.id, body));
  });
}
