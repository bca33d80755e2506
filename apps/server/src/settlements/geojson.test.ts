import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../test/agent.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { adminWithWorkspace, joinAs, type TestWorkspace } from '../test/workspace-world.ts';

let server: TestServer;
let coordinator: Agent;
let researcher: Agent;
let partner: Agent;
let workspace: TestWorkspace;
const ws = () => `/api/workspaces/${workspace.id}`;

const square = (lon: number, lat: number, side: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + side, lat],
      [lon + side, lat + side],
      [lon, lat + side],
      [lon, lat],
    ],
  ],
});

interface GeoFeature {
  id?: string;
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}

async function exported(settlementId: string, agent = coordinator) {
  const res = await agent.get(`${ws()}/settlements/${settlementId}/geojson`);
  expect(res.statusCode, res.payload).toBe(200);
  expect(res.headers['content-type']).toContain('application/geo+json');
  return {
    file: JSON.parse(res.payload) as { features: GeoFeature[] },
    leftOut: res.headers['coproduce-left-out'],
  };
}

const imported = (settlementId: string, file: unknown, agent = coordinator) =>
  agent.post(`${ws()}/settlements/${settlementId}/geojson`, file);

// What a feature says, without the ids and flags a workspace gives it.
const facts = (f: GeoFeature) => {
  const {
    status: _s,
    duplicateNumber: _d,
    outsideBoundary: _o,
    functional: _f,
    observedAt: _a,
    ...rest
  } = f.properties;
  return JSON.stringify([f.geometry, rest]);
};

const structureCount = async (settlementId: string) =>
  (await coordinator.get(`${ws()}/settlements/${settlementId}`)).body.structures.numbered as number;

let mapped: { id: string };

beforeAll(async () => {
  server = await startTestServer();
  const made = await adminWithWorkspace(server.app);
  coordinator = made.admin;
  workspace = made.workspace;
  researcher = await joinAs(server.app, workspace, 'researcher');
  partner = await joinAs(server.app, workspace, 'partner');
  // A mapped settlement: boundary, two sections, structures (one twice numbered, one outside, one
  // not placed yet), a tap and a toilet. Points carry more decimals than a file keeps.
  const settlement = await coordinator.post(`${ws()}/settlements`, {
    name: 'Sonop',
    municipality: 'Madibeng',
    numberPrefix: 'B-',
    boundary: square(27.81, -25.71, 0.004),
  });
  mapped = settlement.body;
  const url = `${ws()}/settlements/${mapped.id}`;
  const a = await coordinator.post(`${url}/sections`, { code: 'A', boundary: square(27.81, -25.71, 0.002) });
  await coordinator.post(`${url}/sections`, {
    code: 'B',
    name: 'Top',
    boundary: square(27.812, -25.708, 0.002),
  });
  const structures = [
    {
      number: 'B-0001',
      point: { lon: 27.810512345678, lat: -25.709512345678 },
      sectionId: a.body.id,
      rooms: 2,
    },
    { number: 'B-0002', point: { lon: 27.8111, lat: -25.7091 }, use: 'spaza' },
    { number: 'B-0002', point: { lon: 27.8121, lat: -25.7071 } },
    { number: 'B-0003', point: { lon: 27.9, lat: -25.71 } },
    { number: 'B-0004', point: null },
  ];
  for (const s of structures) expect((await coordinator.post(`${url}/structures`, s)).statusCode).toBe(201);
  await coordinator.post(`${url}/facilities`, { type: 'tap', point: { lon: 27.8112, lat: -25.7092 } });
  await coordinator.post(`${url}/facilities`, {
    type: 'toilet',
    toiletType: 'chemical',
    units: 4,
    point: { lon: 27.8125, lat: -25.7075 },
  });
});
afterAll(() => server.close());

