import { type DeviceAccess, endpoints, limits } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import type { Registrar } from '../http/register.ts';
import { newId, newSecret, sha256 } from '../ids.ts';
import { findPerson } from '../people/queries.ts';
import { formsByIds } from '../submissions/queries.ts';
import { keysetPage, pageItems } from '../sync/keyset.ts';
import { mayManageDeviceAccess } from './policy.ts';
import {
  type DeviceAccessRow,
  deviceAccesses,
  deviceAccessOrder,
  findDeviceAccess,
  insertDeviceAccess,
  revokeDeviceAccess,
} from './queries.ts';
import { collectSettings, deviceSecretPrefix, deviceServerUrl } from './settings.ts';

function present(row: DeviceAccessRow): DeviceAccess {
  return {
    id: row.id,
    name: row.name,
    personId: row.person_id,
    formIds: JSON.parse(row.form_ids) as string[],
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

/** Coordinators only; the registrar has already checked membership (404 otherwise). */
function coordinator(ctx: RequestContext) {
  if (!ctx.actor || !ctx.membership) throw notFound('That workspace');
  if (!mayManageDeviceAccess(ctx.membership.role))
    throw forbidden('Only coordinators let phones collect without an account.');
  return { actor: ctx.actor, workspaceId: ctx.membership.workspaceId };
}

export function deviceAccessRoutes(api: Registrar) {
  api.register(endpoints.listDeviceAccess, async ({ ctx, query }) => {
    const { workspaceId } = coordinator(ctx);
    const page = await keysetPage(
      deviceAccesses(ctx.db, workspaceId),
      deviceAccessOrder,
      query.cursor,
      query.limit ?? limits.pageSizeDefault,
    );
    return pageItems(page, present);
  });

  api.register(endpoints.createDeviceAccess, async ({ ctx, body }) => {
    const { actor, workspaceId } = coordinator(ctx);
    const formIds = [...new Set(body.formIds)];
    const person = await findPerson(ctx.db, workspaceId, body.personId);
    const liveForms = new Set(
      (await formsByIds(ctx.db, workspaceId, formIds)).filter((f) => !f.deleted_at).map((f) => f.id),
    );
    const problems = [
      ...(person && !person.deleted_at ? [] : [{ path: 'body.personId', message: 'is not a person here' }]),
      ...formIds.flatMap((id) =>
        liveForms.has(id)
          ? []
          : [{ path: `body.formIds.${body.formIds.indexOf(id)}`, message: 'is not a form here' }],
      ),
    ];
    if (problems.length)
      throw new AppError(
        'request.invalid',
        400,
        'The phone must be for a person and forms of this workspace.',
        problems,
      );
    // The prefix makes a leaked secret recognisable; the rest is 256 random bits.
    const secret = `${deviceSecretPrefix}${newSecret()}`;
    const row: DeviceAccessRow = {
      id: newId(),
      name: body.name,
      person_id: body.personId,
      form_ids: JSON.stringify(formIds),
      created_at: ctx.now,
      last_used_at: null,
      revoked_at: null,
    };
    await insertDeviceAccess(ctx.db, {
      ...row,
      workspace_id: workspaceId,
      secret_hash: sha256(secret),
      created_by_account_id: actor.accountId,
    });
    ctx.audit({
      action: 'device_access.created',
      entityType: 'device_access',
      entityId: row.id,
      fields: ['name', 'personId', 'formIds'],
    });
    const serverUrl = deviceServerUrl(ctx.deps.config.publicUrl, secret, workspaceId);
    return {
      access: present(row),
      serverUrl,
      collectSettings: collectSettings({ serverUrl, projectName: body.name }),
    };
  });

  api.register(endpoints.revokeDeviceAccess, async ({ ctx, params }) => {
    const { workspaceId } = coordinator(ctx);
    const row = await findDeviceAccess(ctx.db, workspaceId, params.deviceAccessId);
    if (!row) throw notFound('That phone');
    if (row.revoked_at) {
      ctx.unchanged();
      return undefined;
    }
    await revokeDeviceAccess(ctx.db, workspaceId, row.id, ctx.now);
    ctx.audit({
      action: 'device_access.revoked',
      entityType: 'device_access',
      entityId: row.id,
      fields: ['revokedAt'],
    });
    return undefined;
  });
}
