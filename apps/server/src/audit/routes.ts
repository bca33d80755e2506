import { endpoints, limits } from '@coproduce/contract';
import { forbidden, invalid } from '../errors.ts';
import type { Registrar } from '../http/register.ts';
import { callerOf } from '../workspaces/caller.ts';
import { abilitiesFor } from '../workspaces/policy.ts';
import { listAuditEntries } from './list-queries.ts';

/** Timestamps may carry any offset; entries are stored in UTC, so compare in UTC. */
const utc = (value: string | undefined) => (value ? new Date(value).toISOString() : null);

export function auditRoutes(api: Registrar) {
  api.register(endpoints.listAudit, async ({ ctx, query }) => {
    const caller = callerOf(ctx);
    if (!abilitiesFor(caller.role).readAudit) throw forbidden('Only coordinators read the audit log.');
    if (query.cursor !== undefined && !/^\d{1,15}$/.test(query.cursor)) {
      throw invalid('query.cursor', 'not a cursor from an earlier page');
    }
    const limit = query.limit ?? limits.pageSizeDefault;
    const rows = await listAuditEntries(ctx.db, {
      workspaceId: caller.workspaceId,
      action: query.action ?? null,
      entityType: query.entityType ?? null,
      actorAccountId: query.actorAccountId ?? null,
      from: utc(query.from),
      to: utc(query.to),
      beforeSequence: query.cursor === undefined ? null : Number(query.cursor),
      limit: limit + 1,
    });
    const hasMore = rows.length > limit;
    const page = hasMore ? rows.slice(0, limit) : rows;
    return {
      items: page.map((row) => ({
        id: row.id,
        sequence: Number(row.sequence),
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        fields: JSON.parse(row.fields) as string[],
        actorAccountId: row.actor_account_id,
        actorDisplayName: row.actor_display_name,
        onBehalfOfPersonId: row.on_behalf_of_person_id,
        onBehalfOfDisplayName: row.on_behalf_of_display_name,
        occurredAt: row.occurred_at,
        hash: row.hash,
      })),
      cursor: hasMore ? String(page.at(-1)?.sequence) : null,
      hasMore,
    };
  });
}
