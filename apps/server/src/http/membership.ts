import type { Role } from '@coproduce/contract';
import type { Caller } from '../auth/resolve.ts';
import type { Membership, ServerDeps } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { abilitiesFor, roleWithin } from '../workspaces/policy.ts';
import { findMembership, findPersonForBehalf } from '../workspaces/queries.ts';

/** A workspace the caller is not in does not exist for them: 404, never 403. */
export async function resolveMembership(
  deps: ServerDeps,
  caller: Caller,
  workspaceId: string,
): Promise<Membership> {
  if (caller.token && caller.token.workspaceId !== workspaceId) throw notFound('That workspace');
  if (caller.device) {
    if (caller.device.workspaceId !== workspaceId) throw notFound('That workspace');
    // A phone collects as a researcher would, limited to its own forms rather than to assignments.
    const { id, personId, formIds } = caller.device;
    return { workspaceId, membershipId: id, personId, role: 'researcher', device: { id, formIds } };
  }
  if (!caller.actor) throw notFound('That workspace');
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
  return { workspaceId, membershipId: row.id, personId: row.person_id, role, device: null };
}

/**
 * Whom a write is entered for (the x-on-behalf-of header). Staff type up what someone said on
 * paper, by phone or in person: a person without an account here, or one who asked for that help
 * (recorded as the access need `entryHelp` by themselves or a coordinator). Never someone with an
 * account who did not ask, and never oneself: words must not be put in a member's mouth.
 */
export async function resolveOnBehalfOf(
  deps: ServerDeps,
  membership: Membership | null,
  personId: string,
): Promise<string> {
  if (!membership)
    throw new AppError('request.invalid', 400, 'Acting on behalf of someone needs a workspace.');
  if (!abilitiesFor(membership.role).actOnBehalf)
    throw forbidden('Your role cannot act on behalf of others.');
  const person = /^[0-9a-f-]{36}$/i.test(personId)
    ? await findPersonForBehalf(deps.db, membership.workspaceId, personId)
    : undefined;
  if (!person) throw notFound('That person');
  if (person.id === membership.personId) {
    throw new AppError('request.invalid', 400, 'You cannot act on behalf of yourself.', [
      { path: 'headers.x-on-behalf-of', message: 'names your own record', code: 'on_behalf.self' },
    ]);
  }
  const asked = (JSON.parse(person.access_needs) as { entryHelp?: boolean }).entryHelp === true;
  if (person.membership_id && !asked) {
    throw new AppError(
      'auth.on_behalf_refused',
      403,
      'This person has an account of their own: enter things for them only when they ask (record it on their page, under what they need).',
      [
        {
          path: 'headers.x-on-behalf-of',
          message: 'has an account and did not ask for help',
          code: 'on_behalf.has_account',
        },
      ],
    );
  }
  return person.id;
}
