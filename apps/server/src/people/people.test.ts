import { emptyAccessNeeds } from '@coproduce/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../test/agent.ts';
import { startTestServer, type TestServer } from '../test/server.ts';
import { adminWithWorkspace, createWorkspace, joinAs, type TestWorkspace } from '../test/workspace-world.ts';

let server: TestServer;
let coordinator: Agent;
let workspace: TestWorkspace;
let foreign: TestWorkspace;
let staff: Agent;
let researcher: Agent;
let member: Agent & { personId: string };
let partner: Agent;
const path = () => `/api/workspaces/${workspace.id}/people`;

const fullPerson = {
  displayName: 'Zoë Ndlovu',
  legalName: 'Zoë Thandiwe Ndlovu',
  languages: ['zu', 'en'],
  contactChannels: [
    { kind: 'care_of', name: 'Sonop day centre', address: '12 Church St, Pretoria' },
    { kind: 'notice_board', location: 'Hall entrance' },
  ],
  accessNeeds: { childcare: true, interpreter: { language: 'zu' }, preferredTimes: 'mornings' },
  notes: 'Prefers to meet at the day centre',
};

beforeAll(async () => {
  server = await startTestServer();
  const made = await adminWithWorkspace(server.app);
  coordinator = made.admin;
  workspace = made.workspace;
  foreign = await createWorkspace(coordinator, 'Other federation');
  staff = await joinAs(server.app, workspace, 'staff');
  researcher = await joinAs(server.app, workspace, 'researcher');
  member = await joinAs(server.app, workspace, 'member', 'Sipho Member');
  partner = await joinAs(server.app, workspace, 'partner');
});
afterAll(() => server.close());

