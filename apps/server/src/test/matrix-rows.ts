// The shape every domain's rows of the authorization matrix share (authorization.test.ts): the
// outcome per role in the caller's own workspace, and a builder that makes the real rows a call
// needs with the workspace's coordinator.
import type { Role } from '@coproduce/contract';
import type { Agent } from './agent.ts';

export type Outcome = 'ok' | 400 | 401 | 403 | 404 | 409;
export interface Call {
  url: string;
  body?: unknown;
}
export interface Row {
  anonymous: Outcome;
  own?: Record<Role, Outcome>;
  build: (place: { id: string }, actor: Agent) => Promise<Call>;
}

const roles: Role[] = ['coordinator', 'staff', 'researcher', 'member', 'partner'];

/** The outcome for each role: those named, and `otherwise` for the rest. */
export const outcomes = (table: Partial<Record<Role, Outcome>>, otherwise: Outcome = 403) =>
  Object.fromEntries(roles.map((role) => [role, table[role] ?? otherwise])) as Record<Role, Outcome>;

/** A row that signed-out callers get 401 for. */
export const row = (own: Record<Role, Outcome>, build: Row['build']): Row => ({ anonymous: 401, own, build });

/** A setup call as the coordinator; anything but success stops the test with the server's answer. */
export const setupCall =
  (admin: () => Agent) => async (method: 'POST' | 'PATCH' | 'GET', url: string, body?: unknown) => {
    const response = await admin().request(method, url, method === 'GET' ? undefined : (body ?? {}));
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.payload}`);
    return response.body;
  };
