import { endpoints, limits, type Member, type Role } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import type { Registrar } from '../http/register.ts';
import { keysetPage, pageItems } from '../sync/keyset.ts';
import { callerOf } from '../workspaces/caller.ts';
import { canListMembers, canManageMembers, leavesNoCoordinator } from './policy.ts';
import {
  endMembership,
  findMember,
  liveCoordinators,
  type MemberRow,
  memberOrder,
  membersQuery,
  setMembershipRole,
} from './queries.ts';

const present = (row: MemberRow, selfMembershipId: string): Member => ({
  id: row.id,
  accountId: row.account_id,
  personId: row.person_id,
  displayName: row.display_name,
  username: row.username,
  role: row.role as Role,
  joinedAt: row.created_at,
  isSelf: row.id === selfMembershipId,
});

const lastCoordinator = () =>
  new AppError(
    'conflict.last_coordinator',
    409,
    'A workspace needs at least one coordinator: make someone else coordinator first.',
  );

async function guardLastCoordinator(
  ctx: RequestContext,
  workspaceId: string,
  membershipId: string,
  newRole: Role | null,
) {
  const coordinators = await liveCoordinators(ctx.db, workspaceId, ctx.deps.databaseKind === 'postgres');
  if (leavesNoCoordinator(coordinators, membershipId, newRole)) throw lastCoordinator();
}

export function memberRoutes(api: Registrar) {
  api.register(endpoints.listMembers, async ({ ctx, query }) => {
    const caller = callerOf(ctx);
    if (!canListMembers(caller.role)) throw forbidden('Your role cannot see the member list.');
    const page = await keysetPage(
      membersQuery(ctx.db, caller.workspaceId),
      memberOrder,
      query.cursor,
      query.limit ?? limits.pageSizeDefault,
    );
    return pageItems(page, (row) => present(row, caller.membershipId));
  });

  api.register(endpoints.changeMemberRole, async ({ ctx, params, body }) => {
    const caller = callerOf(ctx);
    if (!canManageMembers(caller.role)) throw forbidden('Only coordinators change roles.');
    const row = await findMember(ctx.db, caller.workspaceId, params.membershipId);
    if (!row) throw notFound('That member');
    if (row.role === body.role) {
      ctx.unchanged();
      return present(row, caller.membershipId);
    }
    if (row.role === 'coordinator') await guardLastCoordinator(ctx, caller.workspaceId, row.id, body.role);
    await setMembershipRole(ctx.db, caller.workspaceId, row.id, body.role, ctx.now, await ctx.revision());
    ctx.audit({ action: 'member.role_change', entityType: 'membership', entityId: row.id, fields: ['role'] });
    return present({ ...row, role: body.role }, caller.membershipId);
  });

  api.register(endpoints.removeMember, async ({ ctx, params }) => {
    const caller = callerOf(ctx);
    if (!canManageMembers(caller.role)) throw forbidden('Only coordinators remove members.');
    const row = await findMember(ctx.db, caller.workspaceId, params.membershipId);
    if (!row) throw notFound('That member');
    if (row.role === 'coordinator') await guardLastCoordinator(ctx, caller.workspaceId, row.id, null);
    await endMembership(ctx.db, caller.workspaceId, row.id, ctx.now, await ctx.revision());
    ctx.audit({ action: 'member.remove', entityType: 'membership', entityId: row.id, fields: ['deletedAt'] });
    return undefined;
  });

  api.register(endpoints.leaveWorkspace, async ({ ctx }) => {
    const caller = callerOf(ctx);
    // Checked whatever the caller's role: a token may narrow it, the stored role is what counts.
    await guardLastCoordinator(ctx, caller.workspaceId, caller.membershipId, null);
    await endMembership(ctx.db, caller.workspaceId, caller.membershipId, ctx.now, await ctx.revision());
    ctx.audit({
      action: 'member.leave',
      entityType: 'membership',
      entityId: caller.membershipId,
      fields: ['deletedAt'],
    });
    return undefined;
  });
}
