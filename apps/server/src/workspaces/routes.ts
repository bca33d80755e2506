import { endpoints, type Locale, limits, type Role, type Workspace } from '@coproduce/contract';
import type { Selectable, Updateable } from 'kysely';
import type { RequestContext } from '../context.ts';
import { revisionText } from '../db/revision.ts';
import type { WorkspacesTable } from '../db/schema.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import type { Registrar } from '../http/register.ts';
import { keysetPage, pageItems } from '../sync/keyset.ts';
import { callerOf } from './caller.ts';
import { createWorkspace } from './create.ts';
import { abilitiesFor } from './policy.ts';
import {
  findMembership,
  findWorkspace,
  updateWorkspaceRow,
  workspaceOrder,
  workspacesOf,
} from './queries.ts';

interface Place {
  membershipId: string;
  personId: string;
  role: Role;
}

export function presentWorkspace(row: Selectable<WorkspacesTable>, place: Place): Workspace {
  return {
    id: row.id,
    name: row.name,
    defaultLocale: row.default_locale as Locale,
    timeZone: row.time_zone,
    role: place.role,
    membershipId: place.membershipId,
    personId: place.personId,
    abilities: abilitiesFor(place.role),
    createdAt: row.created_at,
    revision: revisionText(row.revision),
  };
}

async function workspaceFor(ctx: RequestContext, workspaceId: string, place: Place) {
  const row = await findWorkspace(ctx.db, workspaceId);
  if (!row) throw notFound('That workspace');
  return presentWorkspace(row, place);
}

export function workspaceRoutes(api: Registrar) {
  api.register(endpoints.listWorkspaces, async ({ ctx, query }) => {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.required', 401, 'Sign in to continue.');
    const page = await keysetPage(
      workspacesOf(ctx.db, actor.accountId),
      workspaceOrder,
      query.cursor,
      query.limit ?? limits.pageSizeDefault,
    );
    return pageItems(page, (row) =>
      presentWorkspace(row, {
        membershipId: row.membership_id,
        personId: row.person_id,
        role: row.role as Role,
      }),
    );
  });

  api.register(endpoints.createWorkspace, async ({ ctx, body }) => {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.required', 401, 'Sign in to continue.');
    const { workspaceId } = await createWorkspace(ctx, actor, body);
    const membership = await findMembership(ctx.db, workspaceId, actor.accountId);
    if (!membership) throw forbidden();
    return workspaceFor(ctx, workspaceId, {
      membershipId: membership.id,
      personId: membership.person_id,
      role: membership.role as Role,
    });
  });

  api.register(endpoints.getWorkspace, async ({ ctx, params }) => {
    const caller = callerOf(ctx);
    return workspaceFor(ctx, params.workspaceId, caller);
  });

  api.register(endpoints.updateWorkspace, async ({ ctx, params, body }) => {
    const caller = callerOf(ctx);
    if (!abilitiesFor(caller.role).manageWorkspace)
      throw forbidden('Only coordinators change workspace settings.');
    const row = await findWorkspace(ctx.db, params.workspaceId);
    if (!row) throw notFound('That workspace');
    const changes: Updateable<WorkspacesTable> = {};
    const fields: string[] = [];
    if (body.name !== undefined && body.name !== row.name) {
      changes.name = body.name;
      fields.push('name');
    }
    if (body.defaultLocale !== undefined && body.defaultLocale !== row.default_locale) {
      changes.default_locale = body.defaultLocale;
      fields.push('defaultLocale');
    }
    if (body.timeZone !== undefined && body.timeZone !== row.time_zone) {
      changes.time_zone = body.timeZone;
      fields.push('timeZone');
    }
    if (fields.length === 0) {
      ctx.unchanged();
      return presentWorkspace(row, caller);
    }
    const updated = { ...changes, updated_at: ctx.now, revision: await ctx.revision() };
    await updateWorkspaceRow(ctx.db, params.workspaceId, updated);
    ctx.audit({ action: 'workspace.update', entityType: 'workspace', entityId: row.id, fields });
    return presentWorkspace({ ...row, ...updated }, caller);
  });
}