describe('GeoJSON export and import', () => {
  it('exports every placed record with its kind, counting the structure not placed yet', async () => {
    const { file, leftOut } = await exported(mapped.id);
    const kinds = file.features.map((f) => f.properties.kind);
    expect(kinds.filter((k) => k === 'settlement')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'section')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'structure')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'facility')).toHaveLength(2);
    expect(leftOut).toBe('1');
    const first = file.features.find((f) => f.properties.number === 'B-0001')!;
    expect(first.geometry.coordinates).toEqual([27.8105123, -25.7095123]);
    expect(first.properties.sectionCode).toBe('A');
    const dup = file.features.filter((f) => f.properties.number === 'B-0002');
    expect(dup.map((f) => f.properties.duplicateNumber)).toEqual([true, true]);
    expect(file.features.find((f) => f.properties.number === 'B-0003')!.properties.outsideBoundary).toBe(
      true,
    );
  });

  it('re-importing an export changes nothing, and writes no version', async () => {
    const { file } = await exported(mapped.id);
    const again = await imported(mapped.id, file);
    expect(again.statusCode, again.payload).toBe(200);
    expect(again.body.created).toEqual({ settlement: 0, section: 0, structure: 0, facility: 0 });
    expect(again.body.updated).toEqual({ settlement: 0, section: 0, structure: 0, facility: 0 });
    expect(again.body.unchanged).toEqual({ settlement: 1, section: 2, structure: 4, facility: 2 });
    expect(again.body.duplicateNumbers).toBe(2);
    const history = await coordinator.get(
      `${ws()}/structures/${file.features.find((f) => f.properties.number === 'B-0001')!.id}/versions`,
    );
    expect(history.body.items).toHaveLength(1);
  });

  it('an export imported into an empty settlement gives the same map', async () => {
    const { file } = await exported(mapped.id);
    const empty = await coordinator.post(`${ws()}/settlements`, { name: 'Copy' });
    const first = await imported(empty.body.id, file);
    expect(first.statusCode, first.payload).toBe(200);
    expect(first.body.created).toEqual({ settlement: 0, section: 2, structure: 4, facility: 2 });
    expect(first.body.updated.settlement).toBe(1);
    expect(first.body).toMatchObject({ duplicateNumbers: 2, outsideBoundary: 1 });
    const copy = (await exported(empty.body.id)).file;
    // The file's outline and profile are taken; the settlement keeps its own name.
    expect((await coordinator.get(`${ws()}/settlements/${empty.body.id}`)).body).toMatchObject({
      name: 'Copy',
      municipality: 'Madibeng',
    });
    const withoutName = (f: GeoFeature) =>
      f.properties.kind === 'settlement' ? { ...f, properties: { ...f.properties, name: '' } } : f;
    expect(copy.features.map(withoutName).map(facts).sort()).toEqual(
      file.features.map(withoutName).map(facts).sort(),
    );
    // Ids of another settlement's records are not taken over; a second import is recognised by number.
    const second = await imported(empty.body.id, file);
    expect(second.body.created).toEqual({ settlement: 0, section: 0, structure: 0, facility: 0 });
    expect(second.body.unchanged).toEqual({ settlement: 1, section: 2, structure: 4, facility: 2 });
  });

  it('a file edited elsewhere: a moved structure and a new one, matched by painted number', async () => {
    const place = await coordinator.post(`${ws()}/settlements`, {
      name: 'Edited',
      boundary: square(27.81, -25.71, 0.004),
    });
    const url = `${ws()}/settlements/${place.body.id}`;
    const made = await coordinator.post(`${url}/structures`, {
      number: 'C-1',
      point: { lon: 27.811, lat: -25.709 },
    });
    const file = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [27.8113, -25.7093] },
          properties: { kind: 'structure', number: 'C-1', qgis_fid: 7 },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [27.8114, -25.7094, 1500] },
          properties: { kind: 'structure', number: 'C-2' },
        },
      ],
    };
    const res = await imported(place.body.id, file);
    expect(res.statusCode, res.payload).toBe(200);
    expect(res.body.created.structure).toBe(1);
    expect(res.body.updated.structure).toBe(1);
    const history = await coordinator.get(`${ws()}/structures/${made.body.id}/versions`);
    expect(history.body.items).toHaveLength(2);
    expect(history.body.items.at(-1)?.changed ?? history.body.items[0].changed).toContain('point');
    const listed = (await coordinator.get(`${url}/structures`)).body.items;
    expect(listed.map((s: { number: string; point: unknown }) => [s.number, s.point])).toEqual([
      ['C-1', { lon: 27.8113, lat: -25.7093 }],
      ['C-2', { lon: 27.8114, lat: -25.7094 }],
    ]);
  });

  it('refuses a file with any bad feature, naming each problem where it is, and writes nothing', async () => {
    const before = await structureCount(mapped.id);
    const good = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [27.811, -25.709] },
      properties: { kind: 'structure', number: 'N-1' },
    };
    const file = {
      type: 'FeatureCollection',
      features: [
        good,
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [27.811, -25.709] },
          properties: { kind: 'shack', number: 'N-2' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [27.811, -25.709] },
          properties: { kind: 'structure', number: 'N-3', rooms: 'three' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [27.811, -25.709] },
          properties: { kind: 'section', code: 'Z' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [27.811, -25.709] },
          properties: { kind: 'structure', number: 'N-4', sectionCode: 'Q' },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [200, -25.709] },
          properties: { kind: 'structure', number: 'N-5' },
        },
      ],
    };
    const res = await imported(mapped.id, file);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('settlement.geojson_invalid');
    expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['body.features.5.geometry.coordinates', 'geojson.position_out_of_range'],
      ['body.features.1.properties.kind', 'geojson.kind_unknown'],
      ['body.features.2.properties.rooms', 'invalid_type'],
      ['body.features.3.geometry.type', 'geojson.geometry_kind'],
      ['body.features.4.properties.sectionCode', 'geojson.section_unknown'],
    ]);
    expect(await structureCount(mapped.id)).toBe(before);
  });

  it('says what is wrong with a file that is not a FeatureCollection at all', async () => {
    const res = await imported(mapped.id, { type: 'Topology', objects: {} });
    expect(res.statusCode).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'body.type', code: 'geojson.not_geojson' }),
    ]);
    const twice = await imported(mapped.id, {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: square(27.81, -25.71, 0.004), properties: { kind: 'settlement' } },
        { type: 'Feature', geometry: square(27.81, -25.71, 0.003), properties: { kind: 'settlement' } },
      ],
    });
    expect(twice.body.errors.map((e: { code: string }) => e.code)).toEqual(['geojson.settlement_repeated']);
  });

  it('only mappers import; partners export the map without structures', async () => {
    const { file } = await exported(mapped.id);
    expect((await imported(mapped.id, file, researcher)).statusCode).toBe(403);
    expect((await imported(mapped.id, file, partner)).statusCode).toBe(403);
    const seen = (await exported(mapped.id, partner)).file;
    expect(seen.features.some((f) => f.properties.kind === 'structure')).toBe(false);
    expect(seen.features.filter((f) => f.properties.kind === 'facility')).toHaveLength(2);
  });
});

describe('sections', () => {
  it('a section changes on the version read; a stale change is kept as a conflict', async () => {
    const sections = (await coordinator.get(`${ws()}/settlements/${mapped.id}/sections`)).body.items;
    const b = sections.find((s: { code: string }) => s.code === 'B');
    const renamed = await coordinator.patch(`${ws()}/sections/${b.id}`, {
      baseVersionId: b.versionId,
      name: 'Upper',
    });
    expect(renamed.statusCode, renamed.payload).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Upper', versionCount: 2, hasConflict: false });
    const stale = await coordinator.patch(`${ws()}/sections/${b.id}`, {
      baseVersionId: b.versionId,
      name: 'Hill',
    });
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toMatchObject({ name: 'Upper', hasConflict: true });
    const taken = await coordinator.patch(`${ws()}/sections/${b.id}`, {
      baseVersionId: stale.body.versionId,
      code: 'A',
    });
    expect(taken.statusCode).toBe(409);
    expect(
      (await researcher.patch(`${ws()}/sections/${b.id}`, { baseVersionId: b.versionId, name: 'X' }))
        .statusCode,
    ).toBe(403);
  });
});
