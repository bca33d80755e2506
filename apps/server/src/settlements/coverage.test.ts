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

/** What the round's households say of a structure, as coverage.ts counts it. */
function roundStatusOf(structureId: string) {
  const own = sonop.households.filter((h) => h.structureId === structureId);
  if (own.length === 0) return 'numbered';
  if (own.some((h) => h.verificationStatus === 'disputed')) return 'disputed';
  if (own.every((h) => ['confirmed', 'corrected'].includes(h.verificationStatus))) return 'verified';
  return 'enumerated';
}

describe('coverage', () => {
  it('counts structures and the round’s households per section, as the data says', async () => {
    const got = await coordinator.get(`${ws()}/settlements/${sonop.settlement.id}/coverage`);
    expect(got.statusCode, got.payload).toBe(200);
    expect(got.body.round.id).toBe(sonop.rounds[0]!.id);
    for (const section of sonop.sections) {
      const row = got.body.sections.find((s: { sectionId: string }) => s.sectionId === section.id);
      const structures = sonop.structures.filter((s) => s.sectionId === section.id);
      const households = sonop.households.filter((h) => h.sectionId === section.id);
      const inRound = structures.map((s) => roundStatusOf(s.id));
      expect(row).toMatchObject({
        code: section.code,
        structures: structures.length,
        numbered: inRound.filter((s) => s === 'numbered').length,
        enumerated: inRound.filter((s) => s === 'enumerated').length,
        verified: inRound.filter((s) => s === 'verified').length,
        disputed: inRound.filter((s) => s === 'disputed').length,
        households: households.filter((h) => h.outcome === 'enumerated').length,
        refused: households.filter((h) => h.outcome === 'refused').length,
        absent: households.filter((h) => h.outcome === 'absent').length,
        householdsVerified: households.filter((h) =>
          ['confirmed', 'corrected'].includes(h.verificationStatus),
        ).length,
      });
    }
    expect(got.body.total.structures).toBe(sonop.structures.length);
    // The structure columns are this round's, not the structures' status now (which the
    // generator sets on its own, e.g. "verified" with households still unverified).
    const now = sonop.structures.filter((s) => s.status === 'enumerated').length;
    const page = await partner.get(`${ws()}/settlements/${sonop.settlement.id}`);
    expect(page.body.structures.enumerated).toBe(now);
    expect(page.body.sections).toBe(sonop.sections.length);
  });

  it('counts a newer round’s structures by its own households: with none yet, all are numbered only', async () => {
    const made = await coordinator.post(`${ws()}/settlements/${sonop.settlement.id}/rounds`, {
      name: 'Second count',
    });
    expect(made.statusCode, made.payload).toBe(201);
    const newer = await coordinator.get(
      `${ws()}/settlements/${sonop.settlement.id}/coverage?roundId=${made.body.id}`,
    );
    expect(newer.body.total).toMatchObject({
      structures: sonop.structures.length,
      numbered: sonop.structures.length,
      enumerated: 0,
      verified: 0,
      disputed: 0,
      households: 0,
    });
    // The first round keeps its own counts whatever the newer one does.
    const first = await coordinator.get(
      `${ws()}/settlements/${sonop.settlement.id}/coverage?roundId=${sonop.rounds[0]!.id}`,
    );
    const statuses = sonop.structures.map((s) => roundStatusOf(s.id));
    expect(first.body.total.enumerated).toBe(statuses.filter((s) => s === 'enumerated').length);
    expect(first.body.total.enumerated).toBeGreaterThan(0);
    // Set aside, so the tests below read the first round as the settlement's latest again.
    await server.deps.db
      .updateTable('rounds')
      .set({ deleted_at: new Date().toISOString() })
      .where('id', '=', made.body.id)
      .execute();
  });

  it('counts in a closed round only the structures numbered by its last day', async () => {
    const round = sonop.rounds[0]!;
    const sorted = sonop.structures.map((s) => s.numberedAt).sort();
    const middle = sorted[Math.floor(sorted.length / 2)]!.slice(0, 10);
    const before = sonop.structures.filter((s) => s.numberedAt.slice(0, 10) <= middle);
    const rounds = server.deps.db.updateTable('rounds').where('id', '=', round.id);
    await rounds.set({ status: 'closed', end_date: middle }).execute();
    try {
      const got = await coordinator.get(`${ws()}/settlements/${sonop.settlement.id}/coverage`);
      expect(got.body.total.structures).toBe(before.length);
      expect(got.body.total.structures).toBeLessThan(sonop.structures.length);
    } finally {
      await rounds.set({ status: round.status, end_date: round.endDate }).execute();
    }
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
