import { appendAuditEntries } from '../../audit/append.ts';
import { workspaceChain } from '../../audit/chain.ts';
import type { ServerDeps } from '../../context.ts';
import type { Tx } from '../../db/connect.ts';
import { takeRevision } from '../../db/revision.ts';
import type { Database } from '../../db/schema.ts';
import { bundleRows } from './rows.ts';
import type { CitySettlementBundle } from './types.ts';

/** Both engines take 30,000 bound values in one statement (SQLite's limit is 32,766, pg's 65,535). */
const maxValues = 30_000;

async function insertAll<T extends keyof Database>(trx: Tx, table: T, rows: object[] | undefined) {
  if (!rows?.length) return;
  const per = Math.max(1, Math.floor(maxValues / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += per)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + per) as never)
      .execute();
}

/** Parents before children, so that foreign keys hold at every statement. */
const order = [
  'settlements',
  'sections',
  'structures',
  'facilities',
  'facility_observations',
  'rounds',
  'households',
  'household_members',
  'consents',
  'record_versions',
] as const;

export interface CityTotals {
  settlements: number;
  structures: number;
  households: number;
  members: number;
}

/**
 * Writes generated settlements into a workspace, one transaction (and one audit entry naming what
 * it wrote) per settlement, so memory stays bounded and an interrupted run keeps whole settlements.
 */
export async function writeCity(
  deps: ServerDeps,
  who: { workspaceId: string; accountId: string | null; personId: string | null },
  bundles: Iterable<CitySettlementBundle>,
  progress: (totals: CityTotals) => void = () => {},
): Promise<CityTotals> {
  const totals: CityTotals = { settlements: 0, structures: 0, households: 0, members: 0 };
  for (const bundle of bundles) {
    const heads = await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now().toISOString();
      const revision = await takeRevision(trx);
      const rows = bundleRows(bundle, { ...who, revision, now });
      for (const table of order) await insertAll(trx, table, rows[table]);
      return appendAuditEntries(trx, deps.databaseKind, deps.auditKeys.hmacKey, [
        {
          chain: workspaceChain(who.workspaceId),
          workspaceId: who.workspaceId,
          actorAccountId: who.accountId,
          onBehalfOfPersonId: null,
          action: 'settlement.demo',
          entityType: 'settlement',
          entityId: bundle.settlement.id,
          fields: order.filter((table) => rows[table]?.length),
          occurredAt: now,
        },
      ]);
    });
    // The anchor file follows the chain heads, as after every request.
    deps.auditAnchor.note(heads);
    totals.settlements += 1;
    totals.structures += bundle.structures.length;
    totals.households += bundle.households.length;
    totals.members += bundle.members.length;
    progress(totals);
  }
  return totals;
}
