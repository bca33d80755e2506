import type { Role } from '@coproduce/contract';
import type { Caller } from '../auth/resolve.ts';
import type { Membership, ServerDeps } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { abilitiesFor, roleWithin } from '../workspaces/policy.ts';
import { findMembership, personExists } from '../workspaces/queries.ts';

/** A workspace the caller is not in does not exist for them: 404, never 403. */
export async function resolveMembership(
  deps: ServerDeps,
  caller: Caller,
  workspaceId: string,
): Promise<Membership> {
  if (caller.token && caller.token.workspaceId !== workspaceId) throw notFound('That workspace');
  const row = await findMembership(deps.db, workspaceId, caller.actor.accountId);
  if (!row) throw notFound('That workspace');
  const memberRole = row.role as Role;
  let role = memberRole;
  if (caller.token) {
    // The owner's role may have been lowered since the token was made: never act above it.
    if (!roleWithin(caller.token.role, memberRole)) {
      throw forbidden("This token's role is above its owner's current role; make a new token.");
    }
    role = caller.token.role;
  }
  return { workspaceId, membershipId: row.id, personId: row.person_id, role };
}

export async function resolveOnBehalfOf(
  deps: ServerDeps,
  membership: Membership | null,
  personId: string,
): Promise<string> {
  if (!membership)
    throw new AppError('request.invalid', 400, 'Acting on behalf of someone needs a workspace.');
  if (!abilitiesFor(membership.role).actOnBehalf)
    throw forbidden('Your role cannot act on behalf of others.');
  if (
    !/^[0-9a-f-]{36}$/i.test(personId) ||
    !(await personExists(deps.db, membership.workspaceId, personId))
  ) {
    throw notFound('That person');
  }
  return personId;
}
