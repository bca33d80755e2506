import { bbox, distanceMetres, metresToDegreesBox, pointInPolygon } from '@coproduce/geometry';
import { sql } from 'kysely';
import type { RequestContext } from '../context.ts';

/**
 * Spatial queries behind one function each, with the same answers on both databases: PostGIS
 * (geography, nearest by the GiST index's `<->`, distance on the sphere) on PostgreSQL; on SQLite
 * the R*Tree finds candidates in a box around each structure and the distance is the same sphere
 * formula (haversine, mean earth radius) computed here. Points in an area are planar on both
 * (PostGIS geometry, the same ray test as @coproduce/geometry's), a point on the edge inside.
 */
export interface Nearest {
  structureId: string;
  facilityId: string | null;
  metres: number | null;
}

const facilityTypesFor = { tap: ['tap', 'standpipe'], toilet: ['toilet', 'toilet_block'] } as const;
/** Search radii on SQLite, widened for structures with nothing closer; past the last, every facility. */
const radii = [150, 600, 2500];

export async function nearestFacilities(
  ctx: RequestContext,
  workspaceId: string,
  settlementId: string,
  kind: keyof typeof facilityTypesFor,
): Promise<Nearest[]> {
  const types = [...facilityTypesFor[kind]];
  if (ctx.deps.databaseKind === 'postgres') {
    const { rows } = await sql<{ structure_id: string; facility_id: string | null; metres: number | null }>`
      select s.id as structure_id, n.id as facility_id, ST_Distance(s.point, n.point, false) as metres
      from structures s
      left join lateral (
        select f.id, f.point from facilities f
        where f.workspace_id = s.workspace_id and f.settlement_id = s.settlement_id
          and f.type in (${sql.join(types)}) and f.functional = 1 and f.deleted_at is null
        order by s.point <-> f.point, f.id limit 1
      ) n on s.point is not null
      where s.workspace_id = ${workspaceId} and s.settlement_id = ${settlementId} and s.deleted_at is null
      order by s.id`.execute(ctx.db);
    return rows.map((r) => ({
      structureId: r.structure_id,
      facilityId: r.facility_id,
      metres: r.metres === null ? null : Number(r.metres),
    }));
  }
  return nearestOnSqlite(ctx, workspaceId, settlementId, types);
}

interface Candidate {
  structure_id: string;
  s_lon: number;
  s_lat: number;
  facility_id: string;
  f_lon: number;
  f_lat: number;
}

async function nearestOnSqlite(
  ctx: RequestContext,
  workspaceId: string,
  settlementId: string,
  types: string[],
) {
  const structures = await ctx.db
    .selectFrom('structures')
    .select(['id', 'lon', 'lat'])
    .where('workspace_id', '=', workspaceId)
    .where('settlement_id', '=', settlementId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  const best = new Map<string, { facilityId: string; metres: number }>();
  let open = new Set(structures.filter((s) => s.lon !== null).map((s) => s.id));
  const maxLat = Math.max(0, ...structures.map((s) => Math.abs(s.lat ?? 0)));
  for (const radius of [...radii, Number.POSITIVE_INFINITY]) {
    if (open.size === 0) break;
    // Half the box around a point at the settlement's widest latitude: wide enough for every structure.
    const around = Number.isFinite(radius) ? metresToDegreesBox([0, maxLat], radius) : null;
    const box = around && { dLon: (around[2] - around[0]) / 2, dLat: (around[3] - around[1]) / 2 };
    // CROSS JOIN keeps SQLite's order: each structure of the settlement, then the R*Tree box around it.
    const { rows } = await sql<Candidate>`
      select s.id as structure_id, s.lon as s_lon, s.lat as s_lat, f.id as facility_id, f.lon as f_lon, f.lat as f_lat
      from structures s
      cross join facilities_rtree r
      join spatial_keys k on k.key = r.key
      join facilities f on f.workspace_id = k.workspace_id and f.id = k.record_id
      where s.workspace_id = ${workspaceId} and s.settlement_id = ${settlementId} and s.deleted_at is null
        and s.lon is not null and ${
          box
            ? // Overlap, not containment: the R*Tree rounds its 32-bit boxes outwards.
              sql`r.max_lon >= s.lon - ${box.dLon} and r.min_lon <= s.lon + ${box.dLon}
                and r.max_lat >= s.lat - ${box.dLat} and r.min_lat <= s.lat + ${box.dLat}`
            : sql`1 = 1`
        } and k.kind = 'facility' and k.workspace_id = ${workspaceId}
        and f.settlement_id = ${settlementId} and f.type in (${sql.join(types)})
        and f.functional = 1 and f.deleted_at is null`.execute(ctx.db);
    for (const row of rows) {
      if (!open.has(row.structure_id)) continue;
      const metres = distanceMetres([row.s_lon, row.s_lat], [row.f_lon, row.f_lat]);
      // Only a facility within the radius is surely the nearest: one farther out may be beaten
      // by another outside the box.
      if (metres > radius) continue;
      const held = best.get(row.structure_id);
      if (!held || metres < held.metres || (metres === held.metres && row.facility_id < held.facilityId))
        best.set(row.structure_id, { facilityId: row.facility_id, metres });
    }
    open = new Set([...open].filter((id) => !best.has(id)));
  }
  return structures.map((s) => {
    const found = best.get(s.id);
    return { structureId: s.id, facilityId: found?.facilityId ?? null, metres: found?.metres ?? null };
  });
}

/**
 * The live structures of a settlement whose point lies in `boundary` (a stored Polygon or
 * MultiPolygon, GeoJSON text), by id: a section's structures as its outline says.
 */
export async function structuresInArea(
  ctx: RequestContext,
  workspaceId: string,
  settlementId: string,
  boundary: string,
): Promise<string[]> {
  if (ctx.deps.databaseKind === 'postgres') {
    const { rows } = await sql<{ id: string }>`
      select s.id from structures s
      where s.workspace_id = ${workspaceId} and s.settlement_id = ${settlementId} and s.deleted_at is null
        and s.point is not null
        and ST_Intersects(ST_SetSRID(ST_GeomFromGeoJSON(${boundary}), 4326), s.point::geometry)
      order by s.id`.execute(ctx.db);
    return rows.map((r) => r.id);
  }
  const geometry = JSON.parse(boundary);
  const [minLon, minLat, maxLon, maxLat] = bbox(geometry);
  // The R*Tree finds the structures in the outline's box; the ray test keeps those inside it.
  const { rows } = await sql<{ id: string; lon: number; lat: number }>`
    select s.id, s.lon, s.lat from structures_rtree r
    join spatial_keys k on k.key = r.key
    join structures s on s.workspace_id = k.workspace_id and s.id = k.record_id
    where r.max_lon >= ${minLon} and r.min_lon <= ${maxLon} and r.max_lat >= ${minLat} and r.min_lat <= ${maxLat}
      and k.kind = 'structure' and k.workspace_id = ${workspaceId}
      and s.settlement_id = ${settlementId} and s.deleted_at is null and s.lon is not null
    order by s.id`.execute(ctx.db);
  return rows.filter((r) => pointInPolygon([r.lon, r.lat], geometry)).map((r) => r.id);
}
