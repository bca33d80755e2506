import type { Workspace } from '@coproduce/contract';
import { paths } from '../router.ts';

/** Where a workspace opens: the people register for those who may read it, else one's own details. */
export function workspaceHome(workspace: Workspace): string {
  return workspace.abilities.readPeople
    ? paths.people(workspace.id)
    : paths.person(workspace.id, workspace.personId);
}
