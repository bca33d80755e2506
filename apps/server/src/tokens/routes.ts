import { type ApiToken, endpoints, limits, type Role } from '@coproduce/contract';
import { apiTokenPrefix } from '../auth/credentials.ts';
import { addSeconds } from '../clock.ts';
import type { RequestContext } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import type { Registrar } from '../http/register.ts';
import { newId, newSecret, sha256 } from '../ids.ts';
import { keysetPage, pageItems } from '../sync/keyset.ts';
import { mayCreateToken, mayManageTokens } from './policy.ts';
import { findOwnToken, insertToken, ownTokens, revokeToken, type TokenRow, tokenOrder } from './queries.ts';

function present(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role as Role,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/** The registrar has already checked membership (404 otherwise); this names both for the types. */
function caller(ctx: RequestContext) {
  if (!ctx.actor || !ctx.membership) throw notFound('That workspace');
  return { actor: ctx.actor, membership: ctx.membership };
}

export function tokenRoutes(api: Registrar) {
  api.register(endpoints.listApiTokens, async ({ ctx, query }) => {
    const { actor, membership } = caller(ctx);
    if (!mayManageTokens(membership)) throw forbidden();
    const page = await keysetPage(
      ownTokens(ctx.db, membership.workspaceId, actor.accountId),
      tokenOrder,
      query.cursor,
      query.limit ?? limits.pageSizeDefault,
    );
    return pageItems(page, present);
  });

  api.register(endpoints.createApiToken, async ({ body, ctx }) => {
    const { actor, membership } = caller(ctx);
    const decision = mayCreateToken(actor, membership, body.role);
    if (decision === 'role_too_high') throw forbidden(`Your role cannot give a token the ${body.role} role.`);
    if (decision !== 'allow') throw forbidden('API tokens are made when signed in.');
    // The prefix makes a leaked secret recognisable; the rest is 256 random bits.
    const secret = `${apiTokenPrefix}${newSecret()}`;
    const row = {
      id: newId(),
      name: body.name,
      role: body.role,
      created_at: ctx.now,
      last_used_at: null,
      expires_at: addSeconds(ctx.now, body.expiresInDays * 86400),
      revoked_at: null,
    };
    await insertToken(ctx.db, {
      id: row.id,
      secret_hash: sha256(secret),
      account_id: actor.accountId,
      workspace_id: membership.workspaceId,
      name: row.name,
      role: row.role,
      created_at: row.created_at,
      expires_at: row.expires_at,
    });
    ctx.audit({
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: row.id,
      fields: ['name', 'role', 'expiresAt'],
    });
    return { token: present(row), secret };
  });

  api.register(endpoints.revokeApiToken, async ({ params, ctx }) => {
    const { actor, membership } = caller(ctx);
    if (!mayManageTokens(membership)) throw forbidden();
    const token = await findOwnToken(ctx.db, membership.workspaceId, actor.accountId, params.tokenId);
    if (!token) throw notFound('That token');
    if (token.revoked_at) {
      ctx.unchanged();
      return undefined;
    }
    await revokeToken(ctx.db, token.id, ctx.now);
    ctx.audit({
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: token.id,
      fields: ['revokedAt'],
    });
    return undefined;
  });
}
