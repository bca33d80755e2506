import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sonopDemo } from '../demo/city/generate.ts';
import type { CitySettlementBundle } from '../demo/city/types.ts';
import { writeCity } from '../demo/city/write.ts';
import type { Agent } from '../test/agent.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { adminWithWorkspace, joinAs, type TestWorkspace } from '../test/workspace-world.ts';

// Coverage of a generated settlement (the demo's Sonop) against counts made here from the same bundle.
let server: TestServer;
let coordinator: Agent;
let partner: Agent;
let workspace: TestWorkspace;
let sonop: CitySettlementBundle;
const ws = () => `/api/workspaces/${workspace.id}`;

beforeAll(async () => {
  server = await startTestServer();
  const made = await adminWithWorkspace(server.app);
  coordinator = made.admin;
  workspace = made.workspace;
  partner = await joinAs(server.app, workspace, 'partner');
  sonop = sonopDemo(11);
  await writeCity(server.deps, { workspaceId: workspace.id, accountId: null, personId: null }, [sonop]);
});
afterAll(() => server.close());

describe('coverage', () => {
  it('counts structures and the round’s households per section, as the data says', async () => {
    const got = await coordinator.get(`${ws()}/settlements/${sonop.settlement.id}/coverage`);
    expect(got.statusCode, got.payload).toBe(200);
    expect(got.body.round.id).toBe(sonop.rounds[0]!.id);
    for (const section of sonop.sections) {
      const row = got.body.sections.find((s: { sectionId: string }) => s.sectionId === section.id);
      const structures = sonop.structures.filter((s) => s.sectionId === section.id);
      const households = sonop.households.filter((h) => h.sectionId === section.id);
      expect(row).toMatchObject({
        code: section.code,
        structures: structures.length,
        enumerated: structures.filter((s) => s.status === 'enumerated').length,
        verified: structures.filter((s) => s.status === 'verified').length,
        households: households.filter((h) => h.outcome === 'enumerated').length,
        refused: households.filter((h) => h.outcome === 'refused').length,
        absent: households.filter((h) => h.outcome === 'absent').length,
        householdsVerified: households.filter((h) =>
          ['confirmed', 'corrected'].includes(h.verificationStatus),
        ).length,
      });
    }
    expect(got.body.total.structures).toBe(sonop.structures.length);
    const page = await partner.get(`${ws()}/settlements/${sonop.settlement.id}`);
    expect(page.body.structures.enumerated).toBe(got.body.total.enumerated);
    expect(page.body.sections).toBe(sonop.sections.length);
  });

  it('counts for a partner only the households that agreed to share aggregates with the municipality', async () => {
    const got = await partner.get(`${ws()}/settlements/${sonop.settlement.id}/coverage`);
    expect(got.statusCode, got.payload).toBe(200);
    const sharing = new Set(
      sonop.consents.filter((c) => c.municipalityAggregates && !c.withdrawnAt).map((c) => c.householdId),
    );
    const shared = sonop.households.filter((h) => sharing.has(h.id));
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.length).toBeLessThan(sonop.households.filter((h) => h.outcome === 'enumerated').length);
    expect(got.body.total).toMatchObject({
      structures: sonop.structures.length,
      households: shared.length,
      refused: 0,
      absent: 0,
    });
  });

  it('answers 404 for a round of nothing here, and audits the generated settlement once', async () => {
    const missing = await coordinator.get(
      `${ws()}/settlements/${sonop.settlement.id}/coverage?roundId=0190a000-0000-7000-8000-00000000abcd`,
    );
    expect(missing.statusCode).toBe(404);
    const audit = await coordinator.get(`${ws()}/audit?action=settlement.demo`);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].subject.name).toBe(sonop.settlement.name);
  });
});
