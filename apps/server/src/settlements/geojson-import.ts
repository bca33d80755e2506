import type { GeojsonImportResult, GeojsonKind } from '@coproduce/contract';
import { type BBox, distanceMetres } from '@coproduce/geometry';
import type { Membership, RequestContext } from '../context.ts';
import { forbidden } from '../errors.ts';
import { facilityContent, settlementContent, structureContent } from './content.ts';
import { mapFacility, updateFacility } from './facilities.ts';
import { boundaryOf, type PlannedFeature, pointOf, readSettlementFile } from './geojson-read.ts';
import { canSettlements } from './policy.ts';
import {
  type FacilityRow,
  facilitiesOf,
  type SectionRow,
  type StructureRow,
  sectionsOf,
  structureFlags,
  structuresQuery,
} from './queries.ts';
import { numberStructure, updateStructure } from './structures.ts';
import { createSection, readableSettlement, updateSection, updateSettlement } from './write.ts';

type Of<K extends GeojsonKind> = Extract<PlannedFeature, { kind: K }>;
type Counts = Record<GeojsonKind, number>;
const zero = (): Counts => ({ settlement: 0, section: 0, structure: 0, facility: 0 });

/** Metres within which a facility of the same type without an id is taken to be the same one. */
const sameFacilityMetres = 1;
/** Metres within which a structure is the one of several sharing a painted number. */
const sameStructureMetres = 5;

/**
 * Imports a settlement file: features matched to existing records by id (when the id is of this
 * settlement), else sections by code, structures by painted number and facilities by type and
 * place, so re-importing an exported file, or one edited in QGIS, changes only what changed. Each
 * change goes through the record's own verb (versioned, audited, duplicates and points outside
 * the boundary flagged), all in the request's one transaction: a failure writes nothing.
 */
