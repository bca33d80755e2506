import type { RequestContext } from '../context.ts';
import { householdsFollowStructure } from '../households/follow-section.ts';
import { changeRecord } from '../records/versions.ts';
import { structureColumns, structureContent } from './content.ts';
import { findStructure, type SectionRow, sectionsOf, structureSections } from './queries.ts';
import { structuresInArea } from './spatial.ts';

/**
 * A section's outline was drawn or redrawn: each structure of the settlement whose point now lies
 * in it takes that section; each that had it and lies outside it now takes the section it lies in
 * (the first by code), or none. Each move is a structure version by whoever drew (who, when, why),
 * audited, in the drawing's transaction; a structure without a point keeps what it has. The
 * households found in a moved structure follow it while their round is under way (households/
 * follow-section.ts); those of published or closed rounds keep the section they were counted in.
 */
export async function followSectionOutline(ctx: RequestContext, section: SectionRow) {
  const ws = section.workspace_id;
  const settlementId = section.settlement_id;
  const inside = new Set(
    section.boundary ? await structuresInArea(ctx, ws, settlementId, section.boundary) : [],
  );
  const placed = await structureSections(ctx.db, ws, settlementId);
  const moves = new Map<string, string | null>();
  for (const s of placed) {
    if (inside.has(s.id) && s.section_id !== section.id) moves.set(s.id, section.id);
    else if (!inside.has(s.id) && s.section_id === section.id && s.lon !== null) moves.set(s.id, null);
  }
  const leaving = [...moves].filter(([, to]) => to === null).map(([id]) => id);
  if (leaving.length > 0)
    for (const other of await sectionsOf(ctx.db, ws, settlementId)) {
      if (other.id === section.id || !other.boundary) continue;
      for (const id of await structuresInArea(ctx, ws, settlementId, other.boundary))
        if (moves.has(id) && moves.get(id) === null) moves.set(id, other.id);
    }
  const reason = `the outline of section ${section.code} was redrawn`;
  for (const [id, sectionId] of moves) {
    const row = (await findStructure(ctx.db, ws, id))!;
    const before = structureContent(row);
    const after = { ...before, sectionId };
    const result = await changeRecord(
      ctx,
      { workspaceId: ws, kind: 'structure', id },
      row,
      {
        baseVersionId: row.current_version_id,
        before: { ...before },
        after: { ...after },
        columns: structureColumns(after),
      },
      { reason },
    );
    if (result.outcome !== 'unchanged')
      ctx.audit({
        action: 'structure.update',
        entityType: 'structure',
        entityId: id,
        fields: result.changed,
      });
    await householdsFollowStructure(ctx, ws, id, sectionId, reason);
  }
  return moves.size;
}
