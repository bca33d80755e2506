import type { Role } from '@coproduce/contract';
import { limits, PasswordSchema, UsernameSchema } from '@coproduce/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfTokenFor } from '../auth/credentials.ts';
import { hashPassword } from '../auth/passwords.ts';
import { findAccountById, insertAccount } from '../auth/queries.ts';
import type { Caller } from '../auth/resolve.ts';
import { presentedTokenHash, startSession } from '../auth/sessions.ts';
import { addressRule, addressThrottleKey, clearFailures, giveBack, takeTries } from '../auth/throttle.ts';
import type { RequestContext, ServerDeps } from '../context.ts';
import { AppError, forbidden, invalid } from '../errors.ts';
import { newId } from '../ids.ts';
import { findLiveMembershipOfAccount, insertMembership } from '../members/queries.ts';
import { inviteSecretHash } from './codes.ts';
import { claimInvite, findInviteBySecret, type InviteRow, linkPersonToAccount } from './queries.ts';

const notFoundInvite = () =>
  new AppError('invite.not_found', 404, 'No invite has this code. Check the code on the slip and try again.');

/** Refuses an invite that cannot be used any more, with a sentence saying why. */
export function assertOpen(row: InviteRow, now: string) {
  if (row.redeemed_at)
    throw new AppError('invite.used', 409, 'This invite has already been used. Ask for a new one.');
  if (row.revoked_at)
    throw new AppError('invite.revoked', 410, 'This invite was withdrawn. Ask for a new one.');
  if (row.expires_at <= now)
    throw new AppError('invite.expired', 410, 'This invite has expired. Ask for a new one.');
}

/**
 * Finds the invite for a typed code, outside the request's transaction: a wrong guess is counted
 * per address in its own write, which must survive the failed request's rollback.
 */
export async function lookUpCode(
  deps: ServerDeps,
  request: FastifyRequest,
  code: string,
): Promise<InviteRow> {
  const now = deps.clock.now().toISOString();
  const key = addressThrottleKey(`invite:${request.ip}`);
  await takeTries(deps.db, [{ key, rule: addressRule }], now);
  const row = await findInviteBySecret(deps.db, inviteSecretHash(code));
  if (!row) throw notFoundInvite();
  // A right code is not a guess: give the try back (a preview and a redeem both look it up).
  await giveBack(deps.db, { key, rule: addressRule });
  return row;
}

export interface RedeemPrepared {
  inviteId: string;
  /** Set when nobody is signed in: the new account's password, already hashed. */
  passwordHash: string | null;
}

export interface RedeemInput {
  code: string;
  username?: string | undefined;
  password?: string | undefined;
  displayName?: string | undefined;
}

/** Before the transaction: check the code and hash a new account's password (slow on purpose). */
export async function prepareRedeem(
  deps: ServerDeps,
  request: FastifyRequest,
  caller: Caller | null,
  body: RedeemInput,
): Promise<RedeemPrepared> {
  if (caller?.token) throw forbidden('An API token cannot redeem invites.');
  const row = await lookUpCode(deps, request, body.code);
  assertOpen(row, deps.clock.now().toISOString());
  if (caller) return { inviteId: row.id, passwordHash: null };
  const username = UsernameSchema.safeParse(body.username ?? '');
  if (!username.success)
    throw invalid('body.username', username.error.issues[0]?.message ?? 'choose a username');
  const password = PasswordSchema.safeParse(body.password ?? '');
  if (!password.success) throw invalid('body.password', `at least ${limits.passwordMin} characters`);
  return { inviteId: row.id, passwordHash: await hashPassword(password.data) };
}

/**
 * Joins the invited workspace: with the signed-in account, or with a new account (username and
 * password, no email) that is signed in here. The membership is linked to the invited person.
 */
export async function redeemInvite(
  ctx: RequestContext,
  request: FastifyRequest,
  reply: FastifyReply,
  body: RedeemInput,
  prepared: RedeemPrepared,
) {
  const tokenHash = ctx.actor?.sessionId ? presentedTokenHash(request) : null;
  const row = await findInviteBySecret(ctx.db, inviteSecretHash(body.code));
  if (!row || row.id !== prepared.inviteId) throw notFoundInvite();
  assertOpen(row, ctx.now);
  let accountId: string;
  let csrfToken: string;
  if (ctx.actor && tokenHash) {
    accountId = ctx.actor.accountId;
    csrfToken = csrfTokenFor(ctx.deps.secret, tokenHash);
    if (await findLiveMembershipOfAccount(ctx.db, row.workspace_id, accountId)) {
      throw new AppError('conflict.already_member', 409, 'You are already a member of this workspace.');
    }
  } else {
    if (!prepared.passwordHash || !body.username) throw invalid('body.password', 'choose a password');
    accountId = newId();
    await insertAccount(ctx.db, {
      id: accountId,
      username: body.username,
      email: null,
      phone: null,
      display_name: body.displayName ?? row.person_display_name,
      locale: 'en',
      password_hash: prepared.passwordHash,
      is_admin: 0,
      now: ctx.now,
    });
    const account = await findAccountById(ctx.db, accountId);
    if (!account) throw new Error('account vanished inside its own transaction');
    csrfToken = (await startSession(ctx, request, reply, account)).csrfToken;
  }
  // The conditional update is the lock: of two redeems at once, one wins, the other sees "used".
  if (!(await claimInvite(ctx.db, row.id, accountId, ctx.now))) {
    throw new AppError('invite.used', 409, 'This invite has already been used. Ask for a new one.');
  }
  const revision = await ctx.revision();
  const membershipId = newId();
  await insertMembership(ctx.db, {
    workspace_id: row.workspace_id,
    id: membershipId,
    account_id: accountId,
    person_id: row.person_id,
    role: row.role,
    created_at: ctx.now,
    updated_at: ctx.now,
    revision,
    deleted_at: null,
  });
  await linkPersonToAccount(ctx.db, row.workspace_id, row.person_id, accountId, ctx.now, revision);
  await clearFailures(ctx.db, addressThrottleKey(`invite:${ctx.address}`));
  if (row.link_consent) {
    // The account now reads this person's whole record: recorded as a link of its own.
    ctx.audit({
      action: 'person.account_linked',
      entityType: 'person',
      entityId: row.person_id,
      fields: ['accountId'],
      workspaceId: row.workspace_id,
    });
  }
  ctx.audit({
    action: 'invite.redeem',
    entityType: 'membership',
    entityId: membershipId,
    fields: tokenHash ? ['accountId', 'personId', 'role'] : ['account', 'accountId', 'personId', 'role'],
    workspaceId: row.workspace_id,
  });
  return {
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    role: row.role as Role,
    csrfToken,
  };
}
