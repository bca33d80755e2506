import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  consent,
  enumerate,
  type HouseholdWorld,
  householdWorld,
  roundAt,
  threeMembers,
} from '../test/household-world.ts';

// Enumerating households (issue #8): a household, its members and consent in one write; bad
// input answered with located problems and nothing written; coverage of what was enumerated.
let world: HouseholdWorld;

beforeAll(async () => {
  world = await householdWorld();
});
afterAll(() => world.server.close());

const householdsOf = async (roundId = world.roundId) =>
  (await world.as.coordinator.get(world.ws(`/rounds/${roundId}/households?limit=500`))).body.items as Array<{
    id: string;
  }>;
const auditCount = async (action: string) =>
  (await world.as.coordinator.get(world.ws(`/audit?action=${action}&limit=500`))).body.items.length as number;

describe('enumerating a household', () => {
  it('writes the household, three typed members and the consent, each versioned and audited', async () => {
    const before = {
      households: await auditCount('household.create'),
      members: await auditCount('household_member.create'),
    };
    const made = await enumerate(world, world.structures.a1);
    expect(made).toMatchObject({
      roundId: world.roundId,
      settlementId: world.settlementId,
      structureId: world.structures.a1,
      sectionId: world.sections.a,
      outcome: 'enumerated',
      sizeStated: 3,
      verificationStatus: 'unverified',
      versionCount: 1,
      hasConflict: false,
    });
    expect(made.pseudoId).toMatch(/^H-[0-9A-Z]{8}$/);
    expect(made.members.map((m: { age: number }) => m.age)).toEqual([41, 44, 9]);
    expect(made.members[0]).toMatchObject({
      position: 1,
      birthDate: '1985-03-14',
      sex: 'female',
      employment: 'informal',
    });
    expect(made.members[1]).toMatchObject({ position: 2, birthDate: null, disability: true });
    expect(made.members[2]).toMatchObject({ position: 3, schoolEnrolled: true, disability: null });
    expect(typeof made.members[0].age).toBe('number');
    expect(made.consent).toMatchObject({ method: 'signed', givenBy: 'self', withdrawnAt: null });
    expect(made.consent.purposes).toEqual({
      community_planning: true,
      municipality_aggregates: true,
      housing_list: true,
      photos: true,
      recontact: true,
    });

    const got = await world.as.researcher.get(world.ws(`/households/${made.id}`));
    expect(got.statusCode).toBe(200);
    expect(got.body.members).toHaveLength(3);
    expect(JSON.stringify(got.body)).not.toMatch(/name/i);
    expect(await auditCount('household.create')).toBe(before.households + 1);
    expect(await auditCount('household_member.create')).toBe(before.members + 3);
    expect(await auditCount('consent.give')).toBeGreaterThanOrEqual(1);
    const history = await world.as.coordinator.get(world.ws(`/households/${made.id}/versions`));
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0].content).toMatchObject({
      structureId: world.structures.a1,
      outcome: 'enumerated',
    });

    // The structure is enumerated now.
    const structures = await world.as.coordinator.get(
      world.ws(`/settlements/${world.settlementId}/structures?sectionId=${world.sections.a}`),
    );
    const a1 = structures.body.items.find((s: { id: string }) => s.id === world.structures.a1);
    expect(a1.status).toBe('enumerated');
  });

  it('keeps a refusal without members or consent, and an offline retry does not make two', async () => {
    const id = '0190a000-0000-7000-8000-0000000000e1';
    const body = { id, structureId: world.structures.a2, outcome: 'refused' };
    const url = world.ws(`/rounds/${world.roundId}/households`);
    const first = await world.as.researcher.post(url, body);
    expect(first.statusCode, first.payload).toBe(201);
    expect(first.body).toMatchObject({ outcome: 'refused', members: [], consent: null });
    const again = await world.as.researcher.post(url, body);
    expect(again.statusCode).toBe(201);
    expect(again.body.versionId).toBe(first.body.versionId);
    expect((await householdsOf()).filter((h) => h.id === id)).toHaveLength(1);
    // It cannot turn enumerated without members and consent: the team enumerates it anew.
    const turned = await world.as.researcher.patch(world.ws(`/households/${id}`), {
      baseVersionId: first.body.versionId,
      outcome: 'enumerated',
    });
    expect(turned.statusCode).toBe(400);
    expect(turned.body.errors[0].path).toBe('body.outcome');
  });

  it('names households by their code in the audit log, and members and consents by their household', async () => {
    const made = await enumerate(world, world.structures.b1);
    const entries = (await world.as.coordinator.get(world.ws('/audit?limit=50'))).body.items as Array<{
      entityId: string;
      entityType: string;
      subject: { name: string | null };
    }>;
    const about = (type: string, id: string) =>
      entries.find((e) => e.entityType === type && e.entityId === id);
    expect(about('household', made.id)?.subject.name).toBe(made.pseudoId);
    expect(about('household_member', made.members[0].id)?.subject.name).toBe(made.pseudoId);
    expect(about('consent', made.consent.id)?.subject.name).toBe(made.pseudoId);
  });
});

