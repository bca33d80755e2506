import type { CreateStructureInput, UpdateStructureInput } from '@coproduce/contract';
import type { Membership, RequestContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { changedFields } from '../records/policy.ts';
import { changeRecord, firstVersion, resolveRecord, type VersionSource } from '../records/versions.ts';
import { changeStamp } from '../sync/rows.ts';
import { insideBoundary } from './boundary.ts';
import { type StructureContent, structureColumns, structureContent } from './content.ts';
import { canSettlements } from './policy.ts';
import {
  findSection,
  findStructure,
  insertStructure,
  type SettlementRow,
  type StructureRow,
  setDuplicateFlag,
  setStructurePhoto,
  structuresNumbered,
} from './queries.ts';
import { readableSettlement } from './write.ts';

/**
 * Numbering structures. Two phones offline may paint the same number on two doors: both are kept
 * and both flagged `duplicateNumber`, for the team to renumber one; a point outside the boundary
 * is kept and flagged too. Every change is a version (records/versions.ts).
 */
export async function readableStructure(ctx: RequestContext, caller: Membership, structureId: string) {
  if (!canSettlements(caller.role, 'readStructures')) throw forbidden();
  const row = await findStructure(ctx.db, caller.workspaceId, structureId);
  if (!row || row.deleted_at) throw notFound('That structure');
  return row;
}

async function checkSection(
  ctx: RequestContext,
  settlement: SettlementRow,
  sectionId: string | null,
  path: string,
) {
  if (!sectionId) return;
  const section = await findSection(ctx.db, settlement.workspace_id, sectionId);
  if (!section || section.settlement_id !== settlement.id)
    throw new AppError('request.invalid', 400, 'That section is not part of this settlement.', [
      { path, message: 'no such section in this settlement' },
    ]);
}

/** Flags every live structure of the settlement with this number when there is more than one. */
async function reflagNumber(ctx: RequestContext, workspaceId: string, settlementId: string, number: string) {
  const holders = await structuresNumbered(ctx.db, workspaceId, settlementId, number);
  const flag = holders.length > 1 ? 1 : 0;
  const wrong = holders.filter((h) => h.duplicate_number !== flag).map((h) => h.id);
  await setDuplicateFlag(ctx.db, workspaceId, wrong, flag, await changeStamp(ctx));
}

const contentOfInput = (input: CreateStructureInput): StructureContent => ({
  number: input.number,
  point: input.point,
  sectionId: input.sectionId,
  use: input.use,
  wallMaterial: input.wallMaterial,
  roofMaterial: input.roofMaterial,
  rooms: input.rooms,
  floorAreaM2: input.floorAreaM2,
  statedOccupants: input.statedOccupants,
  statedHouseholds: input.statedHouseholds,
});

export async function numberStructure(
  ctx: RequestContext,
  caller: Membership,
  settlementId: string,
  input: CreateStructureInput,
  source: VersionSource = {},
  /** The numbering form's photo answer: a file of `source.submissionId`. */
  photoName: string | null = null,
): Promise<StructureRow> {
  if (!canSettlements(caller.role, 'number')) throw forbidden('Your role cannot number structures.');
  const settlement = await readableSettlement(ctx, caller, settlementId);
  const content = contentOfInput(input);
  const id = input.id ?? newId();
  if (input.id) {
    const existing = await findStructure(ctx.db, caller.workspaceId, id);
    if (existing) {
      // A phone retrying what already arrived gets it back; the id used for something else is refused.
      if (
        !existing.deleted_at &&
        existing.settlement_id === settlement.id &&
        changedFields({ ...structureContent(existing) }, { ...content }).length === 0
      ) {
        ctx.unchanged();
        return existing;
      }
      throw new AppError('conflict.id_reused', 409, 'Another structure already has that id.', [
        { path: 'body.id', message: 'already used for different content' },
      ]);
    }
  }
  await checkSection(ctx, settlement, content.sectionId, 'body.sectionId');
  const stamp = await firstVersion(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'structure', id },
    { ...content },
    source,
  );
  const row: StructureRow = {
    workspace_id: caller.workspaceId,
    id,
    ...stamp,
    settlement_id: settlement.id,
    ...structureColumns(content),
    status: 'numbered',
    duplicate_number: 0,
    outside_boundary: content.point && !insideBoundary(settlement.boundary, content.point) ? 1 : 0,
    photo_name: source.submissionId ? photoName : null,
    numbered_by_person_id: ctx.onBehalfOfPersonId ?? caller.personId,
    numbered_at: input.numberedAt ?? ctx.now,
    submission_id: source.submissionId ?? null,
  };
  await insertStructure(ctx.db, row);
  await reflagNumber(ctx, caller.workspaceId, settlement.id, content.number);
  ctx.audit({
    action: 'structure.create',
    entityType: 'structure',
    entityId: id,
    fields: [...Object.keys(content), ...(row.photo_name ? ['photo'] : [])],
  });
  return (await findStructure(ctx.db, caller.workspaceId, id))!;
}

