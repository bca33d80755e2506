import { endpoints } from '@coproduce/contract';
import { findAccountById, revokeSession } from '../auth/queries.ts';
import { presentAccount } from '../auth/sessions.ts';
import { AppError, notFound } from '../errors.ts';
import type { Registrar } from '../http/register.ts';
import { listLiveSessions, updateAccountRow } from './queries.ts';
import { accountChanges } from './update.ts';

const signedIn = () => new AppError('auth.required', 401, 'Sign in to continue.');

export function accountRoutes(api: Registrar) {
  api.register(endpoints.updateAccount, async ({ body, ctx }) => {
    if (!ctx.actor) throw signedIn();
    const current = await findAccountById(ctx.db, ctx.actor.accountId);
    if (!current) throw signedIn();
    const { changes, fields } = accountChanges(current, body);
    if (fields.length === 0) {
      ctx.unchanged();
      return presentAccount(current);
    }
    await updateAccountRow(ctx.db, current.id, changes, ctx.now);
    ctx.audit({
      action: 'account.updated',
      entityType: 'account',
      entityId: current.id,
      fields,
      workspaceId: null,
    });
    const updated = await findAccountById(ctx.db, current.id);
    if (!updated) throw signedIn();
    return presentAccount(updated);
  });

  api.register(endpoints.listDevices, async ({ ctx }) => {
    if (!ctx.actor) throw signedIn();
    const rows = await listLiveSessions(ctx.db, ctx.actor.accountId, ctx.now);
    return {
      items: rows.map((row) => ({
        id: row.id,
        current: row.id === ctx.actor?.sessionId,
        userAgent: row.user_agent,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
      })),
    };
  });

  api.register(endpoints.signOutDevice, async ({ params, ctx }) => {
    if (!ctx.actor) throw signedIn();
    // Another account's session is not there for this caller: 404, as for any foreign id.
    if ((await revokeSession(ctx.db, ctx.actor.accountId, params.sessionId, ctx.now)) === 0) {
      throw notFound('That device session');
    }
    ctx.audit({
      action: 'auth.device_signed_out',
      entityType: 'session',
      entityId: params.sessionId,
      workspaceId: null,
    });
    return undefined;
  });
}
