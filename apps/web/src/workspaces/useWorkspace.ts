import type { Workspace } from '@coproduce/contract';
import { useEffect, useState } from 'preact/hooks';
import { rememberWorkspace, useApp } from '../state.ts';

/**
 * The workspace with the caller's role and abilities, from the list the app already holds.
 * undefined while loading; null when the caller is not a member (or it does not exist).
 */
export function useWorkspace(workspaceId: string | null): Workspace | null | undefined {
  const { account, workspaces, reloadWorkspaces } = useApp();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (account && workspaces === null && !failed) reloadWorkspaces().catch(() => setFailed(true));
  }, [account, workspaces, failed, reloadWorkspaces]);
  const workspace = workspaceId ? workspaces?.find((item) => item.id === workspaceId) : undefined;
  useEffect(() => {
    if (workspace) rememberWorkspace(workspace.id);
  }, [workspace]);
  if (!workspaceId) return null;
  if (workspaces === null) return failed ? null : undefined;
  return workspace ?? null;
}
