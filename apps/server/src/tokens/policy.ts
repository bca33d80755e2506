import type { Role } from '@coproduce/contract';
import type { Actor, Membership } from '../context.ts';
import { abilitiesFor, roleWithin } from '../workspaces/policy.ts';

export type TokenDecision = 'allow' | 'role_too_high' | 'not_allowed';

/**
 * Who may make a token, and with what role: a signed-in person (not another token, so a leaked
 * token cannot mint itself a longer life) whose own role covers every right of the token's role.
 */
export function mayCreateToken(actor: Actor, membership: Membership, role: Role): TokenDecision {
  if (actor.tokenId !== null) return 'not_allowed';
  if (!abilitiesFor(membership.role).manageTokens) return 'not_allowed';
  return roleWithin(role, membership.role) ? 'allow' : 'role_too_high';
}

/** Listing and revoking one's own tokens only ever reduce access, so a token may do them too. */
export const mayManageTokens = (membership: Membership): boolean =>
  abilitiesFor(membership.role).manageTokens;