/**
 * A form's photo of a structure it did not number: taken when the structure has no photo and no
 * numbering form (placed on the map), whose photo then is that form's file; otherwise the photo
 * stays with its submission only.
 */
export async function photographStructure(
  ctx: RequestContext,
  caller: Membership,
  structureId: string,
  photo: { submissionId: string; fileName: string },
) {
  if (!canSettlements(caller.role, 'number')) throw forbidden('Your role cannot change structures.');
  const row = await readableStructure(ctx, caller, structureId);
  // The photo is found through the structure's submission: one numbered by another form keeps it.
  if (row.photo_name || (row.submission_id && row.submission_id !== photo.submissionId)) return false;
  await setStructurePhoto(ctx.db, caller.workspaceId, row.id, photo, await changeStamp(ctx));
  ctx.audit({ action: 'structure.update', entityType: 'structure', entityId: row.id, fields: ['photo'] });
  return true;
}

function applyChanges(before: StructureContent, input: Omit<UpdateStructureInput, 'baseVersionId'>) {
  const after: StructureContent = { ...before };
  for (const [key, value] of Object.entries(input))
    if (value !== undefined && key !== 'reason') (after as unknown as Record<string, unknown>)[key] = value;
  return after;
}

async function afterWrite(
  ctx: RequestContext,
  settlement: SettlementRow,
  row: StructureRow,
  before: StructureContent,
) {
  const fresh = (await findStructure(ctx.db, row.workspace_id, row.id))!;
  const point = fresh.lon === null || fresh.lat === null ? null : { lon: fresh.lon, lat: fresh.lat };
  const outside = point && !insideBoundary(settlement.boundary, point) ? 1 : 0;
  if (outside !== fresh.outside_boundary)
    await ctx.db
      .updateTable('structures')
      .set({ outside_boundary: outside })
      .where('workspace_id', '=', row.workspace_id)
      .where('id', '=', row.id)
      .execute();
  if (fresh.number !== before.number) {
    await reflagNumber(ctx, row.workspace_id, settlement.id, before.number);
    await reflagNumber(ctx, row.workspace_id, settlement.id, fresh.number);
  }
  return (await findStructure(ctx.db, row.workspace_id, row.id))!;
}

export async function updateStructure(
  ctx: RequestContext,
  caller: Membership,
  structureId: string,
  input: UpdateStructureInput,
  source: VersionSource = {},
) {
  if (!canSettlements(caller.role, 'number')) throw forbidden('Your role cannot change structures.');
  const row = await readableStructure(ctx, caller, structureId);
  const settlement = await readableSettlement(ctx, caller, row.settlement_id);
  const { baseVersionId, ...changes } = input;
  const before = structureContent(row);
  const after = applyChanges(before, changes);
  await checkSection(ctx, settlement, after.sectionId, 'body.sectionId');
  const result = await changeRecord(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'structure', id: row.id },
    row,
    { baseVersionId, before: { ...before }, after: { ...after }, columns: structureColumns(after) },
    source,
  );
  if (result.outcome === 'unchanged') {
    ctx.unchanged();
    return row;
  }
  ctx.audit({
    action: result.outcome === 'conflict' ? 'structure.conflict' : 'structure.update',
    entityType: 'structure',
    entityId: row.id,
    fields: result.changed,
  });
  return afterWrite(ctx, settlement, row, before);
}

export async function resolveStructure(
  ctx: RequestContext,
  caller: Membership,
  structureId: string,
  input: UpdateStructureInput & { reason: string },
) {
  if (!canSettlements(caller.role, 'resolve')) throw forbidden('Your role cannot resolve conflicts.');
  const row = await readableStructure(ctx, caller, structureId);
  if (row.has_conflict !== 1)
    throw new AppError('conflict.stale', 409, 'This structure has no conflict to resolve.', [
      { path: 'params.structureId', message: 'no open conflict' },
    ]);
  if (input.baseVersionId !== row.current_version_id)
    throw new AppError('conflict.stale', 409, 'The structure changed since you read it; read it again.', [
      { path: 'body.baseVersionId', message: 'not the current version' },
    ]);
  const settlement = await readableSettlement(ctx, caller, row.settlement_id);
  const { baseVersionId: _base, reason, ...changes } = input;
  const before = structureContent(row);
  const after = applyChanges(before, changes);
  await checkSection(ctx, settlement, after.sectionId, 'body.sectionId');
  await resolveRecord(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'structure', id: row.id },
    row,
    { before: { ...before }, after: { ...after }, columns: structureColumns(after) },
    reason,
  );
  ctx.audit({
    action: 'structure.resolve',
    entityType: 'structure',
    entityId: row.id,
    fields: changedFields({ ...before }, { ...after }),
  });
  return afterWrite(ctx, settlement, row, before);
}