describe('bad input', () => {
  const post = (body: Record<string, unknown>, roundId = world.roundId) =>
    world.as.researcher.post(world.ws(`/rounds/${roundId}/households`), {
      structureId: world.structures.b1,
      outcome: 'enumerated',
      members: threeMembers(),
      consent: consent(),
      ...body,
    });

  it('refuses an age in words, a birth date that is no date, and a birth date in the future', async () => {
    const count = (await householdsOf()).length;
    const members = threeMembers();
    const words = await post({ members: [members[0], { ...members[1], age: 'twelve' }] });
    expect(words.statusCode).toBe(400);
    expect(words.headers['content-type']).toContain('application/problem+json');
    expect(words.body.errors.map((e: { path: string }) => e.path)).toContain('body.members.1.age');
    const date = await post({ members: [{ ...members[0], birthDate: '14/03/1985' }] });
    expect(date.statusCode).toBe(400);
    expect(date.body.errors[0].path).toBe('body.members.0.birthDate');
    const old = await post({ members: [{ ...members[0], age: 131, birthDate: null }] });
    expect(old.body.errors[0].path).toBe('body.members.0.age');
    const future = await post({ members: [{ ...members[0], age: 0, birthDate: '2099-01-01' }] });
    expect(future.statusCode).toBe(400);
    expect(future.body.errors[0].path).toBe('body.members.0.birthDate');
    const disagree = await post({ members: [{ ...members[0], age: 20 }] });
    expect(disagree.statusCode).toBe(400);
    expect(disagree.body.errors[0].path).toBe('body.members.0.age');
    expect((await householdsOf()).length).toBe(count);
  });

  it('refuses a structure of another settlement or none, and a missing consent, writing nothing', async () => {
    const count = (await householdsOf()).length;
    const versions = await world.server.deps.db.selectFrom('record_versions').select('id').execute();
    const other = await world.as.coordinator.post(world.ws('/settlements'), { name: 'Elsewhere' });
    const far = await world.as.coordinator.post(world.ws(`/settlements/${other.body.id}/structures`), {
      number: 'E-1',
    });
    for (const structureId of [far.body.id, '0190a000-0000-7000-8000-00000000dead']) {
      const refused = await post({ structureId });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toMatchObject({ code: 'request.invalid', errors: [{ path: 'body.structureId' }] });
    }
    const noConsent = await post({ consent: null });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.body.errors[0].path).toBe('body.consent');
    const witness = await post({ consent: { ...consent(), method: 'verbal_witnessed' } });
    expect(witness.statusCode).toBe(400);
    expect(witness.body.errors[0].path).toBe('body.consent.witness');
    expect((await householdsOf()).length).toBe(count);
    const after = await world.server.deps.db.selectFrom('record_versions').select('id').execute();
    // Only the other settlement and its structure were written.
    expect(after.length).toBe(versions.length + 2);
  });

  it('answers 404 for another workspace’s round or household, and 409 when the round is not enumerating', async () => {
    const foreign = `/api/workspaces/${world.foreign.id}`;
    const there = await world.as.coordinator.post(`${foreign}/rounds/${world.roundId}/households`, {
      structureId: world.structures.b1,
      outcome: 'refused',
    });
    expect(there.statusCode).toBe(404);
    const made = await enumerate(world, world.structures.b1);
    expect((await world.as.coordinator.get(`${foreign}/households/${made.id}`)).statusCode).toBe(404);
    expect((await world.as.coordinator.get(`${foreign}/rounds/${world.roundId}`)).statusCode).toBe(404);

    for (const status of ['planning', 'numbering', 'published']) {
      const roundId = await roundAt(world, status);
      const refused = await post({}, roundId);
      expect(refused.statusCode, status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'round.not_enumerating',
        errors: [{ path: 'params.roundId' }],
      });
      expect(await householdsOf(roundId)).toHaveLength(0);
    }
    const verifying = await roundAt(world, 'verifying');
    expect((await post({}, verifying)).statusCode).toBe(201);
  });

  it('refuses household rows to members and partners', async () => {
    const made = await enumerate(world, world.structures.b1);
    for (const agent of [world.as.member, world.as.partner]) {
      expect((await agent.get(world.ws(`/rounds/${world.roundId}/households`))).statusCode).toBe(403);
      expect((await agent.get(world.ws(`/households/${made.id}`))).statusCode).toBe(403);
      const post = await agent.post(world.ws(`/rounds/${world.roundId}/households`), {
        structureId: world.structures.b1,
        outcome: 'absent',
      });
      expect(post.statusCode).toBe(403);
    }
  });
});