describe('people register', () => {
  it('creates a person with no email or phone and shows coordinators every field', async () => {
    const created = await coordinator.post(path(), fullPerson);
    expect(created.statusCode).toBe(201);
    expect(created.body).toMatchObject({
      displayName: 'Zoë Ndlovu',
      legalName: 'Zoë Thandiwe Ndlovu',
      isSelf: false,
    });
    expect(created.body.contactChannels).toHaveLength(2);
    expect(created.body.accessNeeds).toMatchObject({ childcare: true, stepFree: false });
    expect(created.body.abilities).toEqual({
      edit: true,
      editContact: true,
      editLegalName: true,
      delete: true,
    });
  });

  it('leaves out the fields a role may not read, and 404s what it may not see', async () => {
    const { body } = await coordinator.post(path(), { ...fullPerson, displayName: 'Lindiwe' });
    const asStaff = await staff.get(`${path()}/${body.id}`);
    expect(asStaff.statusCode).toBe(200);
    expect(asStaff.body).not.toHaveProperty('legalName');
    expect(asStaff.body.notes).toBe(fullPerson.notes);
    const asResearcher = await researcher.get(`${path()}/${body.id}`);
    expect(Object.keys(asResearcher.body)).not.toContain('contactChannels');
    expect(Object.keys(asResearcher.body)).not.toContain('notes');
    expect(asResearcher.body.displayName).toBe('Lindiwe');
    expect((await member.get(`${path()}/${body.id}`)).statusCode).toBe(404);
    expect((await partner.get(`${path()}/${body.id}`)).statusCode).toBe(404);
    expect((await partner.get(path())).statusCode).toBe(403);
  });

  it('lets a member see and edit only their own record', async () => {
    const list = await member.get(path());
    expect(list.statusCode).toBe(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([member.personId]);
    const own = await member.patch(`${path()}/${member.personId}`, {
      legalName: 'Sipho Dlamini',
      contactChannels: [{ kind: 'post', address: 'PO Box 1, Soweto' }],
    });
    expect(own.statusCode).toBe(200);
    expect(own.body.legalName).toBe('Sipho Dlamini');
    const rename = await member.patch(`${path()}/${member.personId}`, { displayName: 'Someone else' });
    expect(rename.statusCode).toBe(403);
    expect(rename.body.errors[0].path).toBe('body.displayName');
    // Staff still cannot read the legal name the member gave.
    const asStaff = await staff.get(`${path()}/${member.personId}`);
    expect(asStaff.body).not.toHaveProperty('legalName');
  });

  it('refuses a field the role may not write with a 403 naming it', async () => {
    const created = await staff.post(path(), { displayName: 'Asha', legalName: 'Asha Patil' });
    expect(created.statusCode).toBe(403);
    expect(created.body.errors[0].path).toBe('body.legalName');
    expect((await researcher.post(path(), { displayName: 'R' })).statusCode).toBe(403);
  });

  it('searches names ignoring case and accents, in isiZulu and Devanagari', async () => {
    for (const displayName of ['Nokuthula Mthembu', 'सीता पाटील', 'José Álvarez', 'Thandeka']) {
      expect((await coordinator.post(path(), { displayName })).statusCode).toBe(201);
    }
    const names = async (q: string, who = coordinator) =>
      (await who.get(`${path()}?q=${encodeURIComponent(q)}`)).body.items.map(
        (p: { displayName: string }) => p.displayName,
      );
    expect(await names('NOKUTHULA')).toEqual(['Nokuthula Mthembu']);
    expect(await names('jose alvarez')).toEqual(['José Álvarez']);
    expect(await names('zoe')).toContain('Zoë Ndlovu');
    expect(await names('पाटील')).toEqual(['सीता पाटील']);
    expect(await names('%')).toEqual([]);
    // Legal names are searchable only by those who may read them.
    expect(await names('thandiwe')).toContain('Zoë Ndlovu');
    expect(await names('thandiwe', staff)).toEqual([]);
  });

  it('pages by name with an opaque keyset cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url = `${path()}?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await coordinator.get(url);
      expect(page.statusCode).toBe(200);
      seen.push(...page.body.items.map((p: { id: string }) => p.id));
      cursor = page.body.hasMore ? page.body.cursor : null;
    } while (cursor);
    const all = await coordinator.get(`${path()}?limit=500`);
    expect(seen).toEqual(all.body.items.map((p: { id: string }) => p.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect((await coordinator.get(`${path()}?cursor=nonsense`)).statusCode).toBe(400);
    // A sync cursor past PostgreSQL's bigint is refused by name, never a 500.
    const huge = await coordinator.get(`${path()}?since=0&cursor=${'9'.repeat(30)}`);
    expect(huge.statusCode).toBe(400);
    expect(huge.body.errors[0].path).toBe('query.cursor');
  });

  it('syncs changes after a cursor in revision order, tombstones included', async () => {
    const start = await coordinator.get(`${path()}?since=0&limit=500`);
    const cursor = start.body.cursor as string;
    const a = await coordinator.post(path(), { displayName: 'Sync A' });
    const b = await coordinator.post(path(), { displayName: 'Sync B' });
    await coordinator.patch(`${path()}/${a.body.id}`, { notes: 'changed' });
    expect((await coordinator.delete(`${path()}/${b.body.id}`)).statusCode).toBe(204);
    const first = await coordinator.get(`${path()}?since=${cursor}&limit=1`);
    expect(first.body.hasMore).toBe(true);
    const rest = await coordinator.get(`${path()}?since=${first.body.cursor}`);
    const items = [...first.body.items, ...rest.body.items];
    expect(items.map((p: { id: string }) => p.id).sort()).toEqual([a.body.id, b.body.id].sort());
    const revisions = items.map((p: { revision: string }) => BigInt(p.revision));
    expect(revisions).toEqual([...revisions].sort((x, y) => (x < y ? -1 : 1)));
    const tombstone = items.find((p: { id: string }) => p.id === b.body.id);
    expect(tombstone.deletedAt).not.toBeNull();
    expect(tombstone).not.toHaveProperty('notes');
    expect(rest.body.cursor).toBe(items.at(-1).revision);
    const nothing = await coordinator.get(`${path()}?since=${rest.body.cursor}`);
    expect(nothing.body).toEqual({ items: [], cursor: rest.body.cursor, hasMore: false });
    expect((await coordinator.get(`${path()}/${b.body.id}`)).statusCode).toBe(404);
  });

  it('acknowledges a repeated create with the same id and refuses the id for other content', async () => {
    const id = '0190f5d2-5c3a-7cc1-9c1e-000000000001';
    const first = await staff.post(path(), { id, displayName: 'Offline Phone', languages: ['xh'] });
    expect(first.statusCode).toBe(201);
    const audit = async () =>
      (await coordinator.get(`/api/workspaces/${workspace.id}/audit?entityType=person&limit=500`)).body.items
        .length;
    const entries = await audit();
    const again = await staff.post(path(), { id, displayName: 'Offline Phone', languages: ['xh'] });
    expect(again.statusCode).toBe(201);
    expect(again.body.revision).toBe(first.body.revision);
    expect(await audit()).toBe(entries);
    const clash = await staff.post(path(), { id, displayName: 'Different' });
    expect(clash.statusCode).toBe(409);
    expect(clash.body.code).toBe('conflict.id_reused');
    // The same id in another workspace says nothing about this one.
    const elsewhere = await coordinator.post(`/api/workspaces/${foreign.id}/people`, {
      id,
      displayName: 'Different',
    });
    expect(elsewhere.statusCode).toBe(201);
    expect(
      (await coordinator.get(`/api/workspaces/${foreign.id}/people/${first.body.id}`)).body.displayName,
    ).toBe('Different');
  });

  it('answers 404 for a person of another workspace', async () => {
    const there = await coordinator.post(`/api/workspaces/${foreign.id}/people`, { displayName: 'Far away' });
    for (const response of [
      await coordinator.get(`${path()}/${there.body.id}`),
      await coordinator.patch(`${path()}/${there.body.id}`, { notes: 'x' }),
      await coordinator.delete(`${path()}/${there.body.id}`),
      await staff.get(`/api/workspaces/${foreign.id}/people`),
    ]) {
      expect(response.statusCode).toBe(404);
    }
  });

  it('records both the staff member and the person on a write made on their behalf', async () => {
    const target = await coordinator.post(path(), { displayName: 'Paper Form Person' });
    const written = await staff.patch(
      `${path()}/${target.body.id}`,
      { accessNeeds: { stepFree: true } },
      { headers: { 'x-on-behalf-of': target.body.id } },
    );
    expect(written.statusCode).toBe(200);
    const log = await coordinator.get(`/api/workspaces/${workspace.id}/audit?action=person.update&limit=1`);
    expect(log.body.items[0]).toMatchObject({
      entityId: target.body.id,
      actorAccountId: staff.accountId ?? expect.any(String),
      onBehalfOfPersonId: target.body.id,
      onBehalfOfDisplayName: 'Paper Form Person',
      fields: ['accessNeeds'],
    });
    const notAllowed = await researcher.get(path(), { headers: { 'x-on-behalf-of': target.body.id } });
    expect(notAllowed.statusCode).toBe(403);
  });

  it('loses no field when two edits of different fields of one person run at once', async () => {
    for (let round = 0; round < 5; round++) {
      const person = await coordinator.post(path(), { displayName: `Concurrent ${round}` });
      const url = `${path()}/${person.body.id}`;
      const edits = await Promise.all([
        coordinator.patch(url, { notes: `notes ${round}` }),
        coordinator.patch(url, { languages: ['zu', 'en'] }),
        coordinator.patch(url, { legalName: `Legal ${round}` }),
        coordinator.patch(url, { accessNeeds: { ...emptyAccessNeeds, travel: true } }),
      ]);
      expect(edits.map((e) => e.statusCode)).toEqual([200, 200, 200, 200]);
      const stored = await coordinator.get(url);
      expect(stored.body).toMatchObject({
        displayName: `Concurrent ${round}`,
        notes: `notes ${round}`,
        languages: ['zu', 'en'],
        legalName: `Legal ${round}`,
        accessNeeds: { travel: true },
      });
    }
  });

  it('refuses an edit made from an older revision with 409 conflict.stale', async () => {
    const person = await coordinator.post(path(), { displayName: 'Offline Edit' });
    const url = `${path()}/${person.body.id}`;
    const base = person.body.revision as string;
    expect((await coordinator.patch(url, { notes: 'first', baseRevision: base })).statusCode).toBe(200);
    const late = await coordinator.patch(url, { notes: 'second, from the same base', baseRevision: base });
    expect(late.statusCode).toBe(409);
    expect(late.body).toMatchObject({ code: 'conflict.stale', errors: [{ path: 'body.baseRevision' }] });
    expect((await coordinator.get(url)).body.notes).toBe('first');
  });

  it('refuses to delete a member’s person record while they are a member', async () => {
    const response = await coordinator.delete(`${path()}/${member.personId}`);
    expect(response.statusCode).toBe(409);
  });

  it('answers bad input with a 400 naming the field, and writes nothing', async () => {
    const before = (await coordinator.get(`${path()}?limit=500`)).body.items.length;
    const cases = [
      await coordinator.request('POST', path(), undefined, { rawBody: '{"displayName": "x",' }),
      await coordinator.post(path(), { displayName: 'x', shoeSize: 42 }),
      await coordinator.post(path(), { displayName: 42 }),
      await coordinator.post(path(), {
        displayName: 'x',
        contactChannels: [{ kind: 'email', address: 'not-an-email' }],
      }),
      await coordinator.post(path(), { displayName: 'x', notes: 'n'.repeat(2_000_000) }),
      await coordinator.get(`${path()}?since=abc`),
    ];
    for (const response of cases) {
      expect([400, 413]).toContain(response.statusCode);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    expect(JSON.stringify(cases[2]?.body)).toContain('displayName');
    expect(JSON.stringify(cases[3]?.body)).toContain('contactChannels');
    expect((await coordinator.get(`${path()}?limit=500`)).body.items.length).toBe(before);
  });
});
