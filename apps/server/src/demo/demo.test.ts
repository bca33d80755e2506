import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/verify.ts';
import { signIn } from '../test/agent.ts';
import { startTestServer, type TestServer, testPublicUrl } from '../test/server.ts';
import { seedDemo, seedDemoIfEmpty } from './seed.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('demo data', () => {
  it('seeds a workspace with every role and a dozen people, and prints how to sign in', async () => {
    const lines: string[] = [];
    await seedDemoIfEmpty(server.deps, (line) => lines.push(line));
    const printed = lines.join('\n');
    expect(printed).toContain(testPublicUrl);
    const password = /^\s+password\s+(\S+)$/m.exec(printed)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);
    for (const role of ['coordinator', 'staff', 'researcher', 'member', 'partner']) {
      const username = new RegExp(`^\\s+${role}\\s+(\\S+)$`, 'm').exec(printed)?.[1] ?? '';
      const agent = await signIn(server.app, username, password);
      const workspaces = await agent.get('/api/workspaces');
      expect(workspaces.body.items[0]).toMatchObject({ role, timeZone: 'Africa/Johannesburg' });
    }
    const coordinator = await signIn(server.app, 'demo-coordinator', password);
    const [workspace] = (await coordinator.get('/api/workspaces')).body.items;
    const people = await coordinator.get(`/api/workspaces/${workspace.id}/people?limit=100`);
    // A dozen people plus the coordinator's own record.
    expect(people.body.items.length).toBe(13);
    const kinds = new Set(
      people.body.items.flatMap((p: { contactChannels: Array<{ kind: string }> }) =>
        p.contactChannels.map((c) => c.kind),
      ),
    );
    for (const kind of ['post', 'care_of', 'notice_board', 'in_person']) expect(kinds).toContain(kind);
    const languages = new Set(people.body.items.flatMap((p: { languages: string[] }) => p.languages));
    for (const language of ['zu', 'xh', 'hi', 'mr', 'en']) expect(languages).toContain(language);
    const audit = await coordinator.get(
      `/api/workspaces/${workspace.id}/audit?action=person.create&limit=100`,
    );
    expect(audit.body.items.length).toBe(12);
    // Collection is alive: both templates published, work assigned, submissions in every state.
    const forms = await coordinator.get(`/api/workspaces/${workspace.id}/forms`);
    expect(
      forms.body.items
        .map((f: { formId: string; latestVersion: unknown }) => [f.formId, f.latestVersion !== null])
        .sort(),
    ).toEqual([
      ['household_enumeration', true],
      ['settlement_profile', true],
    ]);
    const states = await server.deps.db
      .selectFrom('submissions')
      .select(['state', 'has_conflict'])
      .where('workspace_id', '=', workspace.id)
      .execute();
    expect(states.length).toBe(243);
    for (const state of ['received', 'needs_attention', 'approved', 'rejected']) {
      expect(states.filter((s) => s.state === state).length, state).toBeGreaterThan(0);
    }
    expect(states.filter((s) => s.has_conflict === 1).length).toBe(1);
    // Sonop's round uses the enumeration form, and the stored submissions wrote their structures'
    // households through its entities: none is flagged for its records, none is doubled.
    const enumerationForm = forms.body.items.find(
      (f: { formId: string }) => f.formId === 'household_enumeration',
    );
    const [round] = await server.deps.db
      .selectFrom('rounds')
      .select(['id', 'form_id'])
      .where('workspace_id', '=', workspace.id)
      .execute();
    expect(round?.form_id).toBe(enumerationForm.id);
    const flagged = await server.deps.db
      .selectFrom('submissions')
      .select('issues')
      .where('workspace_id', '=', workspace.id)
      .execute();
    expect(flagged.filter((s) => String(s.issues).includes('"code":"record"'))).toEqual([]);
    const households = await server.deps.db
      .selectFrom('households')
      .select(['structure_id', 'submission_id', 'outcome', 'round_id'])
      .where('workspace_id', '=', workspace.id)
      .execute();
    const fromForms = households.filter((h) => h.submission_id !== null);
    const stored = states.filter((s) => s.state !== 'needs_attention').length;
    expect(fromForms.length).toBeGreaterThan(stored);
    expect(households.every((h) => h.round_id === round?.id)).toBe(true);
    const perStructure = new Map<string, Set<boolean>>();
    for (const h of households) {
      const sources = perStructure.get(h.structure_id) ?? new Set();
      sources.add(h.submission_id !== null);
      perStructure.set(h.structure_id, sources);
    }
    // A structure's households come from the generator or from one submission, never both.
    expect([...perStructure.values()].every((sources) => sources.size === 1)).toBe(true);
    const bySubmission = new Map<string, number>();
    for (const h of fromForms)
      bySubmission.set(h.submission_id!, (bySubmission.get(h.submission_id!) ?? 0) + 1);
    expect(Math.max(...bySubmission.values())).toBeLessThanOrEqual(3);
    // Nearly every stored enumeration made households (a shop or church has none).
    expect(bySubmission.size).toBeGreaterThan(stored * 0.85);
    const members = await server.deps.db
      .selectFrom('household_members')
      .innerJoin('households', (j) =>
        j
          .onRef('households.workspace_id', '=', 'household_members.workspace_id')
          .onRef('households.id', '=', 'household_members.household_id'),
      )
      .select('household_members.id')
      .where('households.workspace_id', '=', workspace.id)
      .where('households.submission_id', 'is not', null)
      .execute();
    expect(members.length).toBeGreaterThan(fromForms.length);
    expect(printed).toMatch(
      /Settlements: 1, with \d+ structures, \d+ households and \d+ household members\./,
    );
    const assignments = await coordinator.get(`/api/workspaces/${workspace.id}/assignments`);
    expect(assignments.body.items.length).toBe(2);
    const phones = await coordinator.get(`/api/workspaces/${workspace.id}/device-access`);
    expect(phones.body.items.map((p: { name: string }) => p.name)).toEqual(['Shared phone, section B']);
    expect((await verifyAuditLog(server.deps.db, server.deps.auditKeys)).broken).toBeNull();
  });

  it('does nothing on a server that already has accounts; seedDemo adds another demo', async () => {
    const lines: string[] = [];
    await seedDemoIfEmpty(server.deps, (line) => lines.push(line));
    expect(lines).toEqual([]);
    const again = await seedDemo(server.deps, () => {});
    expect(again.accounts[0]?.username).toBe('demo-coordinator-2');
  });
});
