import type { SettlementProfile } from '@coproduce/contract';
import type { Membership, RequestContext } from '../context.ts';
import type { SettlementProfilesTable } from '../db/settlement-schema.ts';
import { forbidden } from '../errors.ts';
import { householdCounts } from '../households/counts.ts';
import { newId } from '../ids.ts';
import { settlementContent } from './content.ts';
import { roundsOf } from './coverage.ts';
import { canSettlements } from './policy.ts';
import { facilitiesOf, settlementCounts } from './queries.ts';
import { readableSettlement } from './write.ts';

/**
 * Settlement profiles as dated snapshots: the facts and figures of a settlement on a day, kept
 * whole and never changed, so a report for the municipality can cite "the profile of 2 December".
 * Household figures are those the municipality may see (consent for municipality aggregates).
 */
export async function takeProfile(
  ctx: RequestContext,
  caller: Membership,
  settlementId: string,
  input: { takenOn?: string; note: string },
) {
  if (!canSettlements(caller.role, 'map')) throw forbidden('Your role cannot take settlement profiles.');
  const settlement = await readableSettlement(ctx, caller, settlementId);
  const ws = caller.workspaceId;
  const counts = (await settlementCounts(ctx.db, ws, [settlement.id])).get(settlement.id)!;
  const byType = new Map<string, { count: number; functional: number }>();
  for (const f of await facilitiesOf(ctx.db, ws, settlement.id)) {
    const entry = byType.get(f.type) ?? { count: 0, functional: 0 };
    entry.count += 1;
    entry.functional += f.functional;
    byType.set(f.type, entry);
  }
  const [round] = await roundsOf(ctx.db, ws, settlement.id);
  const shared = round ? (await householdCounts(ctx.db, round, 'municipality_aggregates')).total : null;
  const { boundary: _boundary, numberPrefix: _prefix, ...facts } = settlementContent(settlement);
  const profile: SettlementProfile['profile'] = {
    ...facts,
    areaHa: settlement.area_ha,
    sections: counts.sections,
    structures: counts.structures,
    facilities: [...byType].map(([type, v]) => ({
      type,
      ...v,
    })) as SettlementProfile['profile']['facilities'],
    round:
      round && shared
        ? {
            id: round.id,
            name: round.name,
            status: round.status,
            households: shared.households,
            persons: shared.persons,
          }
        : null,
  };
  const row: SettlementProfilesTable = {
    workspace_id: ws,
    id: newId(),
    settlement_id: settlement.id,
    taken_on: input.takenOn ?? ctx.now.slice(0, 10),
    note: input.note,
    content: JSON.stringify(profile),
    taken_by_person_id: ctx.onBehalfOfPersonId ?? caller.personId,
    created_at: ctx.now,
  };
  await ctx.db.insertInto('settlement_profiles').values(row).execute();
  ctx.audit({
    action: 'settlement.profile',
    entityType: 'settlement',
    entityId: settlement.id,
    fields: ['profile'],
  });
  return row;
}

export function profilesOf(ctx: RequestContext, workspaceId: string, settlementId: string) {
  return ctx.db
    .selectFrom('settlement_profiles')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('settlement_id', '=', settlementId)
    .orderBy('taken_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export const presentProfile = (row: SettlementProfilesTable): SettlementProfile => ({
  id: row.id,
  settlementId: row.settlement_id,
  takenOn: row.taken_on,
  note: row.note,
  profile: JSON.parse(row.content),
  takenByPersonId: row.taken_by_person_id,
  createdAt: row.created_at,
});
