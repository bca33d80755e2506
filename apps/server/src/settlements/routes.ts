import { endpoints, geojsonContentType, limits } from '@coproduce/contract';
import { forbidden, notFound } from '../errors.ts';
import { purposeOf } from '../households/policy.ts';
import { sendFile } from '../http/download.ts';
import type { Registrar } from '../http/register.ts';
import { recordHistory } from '../records/history.ts';
import { keysetPage, pageItems } from '../sync/keyset.ts';
import { callerOf } from '../workspaces/caller.ts';
import { coverageOf, roundsOf } from './coverage.ts';
import { mapFacility, observeFacility } from './facilities.ts';
import { settlementGeojson } from './geojson.ts';
import { importSettlementFile } from './geojson-import.ts';
import { canSettlements } from './policy.ts';
import {
  presentFacility,
  presentRound,
  presentSection,
  presentSettlement,
  presentStructure,
} from './present.ts';
import { presentProfile, profilesOf, takeProfile } from './profiles.ts';
import { facilitiesOf, sectionsOf, settlementCounts, settlementsQuery, structuresQuery } from './queries.ts';
import { nearestFacilities } from './spatial.ts';
import { numberStructure, readableStructure, resolveStructure, updateStructure } from './structures.ts';
import {
  createSection,
  createSettlement,
  readableSettlement,
  updateSection,
  updateSettlement,
} from './write.ts';

