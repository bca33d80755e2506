import { randomBytes } from 'node:crypto';
import type { CreateHouseholdInput, UpdateHouseholdInput } from '@coproduce/contract';
import type { Membership, RequestContext } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import { newId } from '../ids.ts';
import { changedFields } from '../records/policy.ts';
import { changeRecord, firstVersion, resolveRecord, type VersionSource } from '../records/versions.ts';
import { findStructure } from '../settlements/queries.ts';
import { changeStamp } from '../sync/rows.ts';
import { giveConsent } from './consent.ts';
import { applyChanges, type HouseholdContent, householdColumns, householdContent } from './content.ts';
import { checkMember, writeMember } from './members.ts';
import { canHouseholds } from './policy.ts';
import { findHousehold, type HouseholdRow, insertHousehold, type RoundRow } from './queries.ts';
import { checkOpen, checkResolvable, readableHousehold } from './readable.ts';
import { readableRound } from './rounds.ts';

/**
 * Enumerating households: one request writes the household, its members and its consent, each
 * a versioned record with its own audit entry, in the request's one transaction — all or none.
 * A household is known by a generated code (pseudo_id), never by a name.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A code for a household: 8 random Crockford base-32 characters, e.g. H-7K2M9QXD. */
const pseudoId = () => `H-${[...randomBytes(8)].map((b) => alphabet[b % 32]).join('')}`;

async function structureFor(ctx: RequestContext, round: RoundRow, structureId: string) {
  const structure = await findStructure(ctx.db, round.workspace_id, structureId);
  if (!structure || structure.deleted_at || structure.settlement_id !== round.settlement_id)
    throw new AppError(
      'request.invalid',
      400,
      'That structure is not a numbered structure of this settlement.',
      [{ path: 'body.structureId', message: 'no such structure in this settlement' }],
    );
  return structure;
}

export async function createHousehold(
  ctx: RequestContext,
  caller: Membership,
  roundId: string,
  input: CreateHouseholdInput,
  source: VersionSource = {},
) {
  const round = await readableRound(ctx, caller, roundId);
  if (!canHouseholds(caller.role, 'enumerate')) throw forbidden('Your role cannot enumerate households.');
  checkOpen(round);
  const structure = await structureFor(ctx, round, input.structureId);
  if (input.outcome === 'enumerated' && !input.consent)
    throw new AppError('request.invalid', 400, 'An enumerated household needs its consent.', [
      { path: 'body.consent', message: 'needed when the household is enumerated' },
    ]);
  if (input.outcome !== 'enumerated' && (input.members.length > 0 || input.consent))
    throw new AppError('request.invalid', 400, `A household ${input.outcome} has no members or consent.`, [
      {
        path: input.members.length ? 'body.members' : 'body.consent',
        message: `not kept when ${input.outcome}`,
      },
    ]);
  for (const [i, member] of input.members.entries()) checkMember(ctx, member, `body.members.${i}`);
  const id = input.id ?? newId();
  if (input.id) {
    const existing = await findHousehold(ctx.db, caller.workspaceId, id);
    if (existing) {
      // A phone retrying what already arrived gets it back; the id used for something else is refused.
      if (existing.round_id === round.id && existing.structure_id === structure.id && !existing.deleted_at) {
        ctx.unchanged();
        return existing;
      }
      throw new AppError('conflict.id_reused', 409, 'Another household already has that id.', [
        { path: 'body.id', message: 'already used for different content' },
      ]);
    }
  }
  const content: HouseholdContent = {
    structureId: structure.id,
    sectionId: structure.section_id,
    outcome: input.outcome,
    sizeStated: input.sizeStated,
    yearsInSettlement: input.yearsInSettlement,
    tenure: input.tenure,
    headSex: input.headSex,
    verificationStatus: 'unverified',
  };
  const stamp = await firstVersion(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'household', id },
    { ...content },
    source,
  );
  await insertHousehold(ctx.db, {
    workspace_id: caller.workspaceId,
    id,
    ...stamp,
    round_id: round.id,
    settlement_id: round.settlement_id,
    pseudo_id: pseudoId(),
    ...householdColumns(content),
    income_band: null,
    submission_id: source.submissionId ?? null,
  });
  ctx.audit({
    action: 'household.create',
    entityType: 'household',
    entityId: id,
    fields: Object.keys(content),
  });
  for (const [i, member] of input.members.entries())
    await writeMember(ctx, caller.workspaceId, id, i + 1, member, source);
  if (input.consent) await giveConsent(ctx, caller.workspaceId, id, input.consent, source);
  if (input.outcome === 'enumerated' && structure.status === 'numbered')
    await ctx.db
      .updateTable('structures')
      .set({ status: 'enumerated', ...(await changeStamp(ctx)) })
      .where('workspace_id', '=', caller.workspaceId)
      .where('id', '=', structure.id)
      .execute();
  return (await findHousehold(ctx.db, caller.workspaceId, id))!;
}

export async function updateHousehold(
  ctx: RequestContext,
  caller: Membership,
  householdId: string,
  input: UpdateHouseholdInput,
) {
  if (!canHouseholds(caller.role, 'enumerate')) throw forbidden('Your role cannot change households.');
  const row = await readableHousehold(ctx, caller, householdId);
  checkOpen(await readableRound(ctx, caller, row.round_id));
  const { baseVersionId, ...changes } = input;
  const before = householdContent(row);
  const after = applyChanges(before, changes);
  if (after.outcome === 'enumerated' && before.outcome !== 'enumerated')
    throw new AppError(
      'request.invalid',
      400,
      'A household becomes enumerated by enumerating it again, with its members and consent.',
      [{ path: 'body.outcome', message: 'enumerate the household anew instead' }],
    );
  const result = await changeRecord(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'household', id: row.id },
    row,
    { baseVersionId, before: { ...before }, after: { ...after }, columns: householdColumns(after) },
  );
  if (result.outcome === 'unchanged') {
    ctx.unchanged();
    return row;
  }
  ctx.audit({
    action: result.outcome === 'conflict' ? 'household.conflict' : 'household.update',
    entityType: 'household',
    entityId: row.id,
    fields: result.changed,
  });
  return (await findHousehold(ctx.db, caller.workspaceId, row.id))!;
}

export async function resolveHousehold(
  ctx: RequestContext,
  caller: Membership,
  householdId: string,
  input: UpdateHouseholdInput & { reason: string },
): Promise<HouseholdRow> {
  if (!canHouseholds(caller.role, 'resolve')) throw forbidden('Your role cannot resolve conflicts.');
  const row = await readableHousehold(ctx, caller, householdId);
  checkResolvable(row, input.baseVersionId, 'household', 'params.householdId');
  const { baseVersionId: _base, reason, ...changes } = input;
  const before = householdContent(row);
  const after = applyChanges(before, changes);
  await resolveRecord(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'household', id: row.id },
    row,
    { before: { ...before }, after: { ...after }, columns: householdColumns(after) },
    reason,
  );
  ctx.audit({
    action: 'household.resolve',
    entityType: 'household',
    entityId: row.id,
    fields: changedFields({ ...before }, { ...after }),
  });
  return (await findHousehold(ctx.db, caller.workspaceId, row.id))!;
}
