import type { CreatedInvite, Role } from '@coproduce/contract';
import type { Membership, RequestContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { canInviteRole, canListInvites } from '../members/policy.ts';
import { codeHint, inviteSecretHash, newInviteCode } from './codes.ts';
import { joinLink, presentInvite } from './create.ts';
import { findInvite, replaceInviteSecret } from './queries.ts';
import { assertOpen } from './redeem.ts';

/**
 * Prints a slip again. Only the hash of a code is kept, so the old code cannot be shown twice;
 * instead a new code replaces it and the old one stops working. Who may revoke an invite may
 * reissue it; the expiry date stays as it was.
 */
export async function reissueInviteCode(
  ctx: RequestContext,
  caller: Membership,
  inviteId: string,
): Promise<CreatedInvite> {
  if (!canListInvites(caller.role)) throw forbidden('Your role cannot print invites.');
  const row = await findInvite(ctx.db, caller.workspaceId, inviteId);
  if (!row) throw notFound('That invite');
  if (!canInviteRole(caller.role, row.role as Role)) throw forbidden('Your role cannot print this invite.');
  if (row.delivery !== 'code') {
    throw new AppError('invite.not_code', 409, 'This invite was sent by email; it has no slip to print.');
  }
  assertOpen(row, ctx.now);
  const code = newInviteCode();
  if (!(await replaceInviteSecret(ctx.db, row.id, inviteSecretHash(code), codeHint(code), ctx.now))) {
    throw new AppError('invite.used', 409, 'This invite has already been used.');
  }
  ctx.audit({ action: 'invite.reissue', entityType: 'invite', entityId: row.id, fields: ['code'] });
  const fresh = await findInvite(ctx.db, caller.workspaceId, row.id);
  if (!fresh) throw new Error('invite vanished inside its own transaction');
  return {
    invite: presentInvite(fresh, ctx.now),
    code,
    link: joinLink(ctx.deps.config.publicUrl, code),
    workspaceName: fresh.workspace_name,
  };
}