export function settlementRoutes(api: Registrar) {
  api.register(endpoints.listSettlements, async ({ ctx, query }) => {
    const caller = callerOf(ctx);
    if (!canSettlements(caller.role, 'read')) throw forbidden();
    const page = await keysetPage(
      settlementsQuery(ctx.db, caller.workspaceId),
      { columns: ['name', 'id'], direction: 'asc', valuesOf: (r) => [r.name, r.id] },
      query.cursor,
      query.limit ?? limits.pageSizeDefault,
    );
    const counts = await settlementCounts(
      ctx.db,
      caller.workspaceId,
      page.rows.map((r) => r.id),
    );
    return pageItems(page, (row) => presentSettlement(row, counts.get(row.id)));
  });

  api.register(endpoints.createSettlement, async ({ ctx, body }) => {
    const row = await createSettlement(ctx, callerOf(ctx), body);
    return presentSettlement(row, undefined);
  });

  api.register(endpoints.getSettlement, async ({ ctx, params }) => {
    const caller = callerOf(ctx);
    const row = await readableSettlement(ctx, caller, params.settlementId);
    const counts = await settlementCounts(ctx.db, caller.workspaceId, [row.id]);
    return presentSettlement(row, counts.get(row.id));
  });

  api.register(endpoints.updateSettlement, async ({ ctx, params, body }) => {
    const caller = callerOf(ctx);
    const row = await updateSettlement(ctx, caller, params.settlementId, body);
    const counts = await settlementCounts(ctx.db, caller.workspaceId, [row.id]);
    return presentSettlement(row, counts.get(row.id));
  });

  api.register(endpoints.listSettlementProfiles, async ({ ctx, params }) => {
    const caller = callerOf(ctx);
    const settlement = await readableSettlement(ctx, caller, params.settlementId);
    const rows = await profilesOf(ctx, caller.workspaceId, settlement.id);
    return { items: rows.map(presentProfile), cursor: null, hasMore: false };
  });

  api.register(endpoints.createSettlementProfile, async ({ ctx, params, body }) =>
    presentProfile(await takeProfile(ctx, callerOf(ctx), params.settlementId, body)),
  );

  api.register(endpoints.listSections, async ({ ctx, params }) => {
    const caller = callerOf(ctx);
    const settlement = await readableSettlement(ctx, caller, params.settlementId);
    const rows = await sectionsOf(ctx.db, caller.workspaceId, settlement.id);
    return { items: rows.map(presentSection), cursor: null, hasMore: false };
  });

  api.register(endpoints.createSection, async ({ ctx, params, body }) =>
    presentSection(await createSection(ctx, callerOf(ctx), params.settlementId, body)),
  );

  api.register(endpoints.updateSection, async ({ ctx, params, body }) =>
    presentSection(await updateSection(ctx, callerOf(ctx), params.sectionId, body)),
  );

  api.register(endpoints.exportSettlementGeojson, async ({ ctx, params, reply }) => {
    const file = await settlementGeojson(ctx, callerOf(ctx), params.settlementId);
    sendFile(reply, `${file.name}.geojson`, geojsonContentType);
    // Structures not yet placed on the map cannot be features; say how many were left out.
    reply.header('coproduce-left-out', String(file.leftOut));
    return new TextEncoder().encode(file.text);
  });

  api.register(endpoints.importSettlementGeojson, async ({ ctx, params, body }) =>
    importSettlementFile(ctx, callerOf(ctx), params.settlementId, body),
  );

  api.register(endpoints.listStructures, async ({ ctx, params, query }) => {
    const caller = callerOf(ctx);
    if (!canSettlements(caller.role, 'readStructures')) throw forbidden();
    const settlement = await readableSettlement(ctx, caller, params.settlementId);
    const page = await keysetPage(
      structuresQuery(ctx.db, caller.workspaceId, settlement.id, query.sectionId ?? null),
      { columns: ['number', 'id'], direction: 'asc', valuesOf: (r) => [r.number, r.id] },
      query.cursor,
      query.limit ?? limits.pageSizeDefault,
    );
    return pageItems(page, presentStructure);
  });

  api.register(endpoints.createStructure, async ({ ctx, params, body }) =>
    presentStructure(await numberStructure(ctx, callerOf(ctx), params.settlementId, body)),
  );

  api.register(endpoints.getStructure, async ({ ctx, params }) =>
    presentStructure(await readableStructure(ctx, callerOf(ctx), params.structureId)),
  );

  api.register(endpoints.updateStructure, async ({ ctx, params, body }) =>
    presentStructure(await updateStructure(ctx, callerOf(ctx), params.structureId, body)),
  );

  api.register(endpoints.structureHistory, async ({ ctx, params }) => {
    const row = await readableStructure(ctx, callerOf(ctx), params.structureId);
    return recordHistory(ctx, 'structure', row);
  });

  api.register(endpoints.resolveStructure, async ({ ctx, params, body }) =>
    presentStructure(await resolveStructure(ctx, callerOf(ctx), params.structureId, body)),
  );

  api.register(endpoints.listFacilities, async ({ ctx, params }) => {
    const caller = callerOf(ctx);
    const settlement = await readableSettlement(ctx, caller, params.settlementId);
    const rows = await facilitiesOf(ctx.db, caller.workspaceId, settlement.id);
    return { items: rows.map(presentFacility), cursor: null, hasMore: false };
  });

  api.register(endpoints.createFacility, async ({ ctx, params, body }) =>
    presentFacility(await mapFacility(ctx, callerOf(ctx), params.settlementId, body)),
  );

  api.register(endpoints.observeFacility, async ({ ctx, params, body }) =>
    presentFacility(await observeFacility(ctx, callerOf(ctx), params.facilityId, body)),
  );

  api.register(endpoints.nearestFacilities, async ({ ctx, params, query }) => {
    const caller = callerOf(ctx);
    if (!canSettlements(caller.role, 'readStructures')) throw forbidden();
    const settlement = await readableSettlement(ctx, caller, params.settlementId);
    return { items: await nearestFacilities(ctx, caller.workspaceId, settlement.id, query.type) };
  });

  api.register(endpoints.listRounds, async ({ ctx, params }) => {
    const caller = callerOf(ctx);
    const settlement = await readableSettlement(ctx, caller, params.settlementId);
    const rows = await roundsOf(ctx.db, caller.workspaceId, settlement.id);
    return { items: rows.map(presentRound), cursor: null, hasMore: false };
  });

  api.register(endpoints.settlementCoverage, async ({ ctx, params, query }) => {
    const caller = callerOf(ctx);
    const settlement = await readableSettlement(ctx, caller, params.settlementId);
    const rounds = await roundsOf(ctx.db, caller.workspaceId, settlement.id);
    const round = query.roundId ? rounds.find((r) => r.id === query.roundId) : rounds[0];
    if (query.roundId && !round) throw notFound('That round');
    const sections = await sectionsOf(ctx.db, caller.workspaceId, settlement.id);
    // Partners and members count only households consenting to their role's purpose.
    const purpose = purposeOf(caller.role, undefined);
    const coverage = await coverageOf(
      ctx.db,
      caller.workspaceId,
      settlement.id,
      round ?? null,
      sections,
      purpose,
    );
    return { round: round ? presentRound(round) : null, ...coverage };
  });
}
