// The settlements rows of the authorization matrix (authorization.test.ts): for each endpoint of
// settlements on the map, the outcome per role in the caller's own workspace. Builders make real
// rows with the workspace's coordinator: a settlement, a section, structures and a tap.
import type { Agent } from './agent.ts';
import { outcomes, type Row, row, setupCall } from './matrix-rows.ts';

const everyone = outcomes({}, 'ok');
const mappers = outcomes({ coordinator: 'ok', staff: 'ok' });
const numberers = outcomes({ coordinator: 'ok', staff: 'ok', researcher: 'ok' });
const structureReaders = outcomes({ coordinator: 'ok', staff: 'ok', researcher: 'ok', member: 'ok' });

export function settlementMatrix(admin: () => Agent): Record<string, Row> {
  let n = 0;
  const ws = (place: { id: string }) => `/api/workspaces/${place.id}`;
  const call = setupCall(admin);
  const shared = new Map<string, Promise<string>>();
  const settlementOf = (place: { id: string }) => {
    let id = shared.get(place.id);
    if (!id) {
      id = call('POST', `${ws(place)}/settlements`, { name: 'Matrix settlement' }).then(
        (s) => s.id as string,
      );
      shared.set(place.id, id);
    }
    return id;
  };
  const freshStructure = async (place: { id: string }) => {
    const settlement = await settlementOf(place);
    return call('POST', `${ws(place)}/settlements/${settlement}/structures`, {
      number: `M-${++n}`,
      point: { lon: 18.5, lat: -34 },
    });
  };
  const conflicted = async (place: { id: string }) => {
    const made = await freshStructure(place);
    const url = `${ws(place)}/structures/${made.id}`;
    const one = await call('PATCH', url, { baseVersionId: made.versionId, rooms: 1 });
    await call('PATCH', url, { baseVersionId: made.versionId, rooms: 2 });
    return { id: made.id as string, versionId: one.versionId as string };
  };
  const at = (place: { id: string }, settlement: string, tail = '') =>
    `${ws(place)}/settlements/${settlement}${tail}`;

  return {
    listSettlements: row(everyone, async (p) => ({ url: `${ws(p)}/settlements` })),
    createSettlement: row(mappers, async (p) => ({
      url: `${ws(p)}/settlements`,
      body: { name: `S ${++n}` },
    })),
    getSettlement: row(everyone, async (p) => ({ url: at(p, await settlementOf(p)) })),
    updateSettlement: row(mappers, async (p) => {
      const settlement = await call('GET', at(p, await settlementOf(p)));
      return { url: at(p, settlement.id), body: { baseVersionId: settlement.versionId, ward: `${++n}` } };
    }),
    listSettlementProfiles: row(everyone, async (p) => ({ url: at(p, await settlementOf(p), '/profiles') })),
    createSettlementProfile: row(mappers, async (p) => ({
      url: at(p, await settlementOf(p), '/profiles'),
      body: { note: `profile ${++n}` },
    })),
    listSections: row(everyone, async (p) => ({ url: at(p, await settlementOf(p), '/sections') })),
    createSection: row(mappers, async (p) => ({
      url: at(p, await settlementOf(p), '/sections'),
      body: { code: `C${++n}` },
    })),
    updateSection: row(mappers, async (p) => {
      const section = await call('POST', at(p, await settlementOf(p), '/sections'), { code: `U${++n}` });
      return {
        url: `${ws(p)}/sections/${section.id}`,
        body: { baseVersionId: section.versionId, name: 'Renamed' },
      };
    }),
    exportSettlementGeojson: row(everyone, async (p) => ({ url: at(p, await settlementOf(p), '/geojson') })),
    importSettlementGeojson: row(mappers, async (p) => ({
      url: at(p, await settlementOf(p), '/geojson'),
      body: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [18.5, -34] },
            properties: { kind: 'structure', number: `G-${++n}` },
          },
        ],
      },
    })),
    listStructures: row(structureReaders, async (p) => ({
      url: at(p, await settlementOf(p), '/structures'),
    })),
    createStructure: row(numberers, async (p) => ({
      url: at(p, await settlementOf(p), '/structures'),
      body: { number: `N-${++n}` },
    })),
    updateStructure: row(numberers, async (p) => {
      const made = await freshStructure(p);
      return { url: `${ws(p)}/structures/${made.id}`, body: { baseVersionId: made.versionId, rooms: 3 } };
    }),
    getStructure: row(structureReaders, async (p) => ({
      url: `${ws(p)}/structures/${(await freshStructure(p)).id}`,
    })),
    structureHistory: row(structureReaders, async (p) => ({
      url: `${ws(p)}/structures/${(await freshStructure(p)).id}/versions`,
    })),
    resolveStructure: row(mappers, async (p) => {
      const { id, versionId } = await conflicted(p);
      return {
        url: `${ws(p)}/structures/${id}/resolution`,
        body: { baseVersionId: versionId, reason: 'checked' },
      };
    }),
    listFacilities: row(everyone, async (p) => ({ url: at(p, await settlementOf(p), '/facilities') })),
    createFacility: row(numberers, async (p) => ({
      url: at(p, await settlementOf(p), '/facilities'),
      body: { type: 'tap', point: { lon: 18.5, lat: -34 } },
    })),
    observeFacility: row(numberers, async (p) => {
      const tap = await call('POST', at(p, await settlementOf(p), '/facilities'), {
        type: 'tap',
        point: { lon: 18.5, lat: -34 },
      });
      return {
        url: `${ws(p)}/facilities/${tap.id}/observations`,
        body: { observedAt: '2026-12-01T08:00:00Z', functional: true },
      };
    }),
    listRounds: row(everyone, async (p) => ({ url: at(p, await settlementOf(p), '/rounds') })),
    settlementCoverage: row(everyone, async (p) => ({ url: at(p, await settlementOf(p), '/coverage') })),
    nearestFacilities: row(structureReaders, async (p) => ({
      url: at(p, await settlementOf(p), '/nearest?type=tap'),
    })),
  };
}
