import { z } from 'zod';

import { roles } from './constants.ts';

export { roles };
export const RoleSchema = z.enum(roles);
export type Role = z.infer<typeof RoleSchema>;

/**
 * What the caller may do in one workspace, sent with responses so the client can hide what it
 * may not do. The server decides with the same policy functions; this is a view of them.
 */
export const WorkspaceAbilitiesSchema = z.object({
  manageWorkspace: z.boolean().describe('change settings, members, roles and invites of any role'),
  inviteMembers: z.boolean(),
  inviteRoles: z.array(RoleSchema).describe('roles this caller may give in an invite'),
  readAudit: z.boolean(),
  readPeople: z.boolean().describe('see the people register (display names)'),
  writePeople: z.boolean(),
  readContact: z
    .boolean()
    .describe("contact channels, access needs and notes of anyone (not only one's own)"),
  writeContact: z.boolean(),
  readLegalName: z.boolean(),
  writeLegalName: z.boolean(),
  actOnBehalf: z.boolean().describe('record writes on behalf of a person, e.g. from paper'),
  manageTokens: z.boolean().describe('create personal API tokens for this workspace'),
  tokenRoles: z
    .array(RoleSchema)
    .describe('roles this caller may give an API token: only roles theirs covers'),
});
export type WorkspaceAbilities = z.infer<typeof WorkspaceAbilitiesSchema>;

/** What the caller may do with one person record (their own record gives members more). */
export const PersonAbilitiesSchema = z.object({
  edit: z.boolean(),
  editContact: z.boolean(),
  editLegalName: z.boolean(),
  delete: z.boolean(),
});
export type PersonAbilities = z.infer<typeof PersonAbilitiesSchema>;
