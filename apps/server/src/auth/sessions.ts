import type { Account, Locale, SessionView } from '@coproduce/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { addSeconds } from '../clock.ts';
import type { RequestContext } from '../context.ts';
import { newId, newSecret, sha256 } from '../ids.ts';
import { csrfTokenFor, sessionCookieName } from './credentials.ts';
import { type AccountRow, insertSession, revokeSessionByHash } from './queries.ts';

export function presentAccount(row: AccountRow): Account {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    phone: row.phone,
    displayName: row.display_name,
    locale: row.locale as Locale,
    isAdmin: row.is_admin === 1,
    createdAt: row.created_at,
  };
}

/** The hash of the session cookie this request presented, live or not. */
export function presentedTokenHash(request: FastifyRequest): string | null {
  const cookie = request.cookies[sessionCookieName];
  return cookie ? sha256(cookie) : null;
}

/**
 * Starts a session: a 256-bit random token goes to the browser in an httpOnly cookie and only its
 * SHA-256 is stored. Any session the request presented is revoked (rotation on sign-in).
 */
export async function startSession(
  ctx: RequestContext,
  request: FastifyRequest,
  reply: FastifyReply,
  account: AccountRow,
): Promise<SessionView> {
  const old = presentedTokenHash(request);
  if (old) await revokeSessionByHash(ctx.db, old, ctx.now);
  const token = newSecret();
  const tokenHash = sha256(token);
  const days = ctx.deps.config.sessionDays;
  await insertSession(ctx.db, {
    id: newId(),
    token_hash: tokenHash,
    account_id: account.id,
    created_at: ctx.now,
    last_seen_at: ctx.now,
    expires_at: addSeconds(ctx.now, days * 86400),
    user_agent: ctx.userAgent,
    address: ctx.address,
  });
  reply.setCookie(sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: ctx.deps.config.publicUrl.startsWith('https:'),
    maxAge: days * 86400,
  });
  return { account: presentAccount(account), csrfToken: csrfTokenFor(ctx.deps.secret, tokenHash) };
}

export function clearSessionCookie(ctx: RequestContext, reply: FastifyReply) {
  reply.clearCookie(sessionCookieName, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: ctx.deps.config.publicUrl.startsWith('https:'),
  });
}
