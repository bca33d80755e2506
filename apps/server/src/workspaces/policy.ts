import type { Role, WorkspaceAbilities } from '@coproduce/contract';

/**
 * The baseline rights of each role (issue #2, point 5). Pure and deny-by-default: a right not
 * listed for a role here is refused everywhere, and the client sees the same table.
 */
type RoleRights = Omit<WorkspaceAbilities, 'tokenRoles'>;

const noWorkspaceRights: RoleRights = {
  manageWorkspace: false,
  inviteMembers: false,
  inviteRoles: [],
  readAudit: false,
  readPeople: false,
  writePeople: false,
  readContact: false,
  writeContact: false,
  readLegalName: false,
  writeLegalName: false,
  actOnBehalf: false,
  manageTokens: true,
};

const table: Record<Role, RoleRights> = {
  coordinator: {
    manageWorkspace: true,
    inviteMembers: true,
    inviteRoles: ['coordinator', 'staff', 'researcher', 'member', 'partner'],
    readAudit: true,
    readPeople: true,
    writePeople: true,
    readContact: true,
    writeContact: true,
    readLegalName: true,
    writeLegalName: true,
    actOnBehalf: true,
    manageTokens: true,
  },
  staff: {
    manageWorkspace: false,
    inviteMembers: true,
    inviteRoles: ['member'],
    readAudit: false,
    readPeople: true,
    writePeople: true,
    readContact: true,
    writeContact: true,
    readLegalName: false,
    writeLegalName: false,
    actOnBehalf: true,
    manageTokens: true,
  },
  researcher: {
    manageWorkspace: false,
    inviteMembers: false,
    inviteRoles: [],
    readAudit: false,
    readPeople: true,
    writePeople: false,
    readContact: false,
    writeContact: false,
    readLegalName: false,
    writeLegalName: false,
    actOnBehalf: false,
    manageTokens: true,
  },
  // Members and partners have no rights over the register or settings; their own record and
  // membership are decided per row by the people and members policies.
  member: noWorkspaceRights,
  partner: noWorkspaceRights,
};

export function abilitiesFor(role: Role): WorkspaceAbilities {
  const abilities = table[role];
  return {
    ...abilities,
    inviteRoles: [...abilities.inviteRoles],
    tokenRoles: abilities.manageTokens ? [...covers[role]] : [],
  };
}

/**
 * Which roles each role covers: every right of a covered role, in every domain, is also the
 * covering role's. Members and partners have different rights (members comment on drafts,
 * partners read reports), so neither covers the other; only coordinators cover partners.
 * `roles.unit.test.ts` checks this against every domain's grants.
 */
const covers: Record<Role, readonly Role[]> = {
  coordinator: ['coordinator', 'staff', 'researcher', 'member', 'partner'],
  staff: ['staff', 'researcher', 'member'],
  researcher: ['researcher', 'member'],
  member: ['member'],
  partner: ['partner'],
};

/** For narrowing: an API token may carry only a role its owner's role covers. */
export function roleWithin(narrower: Role, owner: Role): boolean {
  return covers[owner].includes(narrower);
}
