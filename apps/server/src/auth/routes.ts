import { endpoints } from '@coproduce/contract';
import { AppError } from '../errors.ts';
import type { Registrar } from '../http/register.ts';
import { newId } from '../ids.ts';
import { csrfTokenFor } from './credentials.ts';
import { hashPassword, warmUpDummyHash } from './passwords.ts';
import {
  countAccounts,
  findAccountById,
  insertAccount,
  lockSetup,
  revokeAccountSessions,
  revokeAccountTokens,
  revokeSession,
  setPasswordHash,
} from './queries.ts';
import { clearSessionCookie, presentAccount, presentedTokenHash, startSession } from './sessions.ts';
import { checkCredentials, checkPasswordChange } from './sign-in.ts';
import { clearFailures } from './throttle.ts';

const signedIn = () => new AppError('auth.required', 401, 'Sign in to continue.');

export function authRoutes(api: Registrar) {
  warmUpDummyHash();
  api.register(endpoints.setupStatus, async ({ ctx }) => ({
    needed: (await countAccounts(ctx.db)) === 0,
    signedIn: ctx.actor !== null,
  }));

  api.register<typeof endpoints.setup, string>(
    endpoints.setup,
    async ({ body, ctx, request, reply, prepared }) => {
      await lockSetup(ctx.db, ctx.deps.databaseKind);
      if ((await countAccounts(ctx.db)) > 0) {
        throw new AppError('setup.already_done', 409, 'This server is already set up: sign in instead.');
      }
      const id = newId();
      await insertAccount(ctx.db, {
        id,
        username: body.username,
        email: body.email ?? null,
        phone: null,
        display_name: body.displayName,
        locale: body.locale,
        password_hash: prepared,
        is_admin: 1,
        now: ctx.now,
      });
      const account = await findAccountById(ctx.db, id);
      if (!account) throw new Error('the new account was not saved');
      ctx.audit({
        action: 'account.setup',
        entityType: 'account',
        entityId: id,
        fields: ['username', 'displayName', 'locale', 'isAdmin', ...(body.email ? ['email'] : [])],
        workspaceId: null,
      });
      return startSession(ctx, request, reply, account);
    },
    {
      // Refuse early so a finished server does not hash passwords for anyone who asks.
      prepare: async ({ body, deps }) => {
        if ((await countAccounts(deps.db)) > 0) {
          throw new AppError('setup.already_done', 409, 'This server is already set up: sign in instead.');
        }
        return hashPassword(body.password);
      },
    },
  );

  api.register<typeof endpoints.signIn, Awaited<ReturnType<typeof checkCredentials>>>(
    endpoints.signIn,
    async ({ ctx, request, reply, prepared }) => {
      await clearFailures(ctx.db, prepared.loginThrottleKey);
      ctx.audit({
        action: 'auth.signed_in',
        entityType: 'account',
        entityId: prepared.account.id,
        workspaceId: null,
      });
      return startSession(ctx, request, reply, prepared.account);
    },
    { prepare: ({ body, deps, request }) => checkCredentials(deps, body.login, body.password, request.ip) },
  );

  api.register(endpoints.session, async ({ ctx, request }) => {
    const tokenHash = presentedTokenHash(request);
    const account = ctx.actor && (await findAccountById(ctx.db, ctx.actor.accountId));
    if (!account || !tokenHash) throw signedIn();
    return { account: presentAccount(account), csrfToken: csrfTokenFor(ctx.deps.secret, tokenHash) };
  });

  api.register(endpoints.signOut, async ({ body, ctx, reply }) => {
    const actor = ctx.actor;
    if (!actor?.sessionId) throw signedIn();
    if (body.everywhere) await revokeAccountSessions(ctx.db, actor.accountId, ctx.now, null);
    else await revokeSession(ctx.db, actor.accountId, actor.sessionId, ctx.now);
    const tokens =
      body.everywhere && body.revokeApiTokens
        ? await revokeAccountTokens(ctx.db, actor.accountId, ctx.now)
        : 0;
    clearSessionCookie(ctx, reply);
    ctx.audit({
      action: body.everywhere ? 'auth.signed_out_everywhere' : 'auth.signed_out',
      entityType: 'session',
      entityId: actor.sessionId,
      fields: tokens > 0 ? ['apiTokensRevoked'] : [],
      workspaceId: null,
    });
    return undefined;
  });

  api.register<typeof endpoints.changePassword, string>(
    endpoints.changePassword,
    async ({ ctx, prepared, body }) => {
      const actor = ctx.actor;
      if (!actor) throw signedIn();
      await setPasswordHash(ctx.db, actor.accountId, prepared, ctx.now);
      // Whoever else knew the old password is signed out everywhere but here.
      await revokeAccountSessions(ctx.db, actor.accountId, ctx.now, actor.sessionId);
      const tokens = body.revokeApiTokens ? await revokeAccountTokens(ctx.db, actor.accountId, ctx.now) : 0;
      ctx.audit({
        action: 'account.password_changed',
        entityType: 'account',
        entityId: actor.accountId,
        fields: tokens > 0 ? ['password', 'apiTokensRevoked'] : ['password'],
        workspaceId: null,
      });
      return undefined;
    },
    {
      prepare: ({ body, deps, caller }) => {
        if (!caller) throw signedIn();
        return checkPasswordChange(deps, caller.actor.accountId, body.currentPassword, body.newPassword);
      },
    },
  );
}