describe('coverage', () => {
  it('counts the households enumerated here, refusals and vacancies by section', async () => {
    const roundId = await roundAt(world, 'enumerating', 'Coverage round');
    const url = world.ws(`/rounds/${roundId}/households`);
    const send = (structureId: string, outcome: string, extra = {}) =>
      world.as.researcher.post(url, { structureId, outcome, ...extra });
    const full = { members: threeMembers(), consent: consent() };
    expect((await send(world.structures.a1, 'enumerated', full)).statusCode).toBe(201);
    expect((await send(world.structures.a1, 'enumerated', full)).statusCode).toBe(201);
    expect((await send(world.structures.a2, 'refused')).statusCode).toBe(201);
    expect((await send(world.structures.b1, 'vacant')).statusCode).toBe(201);
    const coverageUrl = world.ws(`/settlements/${world.settlementId}/coverage?roundId=${roundId}`);
    const coverage = await world.as.coordinator.get(coverageUrl);
    expect(coverage.statusCode, coverage.payload).toBe(200);
    const section = (id: string) =>
      coverage.body.sections.find((s: { sectionId: string }) => s.sectionId === id);
    expect(section(world.sections.a)).toMatchObject({ households: 2, refused: 1, absent: 0, vacant: 0 });
    expect(section(world.sections.b)).toMatchObject({ households: 0, vacant: 1 });
    expect(coverage.body.total).toMatchObject({ households: 2, refused: 1, vacant: 1 });
    // A structure counts as enumerated in the round once it has a household of it, whatever came
    // of the visit; the rest are numbered only.
    const { total } = coverage.body;
    expect(total).toMatchObject({ enumerated: 3, verified: 0, disputed: 0 });
    expect(total.numbered).toBe(total.structures - 3);
    // A partner counts only households sharing aggregates with the municipality: no refusals.
    const partner = await world.as.partner.get(coverageUrl);
    expect(partner.body.total).toMatchObject({ households: 2, refused: 0, vacant: 0 });
    // The latest round is the default.
    const latest = await world.as.coordinator.get(world.ws(`/settlements/${world.settlementId}/coverage`));
    expect(latest.body.round.id).toBe(roundId);
  });
});
