import type { ContactChannel, CreatedInvite, Invite, LinkConsent, Role } from '@coproduce/contract';
import { addSeconds } from '../clock.ts';
import type { Membership, RequestContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { canInviteRole } from '../members/policy.ts';
import { findLiveMembershipOfPerson } from '../members/queries.ts';
import { findPerson } from '../people/queries.ts';
import { addPerson, minimalPerson } from '../people/write.ts';
import { abilitiesFor } from '../workspaces/policy.ts';
import { codeHint, inviteSecretHash, newInviteCode, newLinkSecret } from './codes.ts';
import { findInvite, type InviteRow, insertInvite, revokeInviteRow } from './queries.ts';

export interface NewInvite {
  role: Role;
  delivery: 'code' | 'email';
  email?: string | undefined;
  personId?: string | undefined;
  linkConsent?: LinkConsent | undefined;
  displayName?: string | undefined;
  expiresInDays: number;
}

export function inviteState(row: InviteRow, now: string): Invite['state'] {
  if (row.redeemed_at) return 'redeemed';
  if (row.revoked_at) return 'revoked';
  if (row.expires_at <= now) return 'expired';
  return 'pending';
}

export function presentInvite(row: InviteRow, now: string): Invite {
  return {
    id: row.id,
    role: row.role as Role,
    delivery: row.delivery as Invite['delivery'],
    email: row.email,
    personId: row.person_id,
    personDisplayName: row.person_display_name,
    state: inviteState(row, now),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    redeemedAt: row.redeemed_at,
    codeHint: row.code_hint,
  };
}

/**
 * Linking an account to someone already in the register hands that account their legal name,
 * notes, contacts and access needs: only a coordinator may, with the person's recorded consent,
 * and consent "by their own email" only counts when the invite goes to an address on their record.
 */
async function checkLink(ctx: RequestContext, caller: Membership, personId: string, input: NewInvite) {
  if (!abilitiesFor(caller.role).manageWorkspace) {
    throw new AppError(
      'auth.forbidden',
      403,
      'Only a coordinator can link an account to someone already in the register.',
      [
        {
          path: 'body.personId',
          message: 'only coordinators link existing records',
          code: 'invite.link_coordinator_only',
        },
      ],
    );
  }
  const person = await findPerson(ctx.db, caller.workspaceId, personId);
  if (!person || person.deleted_at) throw notFound('That person');
  if (await findLiveMembershipOfPerson(ctx.db, caller.workspaceId, personId)) {
    throw new AppError('conflict.already_member', 409, 'That person is already a member here.', [
      { path: 'body.personId', message: 'already a member', code: 'person.already_member' },
    ]);
  }
  if (input.linkConsent?.method === 'their_email') {
    const theirs = (JSON.parse(person.contact_channels) as ContactChannel[])
      .filter((c) => c.kind === 'email')
      .map((c) => (c.kind === 'email' ? c.address.toLowerCase() : ''));
    if (!input.email || !theirs.includes(input.email.toLowerCase())) {
      throw new AppError(
        'request.invalid',
        400,
        'Consent by email needs the invite sent to an email address on their record.',
        [
          {
            path: 'body.email',
            message: 'not an address on their record',
            code: 'invite.link_email_not_theirs',
          },
        ],
      );
    }
  }
}

/** The redeem link is always built from PUBLIC_URL, never from the request's Host header. */
export const joinLink = (publicUrl: string, secret: string) =>
  `${publicUrl}/join?code=${encodeURIComponent(secret)}`;

/**
 * Makes an invite for a person record (an existing one, or a new one named here). Only the hash
 * of the secret is stored; the code or link is returned this once. Email invites are sent inside
 * the transaction, so a failed send leaves no invite behind.
 */
export async function createInvite(
  ctx: RequestContext,
  caller: Membership,
  input: NewInvite,
): Promise<CreatedInvite> {
  if (!canInviteRole(caller.role, input.role)) {
    throw new AppError('auth.forbidden', 403, `Your role cannot invite someone as ${input.role}.`, [
      { path: 'body.role', message: 'your role cannot give this role', code: 'role.beyond_yours' },
    ]);
  }
  let personId = input.personId;
  if (personId) {
    await checkLink(ctx, caller, personId, input);
  } else {
    personId = newId();
    await addPerson(ctx, caller.workspaceId, personId, minimalPerson(input.displayName ?? ''));
  }
  const secret = input.delivery === 'code' ? newInviteCode() : newLinkSecret();
  const id = newId();
  await insertInvite(ctx.db, {
    id,
    workspace_id: caller.workspaceId,
    person_id: personId,
    role: input.role,
    delivery: input.delivery,
    email: input.delivery === 'email' ? (input.email ?? null) : null,
    secret_hash: inviteSecretHash(secret),
    code_hint: input.delivery === 'code' ? codeHint(secret) : null,
    created_by_account_id: ctx.actor?.accountId ?? '',
    created_at: ctx.now,
    expires_at: addSeconds(ctx.now, input.expiresInDays * 86400),
    link_consent:
      input.personId && input.linkConsent
        ? JSON.stringify({ ...input.linkConsent, recordedByAccountId: ctx.actor?.accountId ?? null })
        : null,
  });
  const row = await findInvite(ctx.db, caller.workspaceId, id);
  if (!row) throw new Error('invite vanished inside its own transaction');
  const link = joinLink(ctx.deps.config.publicUrl, secret);
  if (input.delivery === 'email' && input.email) {
    await ctx.deps.mailer.send({
      to: input.email,
      subject: `You are invited to ${row.workspace_name} on Coproduce`,
      text: [
        `Hello ${row.person_display_name},`,
        '',
        `${ctx.actor?.displayName ?? 'Someone'} invites you to join ${row.workspace_name} on Coproduce as ${input.role}.`,
        'Open this link to accept. You can choose a username and password there; no email is needed to sign in.',
        '',
        link,
        '',
        `The link works once and until ${row.expires_at.slice(0, 10)}.`,
      ].join('\n'),
    });
  }
  ctx.audit({
    action: 'invite.create',
    entityType: 'invite',
    entityId: id,
    fields: [
      'role',
      'delivery',
      'personId',
      'expiresAt',
      ...(input.delivery === 'email' ? ['email'] : []),
      ...(input.personId ? ['linkConsent'] : []),
    ],
  });
  return {
    invite: presentInvite(row, ctx.now),
    code: input.delivery === 'code' ? secret : null,
    link,
    workspaceName: row.workspace_name,
  };
}

export async function revokeInvite(ctx: RequestContext, caller: Membership, row: InviteRow | undefined) {
  if (!row) throw notFound('That invite');
  if (!canInviteRole(caller.role, row.role as Role)) throw forbidden('Your role cannot revoke this invite.');
  if (row.redeemed_at) throw new AppError('invite.used', 409, 'This invite has already been used.');
  if (row.revoked_at) {
    ctx.unchanged();
    return;
  }
  await revokeInviteRow(ctx.db, row.id, ctx.now);
  ctx.audit({ action: 'invite.revoke', entityType: 'invite', entityId: row.id, fields: ['revokedAt'] });
}
