import type { Workspace } from '@coproduce/contract';
import { paths } from '../router.ts';

/**
 * Whether the caller has a person record of their own to look at without reading the register.
 * The abilities carry no flag for it; the role table gives it to members ("own only") and not to
 * partners, who see neither the register nor their own record.
 */
export function hasOwnDetails(workspace: Workspace): boolean {
  return workspace.role === 'member';
}

/** Where a workspace opens: the register for those who may read it, else one's own details or membership. */
export function workspaceHome(workspace: Workspace): string {
  if (workspace.role === 'researcher') return paths.collect(workspace.id);
  if (workspace.abilities.readPeople) return paths.people(workspace.id);
  if (hasOwnDetails(workspace)) return paths.person(workspace.id, workspace.personId);
  return paths.members(workspace.id);
}
