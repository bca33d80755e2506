import { type EndpointResponse, endpoints, limits, type Role } from '@coproduce/contract';
import { forbidden } from '../errors.ts';
import type { Registrar } from '../http/register.ts';
import { canListInvites } from '../members/policy.ts';
import { keysetPage, pageItems } from '../sync/keyset.ts';
import { callerOf } from '../workspaces/caller.ts';
import { abilitiesFor } from '../workspaces/policy.ts';
import { createInvite, presentInvite, revokeInvite } from './create.ts';
import { findInvite, inviteOrder, invitesOf } from './queries.ts';
import { assertOpen, lookUpCode, prepareRedeem, type RedeemPrepared, redeemInvite } from './redeem.ts';
import { reissueInviteCode } from './reissue.ts';

export function inviteRoutes(api: Registrar) {
  api.register(endpoints.listInvites, async ({ ctx, query }) => {
    const caller = callerOf(ctx);
    if (!canListInvites(caller.role)) throw forbidden('Your role cannot see invites.');
    // Staff see the member invites they may make and revoke; coordinators see all.
    const onlyRole = abilitiesFor(caller.role).manageWorkspace ? null : 'member';
    const page = await keysetPage(
      invitesOf(ctx.db, caller.workspaceId, onlyRole),
      inviteOrder,
      query.cursor,
      query.limit ?? limits.pageSizeDefault,
    );
    return pageItems(page, (row) => presentInvite(row, ctx.now));
  });

  api.register(endpoints.createInvite, async ({ ctx, body }) => createInvite(ctx, callerOf(ctx), body));

  api.register(endpoints.revokeInvite, async ({ ctx, params }) => {
    const caller = callerOf(ctx);
    if (!canListInvites(caller.role)) throw forbidden('Your role cannot revoke invites.');
    await revokeInvite(ctx, caller, await findInvite(ctx.db, caller.workspaceId, params.inviteId));
    return undefined;
  });

  api.register(endpoints.reissueInviteCode, async ({ ctx, params }) =>
    reissueInviteCode(ctx, callerOf(ctx), params.inviteId),
  );

  api.register<typeof endpoints.previewInvite, EndpointResponse<typeof endpoints.previewInvite>>(
    endpoints.previewInvite,
    async ({ ctx, prepared }) => {
      ctx.unchanged();
      return prepared;
    },
    {
      prepare: async ({ deps, request, body }) => {
        const row = await lookUpCode(deps, request, body.code);
        assertOpen(row, deps.clock.now().toISOString());
        return {
          workspaceName: row.workspace_name,
          role: row.role as Role,
          personDisplayName: row.person_display_name,
          expiresAt: row.expires_at,
        };
      },
    },
  );

  api.register<typeof endpoints.redeemInvite, RedeemPrepared>(
    endpoints.redeemInvite,
    async ({ ctx, request, reply, body, prepared }) => redeemInvite(ctx, request, reply, body, prepared),
    { prepare: async ({ deps, request, caller, body }) => prepareRedeem(deps, request, caller, body) },
  );
}
