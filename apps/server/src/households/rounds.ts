import type { CreateRoundInput, MoveRoundInput, UpdateRoundInput } from '@coproduce/contract';
import type { Membership, RequestContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { changedFields } from '../records/policy.ts';
import { changeRecord, firstVersion, resolveRecord } from '../records/versions.ts';
import { readableSettlement } from '../settlements/write.ts';
import { applyChanges, type RoundContent, roundColumns, roundContent } from './content.ts';
import { canHouseholds, roundStep } from './policy.ts';
import { findRound, insertRound, type RoundRow } from './queries.ts';
import { checkResolvable } from './readable.ts';

/**
 * Enumeration rounds of a settlement: planned by coordinators and staff, moved one step at a
 * time (a coordinator may step back one, with a reason). Every change is a version.
 */
export async function readableRound(ctx: RequestContext, caller: Membership, roundId: string) {
  const row = await findRound(ctx.db, caller.workspaceId, roundId);
  if (!row || row.deleted_at) throw notFound('That round');
  await readableSettlement(ctx, caller, row.settlement_id);
  return row;
}

const fresh = async (ctx: RequestContext, row: RoundRow) =>
  (await findRound(ctx.db, row.workspace_id, row.id))!;

export async function createRound(
  ctx: RequestContext,
  caller: Membership,
  settlementId: string,
  input: CreateRoundInput,
) {
  const settlement = await readableSettlement(ctx, caller, settlementId);
  if (!canHouseholds(caller.role, 'manageRounds')) throw forbidden('Your role cannot plan rounds.');
  const id = input.id ?? newId();
  const content: RoundContent = {
    name: input.name,
    formId: input.formId,
    status: 'planning',
    startDate: input.startDate,
    endDate: input.endDate,
  };
  if (input.id && (await findRound(ctx.db, caller.workspaceId, id)))
    throw new AppError('conflict.id_reused', 409, 'Another round already has that id.', [
      { path: 'body.id', message: 'already used' },
    ]);
  if (input.formId) {
    const form = await ctx.db
      .selectFrom('forms')
      .select('id')
      .where('workspace_id', '=', caller.workspaceId)
      .where('id', '=', input.formId)
      .executeTakeFirst();
    if (!form)
      throw new AppError('request.invalid', 400, 'That form is not one of this workspace.', [
        { path: 'body.formId', message: 'no such form here' },
      ]);
  }
  const stamp = await firstVersion(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'round', id },
    { ...content },
  );
  const row = {
    workspace_id: caller.workspaceId,
    id,
    ...stamp,
    settlement_id: settlement.id,
    ...roundColumns(content),
  };
  await insertRound(ctx.db, row);
  ctx.audit({ action: 'round.create', entityType: 'round', entityId: id, fields: Object.keys(content) });
  return fresh(ctx, row);
}

export async function updateRound(
  ctx: RequestContext,
  caller: Membership,
  roundId: string,
  input: UpdateRoundInput,
) {
  const row = await readableRound(ctx, caller, roundId);
  if (!canHouseholds(caller.role, 'manageRounds')) throw forbidden('Your role cannot change rounds.');
  const { baseVersionId, ...changes } = input;
  const before = roundContent(row);
  const after = applyChanges(before, changes);
  if (after.startDate && after.endDate && after.startDate > after.endDate)
    throw new AppError('request.invalid', 400, 'The end date is before the start date.', [
      { path: 'body.endDate', message: 'the end date is before the start date' },
    ]);
  const result = await changeRecord(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'round', id: row.id },
    row,
    { baseVersionId, before: { ...before }, after: { ...after }, columns: roundColumns(after) },
  );
  if (result.outcome === 'unchanged') {
    ctx.unchanged();
    return row;
  }
  ctx.audit({
    action: result.outcome === 'conflict' ? 'round.conflict' : 'round.update',
    entityType: 'round',
    entityId: row.id,
    fields: result.changed,
  });
  return fresh(ctx, row);
}

/**
 * A status move is made on the version read, and only on the current one: two moves from one
 * version would skip a step, so a stale one is refused (409), not kept as a conflict. A round
 * whose other fields are in conflict still moves on; its status is not what is disputed. The
 * version of a step back keeps its reason.
 */
export async function moveRound(
  ctx: RequestContext,
  caller: Membership,
  roundId: string,
  input: MoveRoundInput,
) {
  const row = await readableRound(ctx, caller, roundId);
  if (!canHouseholds(caller.role, 'manageRounds')) throw forbidden('Your role cannot move rounds on.');
  if (input.baseVersionId !== row.current_version_id)
    throw new AppError('conflict.stale', 409, 'The round changed since you read it; read it again.', [
      { path: 'body.baseVersionId', message: 'not the current version' },
    ]);
  const step = roundStep(row.status, input.status, caller.role, input.reason);
  if (!step.ok) {
    if (step.code === 'auth.forbidden') throw forbidden(step.message);
    throw new AppError(step.code, step.code === 'round.wrong_step' ? 409 : 400, step.message, [
      { path: step.code === 'round.wrong_step' ? 'body.status' : 'body.reason', message: step.message },
    ]);
  }
  const before = roundContent(row);
  const after: RoundContent = { ...before, status: input.status };
  await changeRecord(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'round', id: row.id },
    row,
    {
      baseVersionId: input.baseVersionId,
      before: { ...before },
      after: { ...after },
      columns: roundColumns(after),
    },
    { reason: input.reason ?? null },
  );
  ctx.audit({
    action: step.back ? 'round.step_back' : 'round.move',
    entityType: 'round',
    entityId: row.id,
    fields: ['status'],
  });
  return fresh(ctx, row);
}

/** A coordinator's choice between a round's conflicting changes (its status is not among them). */
export async function resolveRound(
  ctx: RequestContext,
  caller: Membership,
  roundId: string,
  input: UpdateRoundInput & { reason: string },
) {
  const row = await readableRound(ctx, caller, roundId);
  if (!canHouseholds(caller.role, 'resolve')) throw forbidden('Your role cannot resolve conflicts.');
  checkResolvable(row, input.baseVersionId, 'round', 'params.roundId');
  const { baseVersionId: _base, reason, ...changes } = input;
  const before = roundContent(row);
  const after = applyChanges(before, changes);
  await resolveRecord(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'round', id: row.id },
    row,
    { before: { ...before }, after: { ...after }, columns: roundColumns(after) },
    reason,
  );
  ctx.audit({
    action: 'round.resolve',
    entityType: 'round',
    entityId: row.id,
    fields: changedFields({ ...before }, { ...after }),
  });
  return fresh(ctx, row);
}
