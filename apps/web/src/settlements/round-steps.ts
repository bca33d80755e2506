// A round's steps and who may move it, so the round page offers only what the server would accept.
// The server decides (apps/server/src/households/policy.ts, roundStep); this mirrors its table.
import type { Role, Round } from '@coproduce/contract';
import { roundStatuses } from '@coproduce/contract/constants';

export type RoundStatus = Round['status'];

export interface RoundAbilities {
  /** Plan rounds and move them one step on (coordinators and staff). */
  manage: boolean;
  /** Step a round back one, saying why (coordinators only). */
  stepBack: boolean;
}

export function roundAbilities(role: Role): RoundAbilities {
  return {
    manage: role === 'coordinator' || role === 'staff',
    stepBack: role === 'coordinator',
  };
}

/** The step after this one, or null for a closed round. */
export function nextStep(status: RoundStatus): RoundStatus | null {
  return roundStatuses[roundStatuses.indexOf(status) + 1] ?? null;
}

/** The step before this one, or null for a round still in planning. */
export function previousStep(status: RoundStatus): RoundStatus | null {
  const at = roundStatuses.indexOf(status);
  return at > 0 ? (roundStatuses[at - 1] ?? null) : null;
}

/** Enumerated structures as a whole percentage of the section's structures (0 when it has none). */
export function percentEnumerated(row: { structures: number; enumerated: number }): number {
  if (row.structures <= 0) return 0;
  return Math.round((Math.min(row.enumerated, row.structures) / row.structures) * 100);
}

/** A bar of ten characters, filled to the percentage, for reading as text as well as seeing. */
export function textBar(percent: number): string {
  const filled = Math.max(0, Math.min(10, Math.round(percent / 10)));
  return '█'.repeat(filled) + '░'.repeat(10 - filled);
}
