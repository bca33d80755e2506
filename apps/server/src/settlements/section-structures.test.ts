import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../test/agent.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { adminWithWorkspace, type TestWorkspace } from '../test/workspace-world.ts';

// Structures follow their section's outline when it is drawn or redrawn: both database projects
// run this, so PostGIS and the R*Tree give these same answers.
let server: TestServer;
let coordinator: Agent;
let workspace: TestWorkspace;
const ws = () => `/api/workspaces/${workspace.id}`;

/** A box from lon `west` to `east` (degrees), lat -34.00 to -33.99. */
const box = (west: number, east: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [west, -34.0],
      [east, -34.0],
      [east, -33.99],
      [west, -33.99],
      [west, -34.0],
    ],
  ],
});
const at = (lon: number) => ({ lon, lat: -33.995 });

beforeAll(async () => {
  server = await startTestServer();
  const made = await adminWithWorkspace(server.app);
  coordinator = made.admin;
  workspace = made.workspace;
});
afterAll(() => server.close());

describe('structures follow the outline of their section', () => {
  it('a drawn or redrawn section takes the structures inside it; those left take the one they lie in, or none', async () => {
    const settlementId = (await coordinator.post(`${ws()}/settlements`, { name: 'Outlines' })).body.id;
    const number = async (n: string, point: { lon: number; lat: number } | null) => {
      const made = await coordinator.post(`${ws()}/settlements/${settlementId}/structures`, {
        number: n,
        point,
      });
      expect(made.statusCode, made.payload).toBe(201);
      return made.body.id as string;
    };
    const west = await number('W-1', at(18.41));
    const westToo = await number('W-2', at(18.415));
    const middle = await number('M-1', at(18.43));
    const east = await number('E-1', at(18.45));
    const nowhere = await number('X-1', null);
    const section = async (code: string, boundary: unknown) => {
      const made = await coordinator.post(`${ws()}/settlements/${settlementId}/sections`, {
        code,
        name: code,
        boundary,
      });
      expect(made.statusCode, made.payload).toBe(201);
      return made.body as { id: string; versionId: string };
    };
    const sectionsOf = async () => {
      const items = (await coordinator.get(`${ws()}/settlements/${settlementId}/structures`)).body
        .items as Array<{
        id: string;
        sectionId: string | null;
      }>;
      return Object.fromEntries(items.map((s) => [s.id, s.sectionId]));
    };
    // B covers the west and the middle; A, drawn after it inside it, takes the west.
    const b = await section('B', box(18.4, 18.44));
    const a = await section('A', box(18.4, 18.42));
    expect(await sectionsOf()).toEqual({
      [west]: a.id,
      [westToo]: a.id,
      [middle]: b.id,
      [east]: null,
      [nowhere]: null,
    });

    // A is moved east: the east joins it, the west falls back into B.
    const redrawn = await coordinator.patch(`${ws()}/sections/${a.id}`, {
      baseVersionId: a.versionId,
      boundary: box(18.44, 18.46),
    });
    expect(redrawn.statusCode, redrawn.payload).toBe(200);
    expect(await sectionsOf()).toEqual({
      [west]: b.id,
      [westToo]: b.id,
      [middle]: b.id,
      [east]: a.id,
      [nowhere]: null,
    });
    const history = (await coordinator.get(`${ws()}/structures/${west}/versions`)).body.items;
    expect(
      history.map((v: { kind: string; content: { sectionId: string | null } }) => [
        v.kind,
        v.content.sectionId,
      ]),
    ).toEqual([
      ['original', null],
      ['change', b.id],
      ['change', a.id],
      ['change', b.id],
    ]);
    expect(history[3]).toMatchObject({
      reason: 'the outline of section A was redrawn',
      createdByPersonId: expect.any(String),
      changed: ['sectionId'],
    });
    const audit = (await coordinator.get(`${ws()}/audit?entityType=structure&action=structure.update`)).body
      .items;
    expect(audit.filter((e: { entityId: string }) => e.entityId === west)).toHaveLength(3);

    // B's outline removed: what was only in B is in no section now; A keeps its own.
    const fresh = (await coordinator.get(`${ws()}/settlements/${settlementId}/sections`)).body.items.find(
      (s: { id: string }) => s.id === b.id,
    );
    const cleared = await coordinator.patch(`${ws()}/sections/${b.id}`, {
      baseVersionId: fresh.versionId,
      boundary: null,
    });
    expect(cleared.statusCode, cleared.payload).toBe(200);
    expect(await sectionsOf()).toEqual({
      [west]: null,
      [westToo]: null,
      [middle]: null,
      [east]: a.id,
      [nowhere]: null,
    });
  });

  it('a redraw kept aside as a conflict moves nothing', async () => {
    const settlementId = (await coordinator.post(`${ws()}/settlements`, { name: 'Stale' })).body.id;
    const s = (
      await coordinator.post(`${ws()}/settlements/${settlementId}/structures`, {
        number: 'S-1',
        point: at(18.45),
      })
    ).body.id;
    const made = (
      await coordinator.post(`${ws()}/settlements/${settlementId}/sections`, {
        code: 'C',
        name: 'C',
        boundary: box(18.4, 18.42),
      })
    ).body;
    const renamed = await coordinator.patch(`${ws()}/sections/${made.id}`, {
      baseVersionId: made.versionId,
      name: 'Cee',
    });
    expect(renamed.statusCode).toBe(200);
    const stale = await coordinator.patch(`${ws()}/sections/${made.id}`, {
      baseVersionId: made.versionId,
      boundary: box(18.44, 18.46),
    });
    expect(stale.statusCode, stale.payload).toBe(200);
    const [structure] = (await coordinator.get(`${ws()}/settlements/${settlementId}/structures`)).body.items;
    expect(structure).toMatchObject({ id: s, sectionId: null });
  });

  it('property: an L-shaped outline with a hole takes exactly the points a plain ray test puts inside', async () => {
    const settlementId = (await coordinator.post(`${ws()}/settlements`, { name: 'Shapes' })).body.id;
    let seed = 11;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    // Units of 0.001°: vertices on the grid, points anywhere (never on an edge).
    const ring = (points: Array<[number, number]>) =>
      points.map(([x, y]) => [18.4 + x / 1000, -34 + y / 1000]);
    const shape = (outer: Array<[number, number]>, hole: Array<[number, number]>) => ({
      type: 'Polygon' as const,
      coordinates: [ring(outer), ring(hole)],
    });
    const ell = shape(
      [
        [0, 0],
        [6, 0],
        [6, 2],
        [2, 2],
        [2, 6],
        [0, 6],
        [0, 0],
      ],
      [
        [0.5, 0.5],
        [0.5, 1.5],
        [1.5, 1.5],
        [1.5, 0.5],
        [0.5, 0.5],
      ],
    );
    const turned = shape(
      [
        [1, 1],
        [7, 1],
        [7, 7],
        [5, 7],
        [5, 3],
        [1, 3],
        [1, 1],
      ],
      [
        [5.5, 1.5],
        [5.5, 2.5],
        [6.5, 2.5],
        [6.5, 1.5],
        [5.5, 1.5],
      ],
    );
    const inRing = (p: number[], r: number[][]) => {
      let inside = false;
      for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
        const [xi, yi] = r[i]!;
        const [xj, yj] = r[j]!;
        if (yi! > p[1]! !== yj! > p[1]! && p[0]! < ((xj! - xi!) * (p[1]! - yi!)) / (yj! - yi!) + xi!)
          inside = !inside;
      }
      return inside;
    };
    const within = (p: number[], polygon: typeof ell) =>
      inRing(p, polygon.coordinates[0]!) && !inRing(p, polygon.coordinates[1]!);
    const points: Record<string, number[]> = {};
    for (let i = 0; i < 60; i++) {
      const point = { lon: 18.4 + (next() * 7.5) / 1000, lat: -34 + (next() * 7.5) / 1000 };
      const made = await coordinator.post(`${ws()}/settlements/${settlementId}/structures`, {
        number: `P-${i}`,
        point,
      });
      points[made.body.id] = [point.lon, point.lat];
    }
    const filed = async () =>
      Object.fromEntries(
        (
          (await coordinator.get(`${ws()}/settlements/${settlementId}/structures?limit=100`)).body
            .items as Array<{
            id: string;
            sectionId: string | null;
          }>
        ).map((s) => [s.id, s.sectionId]),
      );
    const made = await coordinator.post(`${ws()}/settlements/${settlementId}/sections`, {
      code: 'L',
      name: 'L',
      boundary: ell,
    });
    expect(made.statusCode, made.payload).toBe(201);
    const expected = (polygon: typeof ell) =>
      Object.fromEntries(
        Object.entries(points).map(([id, p]) => [id, within(p, polygon) ? made.body.id : null]),
      );
    const drawn = expected(ell);
    expect(Object.values(drawn).filter(Boolean).length).toBeGreaterThan(5);
    expect(await filed()).toEqual(drawn);
    const redrawn = await coordinator.patch(`${ws()}/sections/${made.body.id}`, {
      baseVersionId: made.body.versionId,
      boundary: turned,
    });
    expect(redrawn.statusCode, redrawn.payload).toBe(200);
    expect(await filed()).toEqual(expected(turned));
  });
});
