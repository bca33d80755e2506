import type { Role, WorkspaceAbilities } from '@coproduce/contract';

/**
 * The baseline rights of each role (issue #2, point 5). Pure and deny-by-default: a right not
 * listed for a role here is refused everywhere, and the client sees the same table.
 */
const noWorkspaceRights: WorkspaceAbilities = {
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

const table: Record<Role, WorkspaceAbilities> = {
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
  return { ...abilities, inviteRoles: [...abilities.inviteRoles] };
}

/** For narrowing: an API token may carry a role whose rights are all within its owner's. */
export function roleWithin(narrower: Role, owner: Role): boolean {
  const a = table[narrower];
  const b = table[owner];
  return (Object.keys(a) as (keyof WorkspaceAbilities)[]).every((key) => {
    if (key === 'inviteRoles') return a.inviteRoles.every((role) => b.inviteRoles.includes(role));
    return !a[key] || b[key];
  });
}
