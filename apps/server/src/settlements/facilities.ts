import type { CreateFacilityInput, ObservationInput } from '@coproduce/contract';
import type { Membership, RequestContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { changeRecord, firstVersion } from '../records/versions.ts';
import { changeStamp } from '../sync/rows.ts';
import { type FacilityContent, facilityColumns, facilityContent } from './content.ts';
import { canSettlements } from './policy.ts';
import { findFacility, findObservation, findSection, insertFacility, insertObservation } from './queries.ts';
import { readableSettlement } from './write.ts';

/**
 * Facilities are mapped once and observed over time: an observation is a dated fact (working,
 * cleaned in the last 7 days, issues) that is never edited; the newest one gives the facility's state.
 */
export async function mapFacility(
  ctx: RequestContext,
  caller: Membership,
  settlementId: string,
  input: CreateFacilityInput,
) {
  if (!canSettlements(caller.role, 'number')) throw forbidden('Your role cannot map facilities.');
  const settlement = await readableSettlement(ctx, caller, settlementId);
  const id = input.id ?? newId();
  if (input.id && (await findFacility(ctx.db, caller.workspaceId, id)))
    throw new AppError('conflict.id_reused', 409, 'Another facility already has that id.', [
      { path: 'body.id', message: 'already used' },
    ]);
  if (input.sectionId) {
    const section = await findSection(ctx.db, caller.workspaceId, input.sectionId);
    if (!section || section.settlement_id !== settlement.id)
      throw new AppError('request.invalid', 400, 'That section is not part of this settlement.', [
        { path: 'body.sectionId', message: 'no such section in this settlement' },
      ]);
  }
  const isToilet = input.type === 'toilet' || input.type === 'toilet_block';
  if (!isToilet && input.toiletType)
    throw new AppError('request.invalid', 400, 'Only toilets have a toilet type.', [
      { path: 'body.toiletType', message: `a ${input.type} has no toilet type` },
    ]);
  const content: FacilityContent = {
    type: input.type,
    toiletType: input.toiletType,
    point: input.point,
    sectionId: input.sectionId,
    units: input.units,
    accessible: input.accessible,
    sexDesignation: input.sexDesignation,
    provider: input.provider,
  };
  const stamp = await firstVersion(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'facility', id },
    { ...content },
  );
  await insertFacility(ctx.db, {
    workspace_id: caller.workspaceId,
    id,
    ...stamp,
    settlement_id: settlement.id,
    ...facilityColumns(content),
    functional: 1,
    observed_at: null,
  });
  ctx.audit({
    action: 'facility.create',
    entityType: 'facility',
    entityId: id,
    fields: Object.keys(content),
  });
  return (await findFacility(ctx.db, caller.workspaceId, id))!;
}

/** A facility's facts changed on the version read (a stale change is kept as a conflict). */
export async function updateFacility(
  ctx: RequestContext,
  caller: Membership,
  facilityId: string,
  change: { baseVersionId: string; content: FacilityContent },
) {
  if (!canSettlements(caller.role, 'map')) throw forbidden('Your role cannot change facilities.');
  const row = await findFacility(ctx.db, caller.workspaceId, facilityId);
  if (!row || row.deleted_at) throw notFound('That facility');
  const result = await changeRecord(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'facility', id: row.id },
    row,
    {
      baseVersionId: change.baseVersionId,
      before: { ...facilityContent(row) },
      after: { ...change.content },
      columns: facilityColumns(change.content),
    },
  );
  if (result.outcome === 'unchanged') {
    ctx.unchanged();
    return row;
  }
  ctx.audit({
    action: result.outcome === 'conflict' ? 'facility.conflict' : 'facility.update',
    entityType: 'facility',
    entityId: row.id,
    fields: result.changed,
  });
  return (await findFacility(ctx.db, caller.workspaceId, row.id))!;
}

export async function observeFacility(
  ctx: RequestContext,
  caller: Membership,
  facilityId: string,
  input: ObservationInput,
) {
  if (!canSettlements(caller.role, 'number')) throw forbidden('Your role cannot record observations.');
  const facility = await findFacility(ctx.db, caller.workspaceId, facilityId);
  if (!facility || facility.deleted_at) throw notFound('That facility');
  const id = input.id ?? newId();
  // Phones send local offsets; one form (UTC) makes "newest" a plain comparison.
  const observedAt = new Date(input.observedAt).toISOString();
  if (input.id && (await findObservation(ctx.db, caller.workspaceId, id))) {
    ctx.unchanged();
    return facility;
  }
  await insertObservation(ctx.db, {
    workspace_id: caller.workspaceId,
    id,
    facility_id: facility.id,
    observed_at: observedAt,
    observer_role: caller.role,
    functional: input.functional ? 1 : 0,
    cleaned_last_7d: input.cleanedLast7d === null ? null : input.cleanedLast7d ? 1 : 0,
    issues: JSON.stringify(input.issues),
    photo_name: null,
    submission_id: null,
    created_by_person_id: ctx.onBehalfOfPersonId ?? caller.personId,
    created_at: ctx.now,
    revision: await ctx.revision(),
  });
  // An observation made offline may arrive after a newer one: only the newest sets the state.
  if (!facility.observed_at || observedAt >= facility.observed_at)
    await ctx.db
      .updateTable('facilities')
      .set({ functional: input.functional ? 1 : 0, observed_at: observedAt, ...(await changeStamp(ctx)) })
      .where('workspace_id', '=', caller.workspaceId)
      .where('id', '=', facility.id)
      .execute();
  ctx.audit({
    action: 'facility.observe',
    entityType: 'facility',
    entityId: facility.id,
    fields: ['functional'],
  });
  return (await findFacility(ctx.db, caller.workspaceId, facility.id))!;
}
