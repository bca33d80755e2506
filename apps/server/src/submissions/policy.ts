import type { Role } from '@coproduce/contract';

/**
 * Who may do what with submissions (pure, deny by default). Researchers collect what they are
 * assigned and see their own submissions' states; staff and coordinators collect anything
 * published, review, correct and resolve. Members and partners see aggregates elsewhere, never
 * submissions.
 */
export type SubmissionAction =
  | 'submit'
  | 'readAll'
  | 'readOwn'
  | 'review'
  | 'edit'
  | 'resolve'
  | 'export'
  | 'assign'
  /** Send work another person collected (from their backup file), recorded as theirs. */
  | 'submitForOthers';

/** Coordinators and staff collect for the whole workspace and review it. */
const wholeWorkspace: readonly SubmissionAction[] = [
  'submit',
  'readAll',
  'readOwn',
  'review',
  'edit',
  'resolve',
  'export',
  'assign',
  'submitForOthers',
];

const grants: Record<Role, readonly SubmissionAction[]> = {
  coordinator: wholeWorkspace,
  staff: wholeWorkspace,
  researcher: ['submit', 'readOwn'],
  member: [],
  partner: [],
};

export const canSubmissions = (role: Role, action: SubmissionAction): boolean =>
  grants[role].includes(action);

/** Researchers submit only forms they are assigned to; the others any published form. */
export const mustBeAssigned = (role: Role): boolean => role === 'researcher';

export function submissionAbilities(role: Role) {
  return {
    review: canSubmissions(role, 'review'),
    edit: canSubmissions(role, 'edit'),
    resolve: canSubmissions(role, 'resolve'),
  };
}
