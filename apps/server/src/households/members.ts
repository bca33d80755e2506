import type {
  HouseholdMemberInput,
  ResolveHouseholdMemberInput,
  UpdateHouseholdMemberInput,
} from '@coproduce/contract';
import type { Membership, RequestContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { changedFields } from '../records/policy.ts';
import { changeRecord, firstVersion, resolveRecord, type VersionSource } from '../records/versions.ts';
import { applyChanges, type MemberContent, memberColumns, memberContent } from './content.ts';
import { canHouseholds } from './policy.ts';
import { findMember, insertMember, type MemberRow, nextPosition } from './queries.ts';
import { checkOpen, checkResolvable, readableHousehold } from './readable.ts';
import { readableRound } from './rounds.ts';

/**
 * Members of a household, each a versioned record: no names, only what is counted (relationship
 * to the head, sex, age in years, birth date, disability, school, work). Positions are never
 * reused; a removed member is a tombstone whose last version says so.
 */
const invalid = (path: string, message: string) =>
  new AppError('request.invalid', 400, message, [{ path, message }]);

/** A birth date is not in the future, and agrees with the age given beside it (within a year). */
export function checkMember(
  ctx: RequestContext,
  member: Pick<MemberContent, 'age' | 'birthDate'>,
  path: string,
) {
  if (!member.birthDate) return;
  const today = ctx.now.slice(0, 10);
  if (member.birthDate > today) throw invalid(`${path}.birthDate`, 'the birth date is in the future');
  if (member.age === null) return;
  const [y, m, d] = member.birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const years = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
  if (Math.abs(years - member.age) > 1)
    throw invalid(`${path}.age`, `the age does not agree with the birth date (${years} years)`);
}

export async function writeMember(
  ctx: RequestContext,
  workspaceId: string,
  householdId: string,
  position: number,
  input: HouseholdMemberInput,
  source: VersionSource = {},
) {
  const id = input.id ?? newId();
  const content: MemberContent = {
    position,
    relationship: input.relationship,
    sex: input.sex,
    age: input.age,
    birthDate: input.birthDate,
    disability: input.disability,
    schoolEnrolled: input.schoolEnrolled,
    employment: input.employment,
  };
  if (input.id && (await findMember(ctx.db, workspaceId, id)))
    throw new AppError('conflict.id_reused', 409, 'Another member already has that id.', [
      { path: 'body.id', message: 'already used' },
    ]);
  const stamp = await firstVersion(
    ctx,
    { workspaceId, kind: 'household_member', id },
    { ...content },
    source,
  );
  await insertMember(ctx.db, {
    workspace_id: workspaceId,
    id,
    ...stamp,
    household_id: householdId,
    ...memberColumns(content),
  });
  ctx.audit({
    action: 'household_member.create',
    entityType: 'household_member',
    entityId: id,
    fields: Object.keys(content),
  });
  return (await findMember(ctx.db, workspaceId, id))!;
}

async function openHousehold(ctx: RequestContext, caller: Membership, householdId: string) {
  if (!canHouseholds(caller.role, 'enumerate')) throw forbidden('Your role cannot change households.');
  const household = await readableHousehold(ctx, caller, householdId);
  checkOpen(await readableRound(ctx, caller, household.round_id));
  return household;
}

export async function addMember(
  ctx: RequestContext,
  caller: Membership,
  householdId: string,
  input: HouseholdMemberInput,
) {
  const household = await openHousehold(ctx, caller, householdId);
  if (household.outcome !== 'enumerated')
    throw invalid('params.householdId', `a household ${household.outcome} has no members`);
  checkMember(ctx, input, 'body');
  const position = await nextPosition(ctx.db, caller.workspaceId, household.id);
  return writeMember(ctx, caller.workspaceId, household.id, position, input);
}

/**
 * The member a change is made to. A removed one is found too when the change was made on an
 * older version (a phone offline did not know of the removal): that change is kept as a
 * conflict, not refused, so that nothing written offline is lost.
 */
async function memberToChange(
  ctx: RequestContext,
  caller: Membership,
  memberId: string,
  baseVersionId: string,
) {
  if (!canHouseholds(caller.role, 'read')) throw forbidden('Your role cannot read household records.');
  const row = await findMember(ctx.db, caller.workspaceId, memberId);
  if (!row || (row.deleted_at && baseVersionId === row.current_version_id)) throw notFound('That member');
  await openHousehold(ctx, caller, row.household_id);
  return row;
}

export async function updateMember(
  ctx: RequestContext,
  caller: Membership,
  memberId: string,
  input: UpdateHouseholdMemberInput,
): Promise<MemberRow> {
  const row = await memberToChange(ctx, caller, memberId, input.baseVersionId);
  const { baseVersionId, ...changes } = input;
  const before = memberContent(row);
  const after = applyChanges(before, changes);
  checkMember(ctx, after, 'body');
  const result = await changeRecord(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'household_member', id: row.id },
    row,
    { baseVersionId, before: { ...before }, after: { ...after }, columns: memberColumns(after) },
  );
  if (result.outcome === 'unchanged') {
    ctx.unchanged();
    return row;
  }
  ctx.audit({
    action: result.outcome === 'conflict' ? 'household_member.conflict' : 'household_member.update',
    entityType: 'household_member',
    entityId: row.id,
    fields: result.changed,
  });
  return (await findMember(ctx.db, caller.workspaceId, row.id))!;
}

