// What the whole app knows: who is signed in and their workspaces. Screens read it through useApp().
import type { Account, Workspace } from '@coproduce/contract';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export interface AppState {
  /** undefined while the first check runs; null when signed out. */
  account: Account | null | undefined;
  /** Lost connection at start: the shell still shows, with a note. */
  offline: boolean;
  workspaces: Workspace[] | null;
  signedIn: (session: { account: Account; csrfToken: string }) => void;
  /** After redeeming an invite the account is not in the response: ask the server again. */
  refreshSession: () => Promise<void>;
  setAccount: (account: Account) => void;
  signedOut: () => void;
  reloadWorkspaces: () => Promise<Workspace[]>;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside <App>');
  return state;
}

const lastWorkspaceKey = 'coproduce.workspace';

export function rememberWorkspace(id: string): void {
  try {
    localStorage.setItem(lastWorkspaceKey, id);
  } catch {
    // Only a convenience.
  }
}

export function lastWorkspace(): string | null {
  try {
    return localStorage.getItem(lastWorkspaceKey);
  } catch {
    return null;
  }
}
