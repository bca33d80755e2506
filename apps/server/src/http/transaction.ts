import type { Endpoint } from '@coproduce/contract';
import type { FastifyRequest } from 'fastify';
import { type AuditAppend, appendAuditEntries } from '../audit/append.ts';
import { accountsChain, workspaceChain } from '../audit/chain.ts';
import type { Caller } from '../auth/resolve.ts';
import type { AuditIntent, Membership, RequestContext, ServerDeps } from '../context.ts';
import type { Tx } from '../db/connect.ts';
import { takeRevision } from '../db/revision.ts';

export interface RequestScope {
  definition: Endpoint;
  request: FastifyRequest;
  caller: Caller | null;
  membership: Membership | null;
  onBehalfOfPersonId: string | null;
  grouped: boolean;
}

/**
 * Runs a handler in its transaction and appends the audit entries it recorded there: its own
 * transaction (a GET on the read connection: on SQLite a second one, so a slow listing never holds
 * the writer that ingest needs), or a savepoint in the server's group commit. After the commit the
 * new chain heads go to the anchor file.
 */
export async function runInTransaction<T>(
  deps: ServerDeps,
  scope: RequestScope,
  work: (ctx: RequestContext) => Promise<T>,
): Promise<T> {
  const body = (trx: Tx, revision: () => Promise<string>) => inTransaction(deps, scope, trx, revision, work);
  if (scope.grouped) {
    // The group appends every request's entries once, after the last of them (http/group-commit.ts).
    return (await deps.groupCommit.run(body)).value;
  }
  const connection = scope.definition.method === 'GET' ? deps.readDb : deps.db;
  const { value, heads } = await connection.transaction().execute(async (trx) => {
    let revision: Promise<string> | null = null;
    const outcome = await body(trx, () => {
      revision ??= takeRevision(trx);
      return revision;
    });
    return {
      value: outcome.value,
      heads: await appendAuditEntries(trx, deps.databaseKind, deps.auditKeys.hmacKey, outcome.audit),
    };
  });
  if (heads.length > 0) deps.auditAnchor.note(heads);
  return value;
}

/** The request's handler in a transaction; returns its result and the audit entries it recorded. */
async function inTransaction<T>(
  deps: ServerDeps,
  scope: RequestScope,
  trx: Tx,
  revision: () => Promise<string>,
  work: (ctx: RequestContext) => Promise<T>,
): Promise<{ value: T; audit: AuditAppend[] }> {
  const { definition, request, caller, membership, onBehalfOfPersonId } = scope;
  const intents: AuditIntent[] = [];
  let unchanged = false;
  const now = deps.clock.now().toISOString();
  const ctx: RequestContext = {
    deps,
    db: trx,
    clock: deps.clock,
    now,
    actor: caller?.actor ?? null,
    membership,
    onBehalfOfPersonId,
    address: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
    revision,
    audit: (entry) => {
      intents.push(entry);
    },
    unchanged: () => {
      unchanged = true;
    },
  };
  const value = await work(ctx);
  if (definition.method !== 'GET' && intents.length === 0 && !unchanged) {
    throw new Error(`${definition.id} changed data without recording an audit entry`);
  }
  const audit = intents.map((recorded) => {
    const workspaceId =
      recorded.workspaceId === undefined ? (membership?.workspaceId ?? null) : recorded.workspaceId;
    return {
      chain: workspaceId ? workspaceChain(workspaceId) : accountsChain,
      workspaceId,
      actorAccountId: ctx.actor?.accountId ?? null,
      onBehalfOfPersonId: recorded.onBehalfOfPersonId ?? onBehalfOfPersonId,
      action: recorded.action,
      entityType: recorded.entityType,
      entityId: recorded.entityId,
      fields: recorded.fields ?? [],
      occurredAt: now,
    };
  });
  return { value, audit };
}