/** Removing a member on the version read; on a stale one the removal is kept as a conflict. */
export async function removeMember(
  ctx: RequestContext,
  caller: Membership,
  memberId: string,
  baseVersionId: string,
) {
  const row = await memberToChange(ctx, caller, memberId, baseVersionId);
  if (row.deleted_at) return ctx.unchanged(); // removed on two phones: both wanted the same
  const before = memberContent(row);
  const result = await changeRecord(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'household_member', id: row.id },
    row,
    {
      baseVersionId,
      before: { ...before },
      after: { ...before, removed: true },
      columns: { deleted_at: ctx.now },
    },
  );
  ctx.audit({
    action: result.outcome === 'conflict' ? 'household_member.conflict' : 'household_member.remove',
    entityType: 'household_member',
    entityId: row.id,
    fields: ['removed'],
  });
}

/**
 * A coordinator's choice for a member in conflict, a removed one included (a removal on one phone
 * and a change on another): the content chosen, or `removed` to keep it removed.
 */
export async function resolveMember(
  ctx: RequestContext,
  caller: Membership,
  memberId: string,
  input: ResolveHouseholdMemberInput,
): Promise<MemberRow> {
  if (!canHouseholds(caller.role, 'resolve')) throw forbidden('Your role cannot resolve conflicts.');
  const row = await findMember(ctx.db, caller.workspaceId, memberId);
  if (!row || (row.deleted_at && row.has_conflict !== 1)) throw notFound('That member');
  await readableHousehold(ctx, caller, row.household_id);
  checkResolvable(row, input.baseVersionId, 'member', 'params.memberId');
  const { baseVersionId: _base, reason, removed, ...changes } = input;
  const before = memberContent(row);
  const chosen = applyChanges(before, changes);
  checkMember(ctx, chosen, 'body');
  const after: MemberContent = removed ? { ...chosen, removed: true } : chosen;
  await resolveRecord(
    ctx,
    { workspaceId: caller.workspaceId, kind: 'household_member', id: row.id },
    row,
    {
      before: { ...before, ...(row.deleted_at ? { removed: true } : {}) },
      after: { ...after },
      columns: { ...memberColumns(chosen), deleted_at: removed ? (row.deleted_at ?? ctx.now) : null },
    },
    reason,
  );
  ctx.audit({
    action: 'household_member.resolve',
    entityType: 'household_member',
    entityId: row.id,
    fields: changedFields({ ...before }, { ...after }),
  });
  return (await findMember(ctx.db, caller.workspaceId, row.id))!;
}
