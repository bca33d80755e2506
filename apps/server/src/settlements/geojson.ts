import { type Feature, type Geometry, writeFeatureCollection } from '@coproduce/geometry';
import type { Membership, RequestContext } from '../context.ts';
import { facilityContent, settlementContent, structureContent } from './content.ts';
import { canSettlements } from './policy.ts';
import { facilitiesOf, type SectionRow, sectionsOf, structuresQuery } from './queries.ts';
import { readableSettlement } from './write.ts';

/**
 * A settlement as one GeoJSON FeatureCollection (RFC 7946) that QGIS, geojson.io or another
 * federation's Coproduce can read, and that our import reads back to the same records: each
 * feature says its kind, and sections are named by code so a file moves between workspaces.
 * Structures without a point cannot be features; they are counted in `leftOut`.
 */
export async function settlementGeojson(ctx: RequestContext, caller: Membership, settlementId: string) {
  const settlement = await readableSettlement(ctx, caller, settlementId);
  const sections = await sectionsOf(ctx.db, caller.workspaceId, settlement.id);
  const codeOf = new Map(sections.map((s: SectionRow) => [s.id, s.code]));
  const features: Feature[] = [];
  const shape = (boundary: string | null) => (boundary ? (JSON.parse(boundary) as Geometry) : null);

  const { boundary: _b, ...profile } = settlementContent(settlement);
  const outline = shape(settlement.boundary);
  if (outline)
    features.push({
      id: settlement.id,
      geometry: outline,
      properties: { kind: 'settlement', ...profile, areaHa: settlement.area_ha },
    });
  for (const section of sections) {
    const geometry = shape(section.boundary);
    if (geometry)
      features.push({
        id: section.id,
        geometry,
        properties: { kind: 'section', code: section.code, name: section.name },
      });
  }
  let leftOut = 0;
  if (canSettlements(caller.role, 'readStructures')) {
    const structures = await structuresQuery(ctx.db, caller.workspaceId, settlement.id, null)
      .orderBy('number')
      .orderBy('id')
      .execute();
    for (const row of structures) {
      const { point, sectionId, ...facts } = structureContent(row);
      if (!point) {
        leftOut++;
        continue;
      }
      features.push({
        id: row.id,
        geometry: { type: 'Point', coordinates: [point.lon, point.lat] },
        properties: {
          kind: 'structure',
          ...facts,
          sectionCode: sectionId ? (codeOf.get(sectionId) ?? null) : null,
          status: row.status,
          duplicateNumber: row.duplicate_number === 1,
          outsideBoundary: row.outside_boundary === 1,
        },
      });
    }
  }
  for (const row of await facilitiesOf(ctx.db, caller.workspaceId, settlement.id)) {
    const { point, sectionId, ...facts } = facilityContent(row);
    features.push({
      id: row.id,
      geometry: { type: 'Point', coordinates: [point.lon, point.lat] },
      properties: {
        kind: 'facility',
        ...facts,
        sectionCode: sectionId ? (codeOf.get(sectionId) ?? null) : null,
        functional: row.functional === 1,
        observedAt: row.observed_at,
      },
    });
  }
  return {
    name: settlement.name,
    text: writeFeatureCollection(features, { bbox: true }),
    leftOut,
  };
}
