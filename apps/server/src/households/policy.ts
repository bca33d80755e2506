import { type ConsentPurpose, type Role, type Round, roundStatuses } from '@coproduce/contract';

export type HouseholdAction =
  | 'manageRounds'
  | 'stepBack'
  | 'enumerate'
  | 'read'
  | 'resolve'
  | 'withdrawConsent'
  | 'readCounts';

/**
 * Coordinators and staff plan rounds, move them along and resolve conflicts; only a coordinator
 * steps a round back. Researchers enumerate and read household rows (they visit the homes).
 * Members and partners never read household rows: they read aggregates, kept to the purpose
 * their role serves (purposeOf). Anyone who records a consent may record its withdrawal.
 */
const grants: Record<Role, readonly HouseholdAction[]> = {
  coordinator: ['manageRounds', 'stepBack', 'enumerate', 'read', 'resolve', 'withdrawConsent', 'readCounts'],
  staff: ['manageRounds', 'enumerate', 'read', 'resolve', 'withdrawConsent', 'readCounts'],
  researcher: ['enumerate', 'read', 'withdrawConsent', 'readCounts'],
  member: ['readCounts'],
  partner: ['readCounts'],
};

export const canHouseholds = (role: Role, action: HouseholdAction): boolean => grants[role].includes(action);

/**
 * The purpose an aggregate read serves: a partner (local government) reads only what households
 * agreed to share with the municipality, a member only what serves community planning, whatever
 * they ask; the team reads what it asks for (everything when it asks for no purpose).
 */
export function purposeOf(role: Role, asked: ConsentPurpose | undefined): ConsentPurpose | null {
  if (role === 'partner') return 'municipality_aggregates';
  if (role === 'member') return 'community_planning';
  return asked ?? null;
}

type Status = Round['status'];
export type Step =
  | { ok: true; back: boolean }
  | { ok: false; code: 'round.wrong_step' | 'round.reason_needed' | 'auth.forbidden'; message: string };

/** A round moves one step forward; a coordinator may step it back one, saying why. */
export function roundStep(from: Status, to: Status, role: Role, reason: string | undefined): Step {
  const gap = roundStatuses.indexOf(to) - roundStatuses.indexOf(from);
  if (gap === 1) return { ok: true, back: false };
  if (gap === -1) {
    if (!canHouseholds(role, 'stepBack'))
      return { ok: false, code: 'auth.forbidden', message: 'Only a coordinator may step a round back.' };
    if (!reason)
      return { ok: false, code: 'round.reason_needed', message: 'Stepping a round back needs a reason.' };
    return { ok: true, back: true };
  }
  const next = roundStatuses[roundStatuses.indexOf(from) + 1];
  return {
    ok: false,
    code: 'round.wrong_step',
    message: next
      ? `A round in ${from} moves to ${next} next, not to ${to}.`
      : `A closed round does not move on.`,
  };
}

/**
 * Households are enumerated while the round is enumerating, and in verifying too: the community's
 * check finds missed households and corrects answers. While numbering, the structures are not all
 * there yet; once published or closed, the round's figures stand.
 */
export const openForHouseholds = (status: Status) => status === 'enumerating' || status === 'verifying';
