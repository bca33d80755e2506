import type { Membership, RequestContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { canHouseholds, openForHouseholds } from './policy.ts';
import { findHousehold, type RoundRow } from './queries.ts';

/** A household the caller may read, or 403 (their role reads no household rows) or 404. */
export async function readableHousehold(ctx: RequestContext, caller: Membership, householdId: string) {
  if (!canHouseholds(caller.role, 'read')) throw forbidden('Your role cannot read household records.');
  const row = await findHousehold(ctx.db, caller.workspaceId, householdId);
  if (!row || row.deleted_at) throw notFound('That household');
  return row;
}

/** 409 unless the round takes households now (policy.ts openForHouseholds says when). */
export function checkOpen(round: RoundRow) {
  if (!openForHouseholds(round.status))
    throw new AppError(
      'round.not_enumerating',
      409,
      `Households are enumerated while a round is enumerating or verifying; this one is ${round.status}.`,
      [{ path: 'params.roundId', message: `the round is ${round.status}` }],
    );
}

/** A resolution is made on the current version of a record in conflict, or refused (409). */
export function checkResolvable(
  row: { has_conflict: number; current_version_id: string },
  baseVersionId: string,
  what: string,
  path: string,
) {
  if (row.has_conflict !== 1)
    throw new AppError('conflict.stale', 409, `This ${what} has no conflict to resolve.`, [
      { path, message: 'no open conflict' },
    ]);
  if (baseVersionId !== row.current_version_id)
    throw new AppError('conflict.stale', 409, `The ${what} changed since you read it; read it again.`, [
      { path: 'body.baseVersionId', message: 'not the current version' },
    ]);
}
