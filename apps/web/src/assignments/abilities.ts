// What the caller's role may do with assignments, so a screen offers only what the server would
// accept. The server decides (apps/server/src/submissions/policy.ts, action 'assign'); this mirrors it.
import type { Role } from '@coproduce/contract';

export interface AssignmentAbilities {
  /** See every assignment, give out work, change, end and remove it. */
  assign: boolean;
}

export const assignmentAbilities = (role: Role): AssignmentAbilities => ({
  assign: role === 'coordinator' || role === 'staff',
});

/** Who may be given work: members with an account who collect (the server refuses the others). */
export const collectingRoles: readonly Role[] = ['researcher', 'staff', 'coordinator'];
