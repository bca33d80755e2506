import type { Role } from '@coproduce/contract';
import { abilitiesFor } from '../workspaces/policy.ts';

/**
 * Who may see and change memberships. The member list shows names, so it follows the people
 * register: those who read display names (coordinator, staff, researcher) may list members.
 */
export const canListMembers = (role: Role): boolean => abilitiesFor(role).readPeople;
export const canManageMembers = (role: Role): boolean => abilitiesFor(role).manageWorkspace;

/** A workspace must keep one coordinator: the last one cannot step down, leave or be removed. */
export function leavesNoCoordinator(coordinators: string[], membershipId: string, newRole: Role | null) {
  const remaining = coordinators.filter((id) => id !== membershipId);
  return remaining.length === 0 && newRole !== 'coordinator';
}

/** Invites: coordinators give any role; staff invite members only (and see and revoke only those). */
export const canInviteRole = (role: Role, invited: Role): boolean =>
  abilitiesFor(role).inviteRoles.includes(invited);
export const canListInvites = (role: Role): boolean => abilitiesFor(role).inviteMembers;
