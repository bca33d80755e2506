// Fixtures for the households tests: a workspace with a coordinator, a researcher, a member and a
// partner, a settlement with two sections and numbered structures, and a round moved to
// enumerating — all through the HTTP API, so every row has its versions and audit entries.
import { expect } from 'vitest';
import type { Agent } from './agent.ts';
import { startTestServer, type TestServer } from './server.ts';
import { adminWithWorkspace, createWorkspace, joinAs, type TestWorkspace } from './workspace-world.ts';

export interface HouseholdWorld {
  server: TestServer;
  workspace: TestWorkspace;
  foreign: TestWorkspace;
  as: {
    coordinator: Agent;
    staff: Agent;
    researcher: Agent & { personId: string };
    member: Agent;
    partner: Agent;
  };
  ws: (tail?: string) => string;
  settlementId: string;
  sections: { a: string; b: string };
  structures: { a1: string; a2: string; b1: string };
  roundId: string;
}

const ok = <T extends { statusCode: number; payload: string; body: unknown }>(r: T, status = 200) => {
  expect(r.statusCode, r.payload).toBe(status);
  return r.body as Record<string, unknown> & { id: string; versionId: string };
};

export async function householdWorld(): Promise<HouseholdWorld> {
  const server = await startTestServer();
  const { admin, workspace } = await adminWithWorkspace(server.app);
  const foreign = await createWorkspace(admin, 'Other federation');
  const as = {
    coordinator: admin,
    staff: await joinAs(server.app, workspace, 'staff'),
    researcher: await joinAs(server.app, workspace, 'researcher'),
    member: await joinAs(server.app, workspace, 'member'),
    partner: await joinAs(server.app, workspace, 'partner'),
  };
  const ws = (tail = '') => `/api/workspaces/${workspace.id}${tail}`;
  const settlement = ok(await admin.post(ws('/settlements'), { name: 'Sonop', numberPrefix: 'B-' }), 201);
  const at = (tail: string) => ws(`/settlements/${settlement.id}${tail}`);
  const a = ok(await admin.post(at('/sections'), { code: 'A' }), 201).id;
  const b = ok(await admin.post(at('/sections'), { code: 'B' }), 201).id;
  const structure = async (number: string, sectionId: string) =>
    ok(await admin.post(at('/structures'), { number, sectionId }), 201).id;
  const structures = {
    a1: await structure('B-0001', a),
    a2: await structure('B-0002', a),
    b1: await structure('B-0003', b),
  };
  const world: HouseholdWorld = {
    server,
    workspace,
    foreign,
    as,
    ws,
    settlementId: settlement.id,
    sections: { a, b },
    structures,
    roundId: '',
  };
  world.roundId = await roundAt(world, 'enumerating');
  return world;
}

const order = ['planning', 'numbering', 'enumerating', 'verifying', 'published', 'closed'];

/** A new round of the world's settlement, moved step by step to `status`. */
export async function roundAt(world: HouseholdWorld, status: string, name = `Round ${Date.now()}`) {
  const coordinator = world.as.coordinator;
  let round = ok(
    await coordinator.post(world.ws(`/settlements/${world.settlementId}/rounds`), {
      name,
      startDate: '2026-11-02',
    }),
    201,
  );
  for (const next of order.slice(1, order.indexOf(status) + 1))
    round = ok(
      await coordinator.post(world.ws(`/rounds/${round.id}/status`), {
        baseVersionId: round.versionId,
        status: next,
      }),
    );
  return round.id;
}

export const allPurposes = {
  community_planning: true,
  municipality_aggregates: true,
  housing_list: true,
  photos: true,
  recontact: true,
};

/** A consent as an enumerator records it: signed by the household itself. */
export const consent = (purposes: Partial<typeof allPurposes> = allPurposes) => ({
  noticeVersion: 'notice-2026-1',
  language: 'zu',
  method: 'signed',
  givenBy: 'self',
  purposes: { ...Object.fromEntries(Object.keys(allPurposes).map((k) => [k, false])), ...purposes },
});

/** Three members: the head, a spouse, a child; ages are numbers, dates are dates. */
export const threeMembers = () => [
  { relationship: 'head', sex: 'female', age: 41, birthDate: '1985-03-14', employment: 'informal' },
  { relationship: 'spouse', sex: 'male', age: 44, birthDate: null, disability: true },
  { relationship: 'child', sex: 'female', age: 9, birthDate: '2017-06-01', schoolEnrolled: true },
];

export async function enumerate(
  world: HouseholdWorld,
  structureId: string,
  over: Record<string, unknown> = {},
) {
  const made = await world.as.researcher.post(world.ws(`/rounds/${world.roundId}/households`), {
    structureId,
    outcome: 'enumerated',
    sizeStated: 3,
    yearsInSettlement: 6,
    tenure: 'owner_occupier',
    headSex: 'female',
    members: threeMembers(),
    consent: consent(),
    ...over,
  });
  expect(made.statusCode, made.payload).toBe(201);
  return made.body;
}
