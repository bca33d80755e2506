import type { RequestContext } from '../context.ts';
import { changeRecord } from '../records/versions.ts';
import { householdColumns, householdContent } from './content.ts';
import { findRound, householdsOfStructure } from './queries.ts';

/** Rounds whose numbers are out (or done with): what they counted per section stays as counted. */
const settled = new Set(['published', 'closed']);

/**
 * A structure took another section (its section's outline was redrawn): the households found in
 * it in rounds still under way take it too, so coverage and verification lists by section agree
 * with the map. Each is a household version by whoever drew, with the same reason, audited, in
 * the drawing's transaction; households of published or closed rounds keep the section they
 * were counted in, so numbers already shown do not shift.
 */
export async function householdsFollowStructure(
  ctx: RequestContext,
  workspaceId: string,
  structureId: string,
  sectionId: string | null,
  reason: string,
): Promise<number> {
  let moved = 0;
  const rounds = new Map<string, boolean>();
  for (const row of await householdsOfStructure(ctx.db, workspaceId, structureId)) {
    if (row.section_id === sectionId) continue;
    if (!rounds.has(row.round_id)) {
      const round = await findRound(ctx.db, workspaceId, row.round_id);
      rounds.set(row.round_id, Boolean(round && !settled.has(round.status)));
    }
    if (!rounds.get(row.round_id)) continue;
    const before = householdContent(row);
    const after = { ...before, sectionId };
    const result = await changeRecord(
      ctx,
      { workspaceId, kind: 'household', id: row.id },
      row,
      {
        baseVersionId: row.current_version_id,
        before: { ...before },
        after: { ...after },
        columns: householdColumns(after),
      },
      { reason },
    );
    if (result.outcome === 'unchanged') continue;
    moved++;
    ctx.audit({
      action: 'household.update',
      entityType: 'household',
      entityId: row.id,
      fields: result.changed,
    });
  }
  return moved;
}
