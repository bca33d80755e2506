import type {
  CreateSectionInput,
  CreateSettlementInput,
  UpdateSectionInput,
  UpdateSettlementInput,
} from '@coproduce/contract';
import type { Membership, RequestContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { changeRecord, firstVersion } from '../records/versions.ts';
import { boundaryColumns } from './boundary.ts';
import { type SettlementContent, settlementColumns, settlementContent } from './content.ts';
import { canSettlements } from './policy.ts';
import { findSection, findSettlement, insertSection, insertSettlement, sectionsOf } from './queries.ts';
import { followSectionOutline } from './section-structures.ts';

/** A settlement the caller may see, or a 404 (another workspace's id or a tombstone). */
export async function readableSettlement(ctx: RequestContext, caller: Membership, settlementId: string) {
  if (!canSettlements(caller.role, 'read')) throw forbidden();
  const row = await findSettlement(ctx.db, caller.workspaceId, settlementId);
  if (!row) throw notFound('That settlement');
  return row;
}

export async function createSettlement(
  ctx: RequestContext,
  caller: Membership,
  input: CreateSettlementInput,
) {
  if (!canSettlements(caller.role, 'map')) throw forbidden('Your role cannot add settlements.');
  const id = input.id ?? newId();
  if (
    input.id &&
    (await ctx.db
      .selectFrom('settlements')
      .select('id')
      .where('workspace_id', '=', caller.workspaceId)
      .where('id', '=', id)
      .executeTakeFirst())
  )
    throw new AppError('conflict.id_reused', 409, 'Another settlement already has that id.', [
      { path: 'body.id', message: 'already used' },
    ]);
  const content: SettlementContent = {
    name: input.name,
    aliases: input.aliases,
    municipality: input.municipality,
    ward: input.ward,
    landOwner: input.landOwner,
    yearEstablished: input.yearEstablished,
    numberPrefix: input.numberPrefix,
    boundary: input.boundary,
  };
  const shape = boundaryColumns(input.boundary, 'body.boundary');
  const stamp = await firstVersion(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'settlement', id },
    { ...content },
  );
  const row = {
    workspace_id: caller.workspaceId,
    id,
    ...stamp,
    ...settlementColumns(content, shape),
    created_by_account_id: ctx.actor?.accountId ?? null,
  };
  await insertSettlement(ctx.db, row);
  ctx.audit({
    action: 'settlement.create',
    entityType: 'settlement',
    entityId: id,
    fields: Object.keys(content),
  });
  return row;
}

export async function updateSettlement(
  ctx: RequestContext,
  caller: Membership,
  settlementId: string,
  input: UpdateSettlementInput,
) {
  if (!canSettlements(caller.role, 'map')) throw forbidden('Your role cannot change settlements.');
  const row = await readableSettlement(ctx, caller, settlementId);
  const { baseVersionId, ...changes } = input;
  const before = settlementContent(row);
  const after: SettlementContent = { ...before };
  for (const [key, value] of Object.entries(changes))
    if (value !== undefined) (after as unknown as Record<string, unknown>)[key] = value;
  const shape = boundaryColumns(after.boundary, 'body.boundary');
  const result = await changeRecord(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'settlement', id: row.id },
    row,
    { baseVersionId, before: { ...before }, after: { ...after }, columns: settlementColumns(after, shape) },
  );
  if (result.outcome === 'unchanged') ctx.unchanged();
  else
    ctx.audit({
      action: result.outcome === 'conflict' ? 'settlement.conflict' : 'settlement.update',
      entityType: 'settlement',
      entityId: row.id,
      fields: result.changed,
    });
  return (await findSettlement(ctx.db, caller.workspaceId, row.id))!;
}

export async function createSection(
  ctx: RequestContext,
  caller: Membership,
  settlementId: string,
  input: CreateSectionInput,
) {
  if (!canSettlements(caller.role, 'map')) throw forbidden('Your role cannot add sections.');
  const settlement = await readableSettlement(ctx, caller, settlementId);
  const taken = (await sectionsOf(ctx.db, caller.workspaceId, settlement.id)).find(
    (s) => s.code === input.code,
  );
  if (taken)
    throw new AppError(
      'conflict.id_reused',
      409,
      `Section ${input.code} already exists in this settlement.`,
      [{ path: 'body.code', message: 'already used in this settlement' }],
    );
  const id = input.id ?? newId();
  if (input.id && (await findSection(ctx.db, caller.workspaceId, id)))
    throw new AppError('conflict.id_reused', 409, 'Another section already has that id.', [
      { path: 'body.id', message: 'already used' },
    ]);
  const shape = boundaryColumns(input.boundary, 'body.boundary');
  const content = { code: input.code, name: input.name, boundary: input.boundary };
  const stamp = await firstVersion(ctx, { workspaceId: caller.workspaceId, kind: 'section', id }, content);
  const { area_ha: _area, ...bounds } = shape;
  const row = {
    workspace_id: caller.workspaceId,
    id,
    ...stamp,
    settlement_id: settlement.id,
    code: input.code,
    name: input.name,
    ...bounds,
  };
  await insertSection(ctx.db, row);
  ctx.audit({ action: 'section.create', entityType: 'section', entityId: id, fields: Object.keys(content) });
  if (row.boundary) await followSectionOutline(ctx, row);
  return row;
}

/** A section's code, name or boundary changed on the version read (stale: kept as a conflict). */
export async function updateSection(
  ctx: RequestContext,
  caller: Membership,
  sectionId: string,
  input: UpdateSectionInput,
) {
  if (!canSettlements(caller.role, 'map')) throw forbidden('Your role cannot change sections.');
  const row = await findSection(ctx.db, caller.workspaceId, sectionId);
  if (!row || row.deleted_at) throw notFound('That section');
  const { baseVersionId, ...changes } = input;
  const before = {
    code: row.code,
    name: row.name,
    boundary: row.boundary ? (JSON.parse(row.boundary) as UpdateSectionInput['boundary']) : null,
  };
  const after = {
    code: changes.code ?? before.code,
    name: changes.name ?? before.name,
    boundary: changes.boundary === undefined ? before.boundary : changes.boundary,
  };
  if (after.code !== before.code) {
    const taken = (await sectionsOf(ctx.db, caller.workspaceId, row.settlement_id)).some(
      (s) => s.code === after.code && s.id !== row.id,
    );
    if (taken)
      throw new AppError(
        'conflict.id_reused',
        409,
        `Section ${after.code} already exists in this settlement.`,
        [{ path: 'body.code', message: 'already used in this settlement' }],
      );
  }
  const { area_ha: _area, ...bounds } = boundaryColumns(after.boundary ?? null, 'body.boundary');
  const result = await changeRecord(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'section', id: row.id },
    row,
    { baseVersionId, before, after, columns: { code: after.code, name: after.name, ...bounds } },
  );
  if (result.outcome === 'unchanged') ctx.unchanged();
  else
    ctx.audit({
      action: result.outcome === 'conflict' ? 'section.conflict' : 'section.update',
      entityType: 'section',
      entityId: row.id,
      fields: result.changed,
    });
  const fresh = (await findSection(ctx.db, caller.workspaceId, row.id))!;
  // Redrawn (not kept aside as a conflict): the structures follow the new outline.
  if (result.outcome === 'applied' && result.changed.includes('boundary'))
    await followSectionOutline(ctx, fresh);
  return fresh;
}
