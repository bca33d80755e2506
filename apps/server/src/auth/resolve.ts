import type { Role } from '@coproduce/contract';
import type { FastifyRequest } from 'fastify';
import type { Actor, ServerDeps } from '../context.ts';
import { findLiveDeviceAccess, touchDeviceAccess } from '../device-access/queries.ts';
import { sha256 } from '../ids.ts';
import { apiTokenPrefix, sessionCookieName } from './credentials.ts';
import { findLiveApiToken, findLiveSession, touchApiToken, touchSession } from './queries.ts';

export interface Caller {
  /** The signed-in account; null for a phone that collects through a device access. */
  actor: Actor | null;
  /** Set for cookie sessions: state-changing requests must then carry the CSRF token. */
  sessionTokenHash: string | null;
  /** Set for API tokens: the one workspace and the role the token is limited to. */
  token: { workspaceId: string; role: Role } | null;
  /** Set for a phone with a device access: its workspace, person and forms (device-access/). */
  device: DeviceCaller | null;
}

export interface DeviceCaller {
  id: string;
  workspaceId: string;
  personId: string;
  formIds: string[];
  /** The secret as it came in the URL, so the links a device is given carry it too. */
  secret: string;
}

/** The header `app.ts` moves a device's secret into from a `/key/<secret>/…` URL (never from a client). */
export const deviceSecretHeader = 'x-coproduce-device-secret';

// Writing last-seen on every request would turn each read into a write; an hour is precise enough.
const touchEverySeconds = 3600;
const stale = (lastSeen: string | null, now: string) =>
  !lastSeen || Date.parse(now) - Date.parse(lastSeen) > touchEverySeconds * 1000;

/** Who is calling, from the session cookie or an `Authorization: Bearer cpt_…` token; null if nobody. */
export async function resolveCaller(deps: ServerDeps, request: FastifyRequest): Promise<Caller | null> {
  const now = deps.clock.now().toISOString();
  const deviceSecret = request.headers[deviceSecretHeader];
  if (typeof deviceSecret === 'string') {
    const row = await findLiveDeviceAccess(deps.db, sha256(deviceSecret));
    if (!row) return null;
    if (stale(row.last_used_at, now)) await touchDeviceAccess(deps.db, row.workspace_id, row.id, now);
    return {
      actor: null,
      sessionTokenHash: null,
      token: null,
      device: {
        id: row.id,
        workspaceId: row.workspace_id,
        personId: row.person_id,
        formIds: JSON.parse(row.form_ids) as string[],
        secret: deviceSecret,
      },
    };
  }
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const secret = authorization.slice('Bearer '.length).trim();
    if (!secret.startsWith(apiTokenPrefix)) return null;
    const row = await findLiveApiToken(deps.db, sha256(secret), now);
    if (!row) return null;
    if (stale(row.last_used_at, now)) await touchApiToken(deps.db, row.token_id, now);
    return {
      actor: {
        accountId: row.account_id,
        displayName: row.display_name,
        isAdmin: false,
        sessionId: null,
        tokenId: row.token_id,
      },
      sessionTokenHash: null,
      token: { workspaceId: row.workspace_id, role: row.role as Role },
      device: null,
    };
  }
  const cookie = request.cookies[sessionCookieName];
  if (!cookie) return null;
  const tokenHash = sha256(cookie);
  const row = await findLiveSession(deps.db, tokenHash, now);
  if (!row) return null;
  if (stale(row.last_seen_at, now)) await touchSession(deps.db, row.session_id, now);
  return {
    actor: {
      accountId: row.account_id,
      displayName: row.display_name,
      isAdmin: row.is_admin === 1,
      sessionId: row.session_id,
      tokenId: null,
    },
    sessionTokenHash: tokenHash,
    token: null,
    device: null,
  };
}
