// Whether the server would accept a control's request from a role, decided by the server's own
// pure policy functions (the same ones its handlers call), so the role walk cannot drift from them.
// A screen marks each control that writes with `data-endpoint="<endpoint id>"`; an id missing here
// fails the walk, so a new control has to be placed in this table.
import type { Role } from '@coproduce/contract';
import { mayManageDeviceAccess } from '../../apps/server/src/device-access/policy.ts';
import { can, type FormAction } from '../../apps/server/src/forms/policy.ts';
import { canHouseholds } from '../../apps/server/src/households/policy.ts';
import { canListInvites, canManageMembers } from '../../apps/server/src/members/policy.ts';
import { canCreatePerson, canDeletePerson, writableFields } from '../../apps/server/src/people/policy.ts';
import { canSettlements } from '../../apps/server/src/settlements/policy.ts';
import { canSubmissions } from '../../apps/server/src/submissions/policy.ts';
import { abilitiesFor } from '../../apps/server/src/workspaces/policy.ts';

/** Where the control was seen: `own` when the screen is the caller's own person record. */
export interface Seen {
  role: Role;
  own: boolean;
}

const forms =
  (action: FormAction) =>
  ({ role }: Seen) =>
    can(role, action);

export const serverAccepts: Record<string, (seen: Seen) => boolean> = {
  createForm: forms('create'),
  importForm: forms('create'),
  createFormFromTemplate: forms('create'),
  updateFormDraft: forms('edit'),
  importFormDraft: forms('edit'),
  uploadFormAttachment: forms('edit'),
  deleteFormAttachment: forms('edit'),
  publishForm: forms('publish'),
  archiveForm: forms('archive'),
  downloadFormDraft: forms('readDraft'),
  createFormComment: forms('comment'),
  createFormSuggestion: forms('comment'),
  replyToFormThread: forms('comment'),
  acceptFormSuggestion: forms('decide'),
  declineFormSuggestion: forms('decide'),
  // Coordinators close any thread; others only their own, which the walk cannot tell apart.
  resolveFormThread: ({ role }) => can(role, 'decide') || can(role, 'comment'),
  createPerson: ({ role }) => canCreatePerson(role),
  updatePerson: ({ role, own }) => writableFields(role, { isSelf: own }).size > 0,
  deletePerson: ({ role, own }) => canDeletePerson(role, { isSelf: own }),
  createInvite: ({ role }) => abilitiesFor(role).inviteMembers,
  revokeInvite: ({ role }) => canListInvites(role),
  changeMemberRole: ({ role }) => canManageMembers(role),
  removeMember: ({ role }) => canManageMembers(role),
  updateWorkspace: ({ role }) => abilitiesFor(role).manageWorkspace,
  leaveWorkspace: () => true,
  reissueInviteCode: ({ role }) => canListInvites(role),
  exportAuditCsv: ({ role }) => abilitiesFor(role).readAudit,
  createDeviceAccess: ({ role }) => mayManageDeviceAccess(role),
  revokeDeviceAccess: ({ role }) => mayManageDeviceAccess(role),
  ingestSubmissions: ({ role }) => canSubmissions(role, 'submit'),
  createApiToken: ({ role }) => abilitiesFor(role).manageTokens,
  revokeApiToken: ({ role }) => abilitiesFor(role).manageTokens,
  createSettlement: ({ role }) => canSettlements(role, 'map'),
  exportSettlementGeojson: ({ role }) => canSettlements(role, 'read'),
  importSettlementGeojson: ({ role }) => canSettlements(role, 'map'),
  updateSettlement: ({ role }) => canSettlements(role, 'map'),
  createSection: ({ role }) => canSettlements(role, 'map'),
  updateSection: ({ role }) => canSettlements(role, 'map'),
  createStructure: ({ role }) => canSettlements(role, 'number'),
  updateStructure: ({ role }) => canSettlements(role, 'number'),
  resolveStructure: ({ role }) => canSettlements(role, 'resolve'),
  createAssignment: ({ role }) => canSubmissions(role, 'assign'),
  updateAssignment: ({ role }) => canSubmissions(role, 'assign'),
  deleteAssignment: ({ role }) => canSubmissions(role, 'assign'),
  createRound: ({ role }) => canHouseholds(role, 'manageRounds'),
  moveRound: ({ role }) => canHouseholds(role, 'manageRounds'),
};
