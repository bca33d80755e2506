import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../test/agent.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { adminWithWorkspace, type TestWorkspace } from '../test/workspace-world.ts';

// Nearest working tap or toilet per structure, checked against a brute force over every pair with
// the haversine formula written here; both database projects run this, so both give these answers.
let server: TestServer;
let coordinator: Agent;
let workspace: TestWorkspace;
const ws = () => `/api/workspaces/${workspace.id}`;

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const haversine = (a: [number, number], b: [number, number]) => {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
};

beforeAll(async () => {
  server = await startTestServer();
  const made = await adminWithWorkspace(server.app);
  coordinator = made.admin;
  workspace = made.workspace;
});
afterAll(() => server.close());

describe('nearest facilities', () => {
  it('finds, for every structure, the nearest working tap as a brute force does', async () => {
    const next = random(7);
    // 1.2 km × 1.2 km, so that some structures are farther from a tap than the first search radius.
    const place = await coordinator.post(`${ws()}/settlements`, { name: 'Spread' });
    const id = place.body.id as string;
    const at = () => ({ lon: 18.5 + next() * 0.013, lat: -34.0 + next() * 0.011 });
    const structures: Array<{ id: string; point: { lon: number; lat: number } }> = [];
    for (let i = 0; i < 60; i++) {
      const point = at();
      const made = await coordinator.post(`${ws()}/settlements/${id}/structures`, {
        number: `S-${i}`,
        point,
      });
      structures.push({ id: made.body.id, point });
    }
    await coordinator.post(`${ws()}/settlements/${id}/structures`, { number: 'no-point' });
    const taps: Array<{ id: string; point: { lon: number; lat: number }; working: boolean }> = [];
    for (let i = 0; i < 6; i++) {
      const point = at();
      const type = i % 2 ? 'tap' : 'standpipe';
      const made = await coordinator.post(`${ws()}/settlements/${id}/facilities`, { type, point });
      const working = i !== 1;
      if (!working)
        await coordinator.post(`${ws()}/facilities/${made.body.id}/observations`, {
          observedAt: '2026-12-01T08:00:00Z',
          functional: false,
        });
      taps.push({ id: made.body.id, point, working });
    }
    // A toilet is not a tap.
    await coordinator.post(`${ws()}/settlements/${id}/facilities`, {
      type: 'toilet',
      point: structures[0]!.point,
    });

    const answer = await coordinator.get(`${ws()}/settlements/${id}/nearest?type=tap`);
    expect(answer.statusCode, answer.payload).toBe(200);
    const byStructure = new Map(answer.body.items.map((n: { structureId: string }) => [n.structureId, n]));
    expect(byStructure.size).toBe(61);
    for (const structure of structures) {
      const pos: [number, number] = [structure.point.lon, structure.point.lat];
      const distances = taps
        .filter((t) => t.working)
        .map((t) => ({ id: t.id, metres: haversine(pos, [t.point.lon, t.point.lat]) }))
        .sort((a, b) => a.metres - b.metres);
      const got = byStructure.get(structure.id) as { facilityId: string; metres: number };
      expect(got.facilityId).toBe(distances[0]!.id);
      expect(got.metres).toBeCloseTo(distances[0]!.metres, 1);
    }
    const far = Math.max(...structures.map((s) => (byStructure.get(s.id) as { metres: number }).metres));
    expect(far).toBeGreaterThan(150);
    const unplaced = answer.body.items.find((n: { facilityId: string | null }) => n.facilityId === null);
    expect(unplaced).toMatchObject({ metres: null });

    const toilets = await coordinator.get(`${ws()}/settlements/${id}/nearest?type=toilet`);
    const first = toilets.body.items.find(
      (n: { structureId: string }) => n.structureId === structures[0]!.id,
    );
    expect(first.metres).toBeLessThan(0.01);
  });
});
