import { type AuditExportInput, endpoints, limits } from '@coproduce/contract';
import type { Membership, RequestContext } from '../context.ts';
import { forbidden, invalid } from '../errors.ts';
import { sendFile } from '../http/download.ts';
import type { Registrar } from '../http/register.ts';
import { callerOf } from '../workspaces/caller.ts';
import { abilitiesFor } from '../workspaces/policy.ts';
import { auditCsvHeader, auditCsvLine } from './csv.ts';
import { type AuditFilter, listAuditEntries } from './list-queries.ts';
import { type AuditRow, presentEntry } from './present.ts';
import { subjectsOf } from './subjects.ts';

/** Timestamps may carry any offset; entries are stored in UTC, so compare in UTC. */
const utc = (value: string | undefined) => (value ? new Date(value).toISOString() : null);
/** A CSV copy is read in a spreadsheet: past this many rows, narrow the dates. */
const csvRowsMax = 100_000;
const csvPage = 1000;

function readerOf(ctx: RequestContext): Membership {
  const caller = callerOf(ctx);
  if (!abilitiesFor(caller.role).readAudit) throw forbidden('Only coordinators read the audit log.');
  return caller;
}

function filterOf(caller: Membership, query: AuditExportInput) {
  return {
    workspaceId: caller.workspaceId,
    action: query.action ?? null,
    entityType: query.entityType ?? null,
    actorAccountId: query.actorAccountId ?? null,
    from: utc(query.from),
    to: utc(query.to),
  };
}

/** Entries with what they are about, named only for readers who may see people's names. */
async function present(ctx: RequestContext, caller: Membership, rows: AuditRow[]) {
  const none = { name: null, form: null, owner: null };
  const subject = abilitiesFor(caller.role).readPeople
    ? await subjectsOf(ctx.db, caller.workspaceId, rows)
    : () => none;
  return rows.map((row) => presentEntry(row, subject(row)));
}

export function auditRoutes(api: Registrar) {
  api.register(endpoints.listAudit, async ({ ctx, query }) => {
    const caller = readerOf(ctx);
    if (query.cursor !== undefined && !/^\d{1,15}$/.test(query.cursor)) {
      throw invalid('query.cursor', 'not a cursor from an earlier page');
    }
    const limit = query.limit ?? limits.pageSizeDefault;
    const rows = await listAuditEntries(ctx.db, {
      ...filterOf(caller, query),
      beforeSequence: query.cursor === undefined ? null : Number(query.cursor),
      limit: limit + 1,
    });
    const hasMore = rows.length > limit;
    const page = hasMore ? rows.slice(0, limit) : rows;
    return {
      items: await present(ctx, caller, page),
      cursor: hasMore ? String(page.at(-1)?.sequence) : null,
      hasMore,
    };
  });

  api.register(endpoints.exportAuditCsv, async ({ ctx, body, reply }) => {
    const caller = readerOf(ctx);
    const lines = [auditCsvHeader.join(',')];
    let before: number | null = null;
    for (;;) {
      const filter: AuditFilter = { ...filterOf(caller, body), beforeSequence: before, limit: csvPage };
      const rows = await listAuditEntries(ctx.db, filter);
      for (const entry of await present(ctx, caller, rows)) lines.push(auditCsvLine(entry));
      if (lines.length - 1 > csvRowsMax) {
        throw invalid('body.from', `more than ${csvRowsMax} entries: choose fewer days`);
      }
      if (rows.length < csvPage) break;
      before = Number(rows.at(-1)?.sequence);
    }
    // Before the copy leaves, the log notes that it did, with the filters used.
    ctx.audit({
      action: 'audit.export',
      entityType: 'workspace',
      entityId: caller.workspaceId,
      fields: Object.keys(body).sort(),
    });
    sendFile(reply, `audit-${ctx.now.slice(0, 10)}.csv`, 'text/csv; charset=utf-8');
    return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  });
}