export async function importSettlementFile(
  ctx: RequestContext,
  caller: Membership,
  settlementId: string,
  input: unknown,
): Promise<GeojsonImportResult> {
  if (!canSettlements(caller.role, 'map')) throw forbidden('Your role cannot import maps.');
  const settlement = await readableSettlement(ctx, caller, settlementId);
  const box: BBox | undefined =
    settlement.min_lon === null
      ? undefined
      : [settlement.min_lon, settlement.min_lat!, settlement.max_lon!, settlement.max_lat!];
  let sections = await sectionsOf(ctx.db, caller.workspaceId, settlement.id);
  const planned = readSettlementFile(input, box, new Set(sections.map((s) => s.code)));
  const result = { created: zero(), updated: zero(), unchanged: zero() };
  const tally = (kind: GeojsonKind, before: string | null, after: string) => {
    if (before === null) result.created[kind]++;
    else if (before === after) result.unchanged[kind]++;
    else result.updated[kind]++;
  };
  // A record matched once is not matched again: two features with one painted number are two structures.
  const claimed = new Set<string>();
  const of = <K extends GeojsonKind>(kind: K) => planned.filter((f): f is Of<K> => f.kind === kind);

  for (const f of of('settlement')) {
    const fresh = await readableSettlement(ctx, caller, settlement.id);
    // The file's outline and profile; never its name: a file imported into "Sonop extension" must
    // not rename it "Sonop" (rename on the settlement's own page).
    const { municipality, ward, landOwner, yearEstablished, numberPrefix } = f.properties;
    const row = await updateSettlement(ctx, caller, settlement.id, {
      baseVersionId: fresh.current_version_id,
      ...{ municipality, ward, landOwner, yearEstablished, numberPrefix },
      boundary: keptShape(settlementContent(fresh).boundary, boundaryOf(f.geometry)),
    });
    tally('settlement', fresh.current_version_id, row.current_version_id);
  }

  for (const f of of('section')) {
    const known = sections.find((s) => s.id === f.id) ?? sections.find((s) => s.code === f.properties.code);
    const row: SectionRow = known
      ? await updateSection(ctx, caller, known.id, {
          baseVersionId: known.current_version_id,
          code: f.properties.code,
          name: f.properties.name,
          boundary: keptShape(known.boundary ? JSON.parse(known.boundary) : null, boundaryOf(f.geometry)),
        })
      : await createSection(ctx, caller, settlement.id, {
          code: f.properties.code,
          name: f.properties.name ?? '',
          boundary: boundaryOf(f.geometry),
        });
    tally('section', known?.current_version_id ?? null, row.current_version_id);
  }
  sections = await sectionsOf(ctx.db, caller.workspaceId, settlement.id);
  const sectionIdOf = (code: string | null | undefined) =>
    code ? (sections.find((s) => s.code === code)?.id ?? null) : undefined;

  const structures = await structuresQuery(ctx.db, caller.workspaceId, settlement.id, null).execute();
  for (const f of of('structure')) {
    const given = pointOf(f.geometry);
    const known = matchStructure(
      structures.filter((r) => !claimed.has(r.id)),
      f,
      given,
    );
    const point = keptShape(known ? structureContent(known).point : null, given);
    const p = f.properties;
    const facts = {
      number: p.number,
      point,
      use: p.use,
      wallMaterial: p.wallMaterial,
      roofMaterial: p.roofMaterial,
      rooms: p.rooms,
      floorAreaM2: p.floorAreaM2,
      statedOccupants: p.statedOccupants,
      statedHouseholds: p.statedHouseholds,
    };
    const sectionId = sectionIdOf(p.sectionCode);
    if (known) {
      const row = await updateStructure(ctx, caller, known.id, {
        baseVersionId: known.current_version_id,
        ...facts,
        ...(sectionId === undefined ? {} : { sectionId }),
      });
      claimed.add(row.id);
      tally('structure', known.current_version_id, row.current_version_id);
    } else {
      const row = await numberStructure(ctx, caller, settlement.id, {
        number: p.number,
        point,
        sectionId: sectionId ?? null,
        use: p.use ?? 'residential',
        wallMaterial: p.wallMaterial ?? null,
        roofMaterial: p.roofMaterial ?? null,
        rooms: p.rooms ?? null,
        floorAreaM2: p.floorAreaM2 ?? null,
        statedOccupants: p.statedOccupants ?? null,
        statedHouseholds: p.statedHouseholds ?? null,
      });
      claimed.add(row.id);
      structures.push(row);
      tally('structure', null, row.current_version_id);
    }
  }

  const facilities = await facilitiesOf(ctx.db, caller.workspaceId, settlement.id);
  for (const f of of('facility')) {
    const given = pointOf(f.geometry);
    const known = matchFacility(
      facilities.filter((r) => !claimed.has(r.id)),
      f,
      given,
    );
    const point = keptShape(known ? facilityContent(known).point : null, given);
    const p = f.properties;
    const sectionId = sectionIdOf(p.sectionCode);
    if (known) {
      const before = facilityContent(known);
      const row = await updateFacility(ctx, caller, known.id, {
        baseVersionId: known.current_version_id,
        content: {
          type: p.type,
          toiletType: p.toiletType === undefined ? before.toiletType : p.toiletType,
          point,
          sectionId: sectionId === undefined ? before.sectionId : sectionId,
          units: p.units ?? before.units,
          accessible: p.accessible ?? before.accessible,
          sexDesignation: p.sexDesignation ?? before.sexDesignation,
          provider: p.provider ?? before.provider,
        },
      });
      claimed.add(row.id);
      tally('facility', known.current_version_id, row.current_version_id);
    } else {
      const row = await mapFacility(ctx, caller, settlement.id, {
        type: p.type,
        toiletType: p.toiletType ?? null,
        point,
        sectionId: sectionId ?? null,
        units: p.units ?? 1,
        accessible: p.accessible ?? false,
        sexDesignation: p.sexDesignation ?? 'any',
        provider: p.provider ?? '',
      });
      claimed.add(row.id);
      facilities.push(row);
      tally('facility', null, row.current_version_id);
    }
  }
  if (planned.length === 0) ctx.unchanged();
  return { ...result, ...(await structureFlags(ctx.db, caller.workspaceId, settlement.id)) };
}

// An exported file rounds coordinates to 7 decimals (about 1 cm): a shape that rounds to the
// file's is the stored one, so re-importing an export changes nothing.
const rounded = (value: unknown) =>
  JSON.stringify(value, (_key, v) => (typeof v === 'number' ? Math.round(v * 1e7) / 1e7 : v));
function keptShape<T>(stored: T | null, given: T): T {
  return stored !== null && rounded(stored) === rounded(given) ? stored : given;
}

function matchStructure(rows: StructureRow[], f: Of<'structure'>, point: { lon: number; lat: number }) {
  const byId = f.id ? rows.find((r) => r.id === f.id) : undefined;
  if (byId) return byId;
  const numbered = rows.filter((r) => r.number === f.properties.number);
  if (numbered.length <= 1) return numbered[0];
  return numbered.find((r) => {
    const at = structureContent(r).point;
    return at && distanceMetres([at.lon, at.lat], [point.lon, point.lat]) <= sameStructureMetres;
  });
}

function matchFacility(rows: FacilityRow[], f: Of<'facility'>, point: { lon: number; lat: number }) {
  const byId = f.id ? rows.find((r) => r.id === f.id) : undefined;
  if (byId) return byId;
  return rows.find(
    (r) =>
      r.type === f.properties.type &&
      distanceMetres([r.lon, r.lat], [point.lon, point.lat]) <= sameFacilityMetres,
  );
}
