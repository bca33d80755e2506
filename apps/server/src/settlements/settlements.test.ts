import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../test/agent.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { adminWithWorkspace, createWorkspace, joinAs, type TestWorkspace } from '../test/workspace-world.ts';

let server: TestServer;
let coordinator: Agent;
let researcher: Agent;
let partner: Agent;
let workspace: TestWorkspace;
let foreign: TestWorkspace;
const ws = () => `/api/workspaces/${workspace.id}`;

// A 200 m × 200 m square near Cape Town (lon 18.5, lat -34.0), counterclockwise.
const square = (lon: number, lat: number, side = 0.002) => ({
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

async function settlement(name: string, boundary: unknown = square(18.5, -34.0)) {
  const made = await coordinator.post(`${ws()}/settlements`, { name, boundary, numberPrefix: 'B-' });
  expect(made.statusCode, made.payload).toBe(201);
  return made.body as { id: string; versionId: string };
}

beforeAll(async () => {
  server = await startTestServer();
  const made = await adminWithWorkspace(server.app);
  coordinator = made.admin;
  workspace = made.workspace;
  foreign = await createWorkspace(coordinator, 'Other federation');
  researcher = await joinAs(server.app, workspace, 'researcher');
  partner = await joinAs(server.app, workspace, 'partner');
});
afterAll(() => server.close());

describe('settlements', () => {
  it('keeps a boundary with its area and box, and counts structures by status', async () => {
    const made = await settlement('Sonop');
    const got = await partner.get(`${ws()}/settlements/${made.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.body.name).toBe('Sonop');
    // 0.002° × 0.002° at 34° S: ≈ 184.6 m × 222.4 m ≈ 4.1 ha.
    expect(got.body.areaHa).toBeGreaterThan(4.0);
    expect(got.body.areaHa).toBeLessThan(4.2);
    expect(got.body.structures).toEqual({ numbered: 0, enumerated: 0, verified: 0, disputed: 0 });
    const list = await partner.get(`${ws()}/settlements`);
    expect(list.body.items.map((s: { name: string }) => s.name)).toContain('Sonop');
    expect((await coordinator.get(`/api/workspaces/${foreign.id}/settlements/${made.id}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses a boundary that crosses itself, saying where, and writes nothing', async () => {
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [18.5, -34.0],
          [18.502, -33.998],
          [18.502, -34.0],
          [18.5, -33.998],
          [18.5, -34.0],
        ],
      ],
    };
    const before = (await coordinator.get(`${ws()}/settlements`)).body.items.length;
    const refused = await coordinator.post(`${ws()}/settlements`, { name: 'Bowtie', boundary: bowtie });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.code).toBe('settlement.boundary_invalid');
    expect(refused.body.errors[0].path).toMatch(/^body\.boundary/);
    expect(refused.body.errors[0].code).toBe('geojson.self_intersection');
    expect((await coordinator.get(`${ws()}/settlements`)).body.items.length).toBe(before);
  });

  it('only those who map may add settlements; partners never see structures', async () => {
    expect((await researcher.post(`${ws()}/settlements`, { name: 'X' })).statusCode).toBe(403);
    const made = await settlement('Partner test');
    expect((await partner.get(`${ws()}/settlements/${made.id}/structures`)).statusCode).toBe(403);
    expect((await partner.get(`${ws()}/settlements/${made.id}/nearest?type=tap`)).statusCode).toBe(403);
  });
});

