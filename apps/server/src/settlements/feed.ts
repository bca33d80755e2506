// Settlements, sections and structures in the change feed. A phone receives the places its
// owner's assignments name: the settlements, their sections, and the structures of the assigned
// sections (of the whole settlement when an assignment names no section), never the whole city.
// Those who assign receive everything; members and partners the settlements and sections only.
import type { FeedItem } from '@coproduce/contract';
import { revisionText } from '../db/revision.ts';
import type { FeedRow, FeedSource, Viewer } from '../sync/feed.ts';
import { changedSince } from '../sync/rows.ts';
import { canSettlements } from './policy.ts';
import { presentSection, presentSettlementRecord, presentStructure } from './present.ts';

const row = (
  kind: FeedItem['kind'],
  r: { id: string; revision: string | number | bigint; deleted_at: string | null },
  data: unknown,
): FeedRow => ({
  id: r.id,
  revision: revisionText(r.revision),
  item: {
    kind,
    id: r.id,
    revision: revisionText(r.revision),
    deleted: r.deleted_at !== null,
    data: r.deleted_at ? null : data,
  } as FeedItem,
});

// An unassigned researcher sees no place at all; the empty string matches no id.
const settlementsOf = (viewer: Viewer) =>
  viewer.areas ? [...new Set(viewer.areas.map((a) => a.settlementId)), ''] : null;

export const settlementsSource: FeedSource = {
  kind: 'settlement',
  async read(ctx, viewer, after, limit) {
    if (!canSettlements(viewer.role, 'read')) return [];
    let q = ctx.db.selectFrom('settlements').selectAll().where('workspace_id', '=', viewer.workspaceId);
    const ids = settlementsOf(viewer);
    if (ids) q = q.where('id', 'in', ids);
    const { rows } = await changedSince(q, after, limit, 'settlements');
    return rows.map((r) => row('settlement', r, presentSettlementRecord(r)));
  },
};

export const sectionsSource: FeedSource = {
  kind: 'section',
  async read(ctx, viewer, after, limit) {
    if (!canSettlements(viewer.role, 'read')) return [];
    let q = ctx.db.selectFrom('sections').selectAll().where('workspace_id', '=', viewer.workspaceId);
    const ids = settlementsOf(viewer);
    if (ids) q = q.where('settlement_id', 'in', ids);
    const { rows } = await changedSince(q, after, limit, 'sections');
    return rows.map((r) => row('section', r, presentSection(r)));
  },
};

export const structuresSource: FeedSource = {
  kind: 'structure',
  async read(ctx, viewer, after, limit) {
    // Members may look at structures on a screen, but their phones do not carry them.
    if (!canSettlements(viewer.role, 'number')) return [];
    let q = ctx.db.selectFrom('structures').selectAll().where('workspace_id', '=', viewer.workspaceId);
    const areas = viewer.areas;
    if (areas) {
      const whole = [...new Set(areas.filter((a) => !a.sectionId).map((a) => a.settlementId)), ''];
      const sections = [...new Set(areas.flatMap((a) => (a.sectionId ? [a.sectionId] : []))), ''];
      q = q.where((eb) => eb.or([eb('settlement_id', 'in', whole), eb('section_id', 'in', sections)]));
    }
    const { rows } = await changedSince(q, after, limit, 'structures');
    return rows.map((r) => row('structure', r, presentStructure(r)));
  },
};