describe('numbering structures', () => {
  it('keeps and flags a duplicate number from two phones, and clears it when one is renumbered', async () => {
    const place = await settlement('Duplicates');
    const url = `${ws()}/settlements/${place.id}/structures`;
    const a = await researcher.post(url, { number: 'B-0142', point: { lon: 18.5005, lat: -33.9995 } });
    const b = await coordinator.post(url, { number: 'B-0142', point: { lon: 18.5012, lat: -33.9991 } });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.body.duplicateNumber).toBe(true);
    const listed = (await coordinator.get(url)).body.items;
    expect(listed.map((s: { duplicateNumber: boolean }) => s.duplicateNumber)).toEqual([true, true]);
    const renumbered = await coordinator.patch(`${ws()}/structures/${b.body.id}`, {
      baseVersionId: b.body.versionId,
      number: 'B-0143',
    });
    expect(renumbered.statusCode, renumbered.payload).toBe(200);
    expect(renumbered.body.duplicateNumber).toBe(false);
    const after = (await coordinator.get(url)).body.items;
    expect(
      after.map((s: { number: string; duplicateNumber: boolean }) => [s.number, s.duplicateNumber]),
    ).toEqual([
      ['B-0142', false],
      ['B-0143', false],
    ]);
  });

  it('keeps a point outside the boundary and flags it; a retry with the same id changes nothing', async () => {
    const place = await settlement('Outside');
    const url = `${ws()}/settlements/${place.id}/structures`;
    const id = '0190a000-0000-7000-8000-000000000001';
    const body = { id, number: 'B-0001', point: { lon: 18.51, lat: -34.01 } };
    const made = await researcher.post(url, body);
    expect(made.statusCode).toBe(201);
    expect(made.body.outsideBoundary).toBe(true);
    const again = await researcher.post(url, body);
    expect(again.statusCode).toBe(201);
    expect(again.body.versionId).toBe(made.body.versionId);
    const reused = await researcher.post(url, { ...body, number: 'B-0002' });
    expect(reused.statusCode).toBe(409);
    expect(reused.body.code).toBe('conflict.id_reused');
    expect((await coordinator.get(url)).body.items).toHaveLength(1);
  });

  it('keeps both offline changes from one version: the second is a conflict until resolved', async () => {
    const place = await settlement('Conflicts');
    const made = await researcher.post(`${ws()}/settlements/${place.id}/structures`, {
      number: 'B-0010',
      rooms: 2,
      point: { lon: 18.5005, lat: -33.9995 },
    });
    const url = `${ws()}/structures/${made.body.id}`;
    const base = made.body.versionId;
    const one = await researcher.patch(url, { baseVersionId: base, rooms: 3 });
    expect(one.body).toMatchObject({ rooms: 3, hasConflict: false, versionCount: 2 });
    const two = await coordinator.patch(url, { baseVersionId: base, rooms: 4, wallMaterial: 'zinc' });
    expect(two.statusCode).toBe(200);
    expect(two.body).toMatchObject({ rooms: 3, wallMaterial: null, hasConflict: true, versionCount: 3 });
    const history = await coordinator.get(`${url}/versions`);
    expect(history.body.items.map((v: { kind: string }) => v.kind)).toEqual([
      'original',
      'change',
      'conflict',
    ]);
    const conflict = history.body.items[2];
    expect(conflict.baseVersionId).toBe(base);
    expect(conflict.changed).toEqual(['rooms', 'wallMaterial']);
    expect(conflict.content).toMatchObject({ rooms: 4, wallMaterial: 'zinc' });
    expect(history.body.current).toBe(one.body.versionId);

    expect(
      (await researcher.post(`${url}/resolution`, { baseVersionId: one.body.versionId, reason: 'x' }))
        .statusCode,
    ).toBe(403);
    const stale = await coordinator.post(`${url}/resolution`, { baseVersionId: base, reason: 'checked' });
    expect(stale.statusCode).toBe(409);
    const resolved = await coordinator.post(`${url}/resolution`, {
      baseVersionId: one.body.versionId,
      rooms: 4,
      wallMaterial: 'zinc',
      reason: 'Visited: four rooms, zinc walls',
    });
    expect(resolved.statusCode, resolved.payload).toBe(200);
    expect(resolved.body).toMatchObject({
      rooms: 4,
      wallMaterial: 'zinc',
      hasConflict: false,
      versionCount: 4,
    });
    const last = (await coordinator.get(`${url}/versions`)).body.items.at(-1);
    expect(last).toMatchObject({ kind: 'resolution', reason: 'Visited: four rooms, zinc walls' });
  });

  it('turns concurrent changes of one version into one change and one conflict, never a lost update', async () => {
    const place = await settlement('Concurrent');
    const made = await coordinator.post(`${ws()}/settlements/${place.id}/structures`, { number: 'B-0020' });
    const url = `${ws()}/structures/${made.body.id}`;
    const base = made.body.versionId;
    const results = await Promise.all(
      [1, 2, 3, 4].map((rooms) => coordinator.patch(url, { baseVersionId: base, rooms })),
    );
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
    const history = (await coordinator.get(`${url}/versions`)).body.items;
    expect(history.map((v: { kind: string }) => v.kind).sort()).toEqual([
      'change',
      'conflict',
      'conflict',
      'conflict',
      'original',
    ]);
    const current = (await coordinator.get(`${ws()}/settlements/${place.id}/structures`)).body.items[0];
    const applied = history.find((v: { kind: string }) => v.kind === 'change');
    expect(current.rooms).toBe(applied.content.rooms);
    expect(current.hasConflict).toBe(true);
  });

  it('refuses a section of another settlement, with where', async () => {
    const one = await settlement('One');
    const two = await settlement('Two');
    const section = await coordinator.post(`${ws()}/settlements/${two.id}/sections`, { code: 'A' });
    expect(section.statusCode).toBe(201);
    const refused = await coordinator.post(`${ws()}/settlements/${one.id}/structures`, {
      number: 'A-0001',
      sectionId: section.body.id,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body.errors[0].path).toBe('body.sectionId');
  });
});

describe('facilities', () => {
  it('takes the newest observation as the state, even when an older one arrives later', async () => {
    const place = await settlement('Taps');
    const tap = await coordinator.post(`${ws()}/settlements/${place.id}/facilities`, {
      type: 'tap',
      point: { lon: 18.501, lat: -33.999 },
    });
    expect(tap.statusCode).toBe(201);
    const url = `${ws()}/facilities/${tap.body.id}/observations`;
    const newer = await researcher.post(url, { observedAt: '2026-11-20T10:00:00+02:00', functional: false });
    expect(newer.body.functional).toBe(false);
    const older = await researcher.post(url, { observedAt: '2026-11-19T10:00:00Z', functional: true });
    expect(older.body).toMatchObject({ functional: false, observedAt: '2026-11-20T08:00:00.000Z' });
    const wrong = await coordinator.post(`${ws()}/settlements/${place.id}/facilities`, {
      type: 'tap',
      toiletType: 'flush',
      point: { lon: 18.501, lat: -33.999 },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body.errors[0].path).toBe('body.toiletType');
  });
});
