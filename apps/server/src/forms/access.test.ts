import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { housingForm } from '../test/form-models.ts';
import { type FormsWorld, formsWorld } from '../test/forms-world.ts';

let world: FormsWorld;
let draftOnly: string;
let published: string;
let foreign: string;
beforeAll(async () => {
  world = await formsWorld();
  const { coordinator } = world.as;
  draftOnly = (await coordinator.post(world.url(), { model: housingForm() })).body.id;
  published = (await coordinator.post(world.url(), { model: housingForm() })).body.id;
  await coordinator.post(world.url(`/${published}/publish`), {});
  const theirs = await world.as.outsider.post(world.url('', world.otherWorkspaceId), {
    model: housingForm(),
  });
  foreign = theirs.body.id;
});
afterAll(() => world.server.close());

describe('who may do what with forms', () => {
  it('lets coordinators and staff create; researchers, members and partners not', async () => {
    expect((await world.as.staff.post(world.url(), { model: housingForm() })).statusCode).toBe(201);
    for (const role of ['researcher', 'member', 'partner'] as const) {
      const response = await world.as[role].post(world.url(), { model: housingForm() });
      expect(response.statusCode, role).toBe(403);
    }
  });

  it('tells each role in the forms list whether it may create forms', async () => {
    const expected = { coordinator: true, staff: true, researcher: false, member: false, partner: false };
    for (const [role, create] of Object.entries(expected)) {
      const list = await world.as[role as keyof typeof expected].get(world.url());
      expect(list.body.abilities, role).toEqual({ create });
    }
  });

  it('shows drafts to members and researchers, and only published versions to partners', async () => {
    const member = await world.as.member.get(world.url(`/${draftOnly}`));
    expect(member.statusCode).toBe(200);
    expect(member.body.draft.survey).toHaveLength(2);
    expect(member.body.abilities).toMatchObject({ edit: false, comment: true, decide: false });
    expect((await world.as.partner.get(world.url(`/${draftOnly}`))).statusCode).toBe(404);
    const partner = await world.as.partner.get(world.url(`/${published}`));
    expect(partner.statusCode).toBe(200);
    expect(partner.body.draft).toBeNull();
    expect(partner.body.versions).toHaveLength(1);
    expect((await world.as.partner.get(world.url(`/${published}/draft/xlsform`))).statusCode).toBe(403);
    expect((await world.as.partner.get(world.url(`/${published}/threads`))).statusCode).toBe(403);
    const version = await world.as.partner.get(
      world.url(`/${published}/versions/${partner.body.versions[0].id}`),
    );
    expect(version.statusCode).toBe(200);
    const list = await world.as.partner.get(world.url());
    expect(list.body.items.map((f: { id: string }) => f.id)).toEqual([published]);
    expect((await world.as.member.post(world.url(`/${draftOnly}/publish`), {})).statusCode).toBe(403);
    expect((await world.as.researcher.post(world.url(`/${draftOnly}/archive`))).statusCode).toBe(403);
  });

  it('answers 404 for a form of another workspace, whatever the role', async () => {
    for (const path of ['', '/versions', '/draft/xlsform', '/changes', '/threads', '/attachments']) {
      const response = await world.as.coordinator.get(world.url(`/${foreign}${path}`));
      expect(response.statusCode, path).toBe(404);
    }
    const writes = [
      world.as.coordinator.post(world.url(`/${foreign}/publish`), {}),
      world.as.coordinator.post(world.url(`/${foreign}/archive`)),
      world.as.coordinator.put(world.url(`/${foreign}/draft`), { model: housingForm() }),
      world.as.coordinator.post(world.url(`/${foreign}/threads`), { path: '/needs', text: 'hi' }),
    ];
    for (const response of await Promise.all(writes)) expect(response.statusCode).toBe(404);
    // The other workspace's URL is a 404 too: our coordinator is not a member there.
    expect(
      (await world.as.coordinator.get(world.url(`/${foreign}`, world.otherWorkspaceId))).statusCode,
    ).toBe(404);
    expect((await world.as.outsider.get(world.url(`/${published}`))).statusCode).toBe(404);
  });

  it('archives: still readable, no more edits, and sync pages carry the change', async () => {
    const { coordinator } = world.as;
    const first = await coordinator.get(world.url('?since=0&limit=500'));
    expect(first.statusCode).toBe(200);
    expect(first.body.cursor).toMatch(/^\d+$/);
    const archived = await coordinator.post(world.url(`/${draftOnly}/archive`));
    expect(archived.statusCode).toBe(200);
    expect(archived.body.status).toBe('archived');
    const changes = await coordinator.get(world.url(`?since=${first.body.cursor}`));
    expect(changes.body.items.map((f: { id: string; status: string }) => [f.id, f.status])).toEqual([
      [draftOnly, 'archived'],
    ]);
    const nothing = await coordinator.get(world.url(`?since=${changes.body.cursor}`));
    expect(nothing.body).toEqual({
      items: [],
      cursor: changes.body.cursor,
      hasMore: false,
      abilities: { create: true },
    });
    const edit = await coordinator.put(world.url(`/${draftOnly}/draft`), { model: housingForm() });
    expect(edit.statusCode).toBe(409);
    expect(edit.body.code).toBe('form.archived');
    expect((await world.as.member.get(world.url(`/${draftOnly}`))).statusCode).toBe(200);
    const paged = await coordinator.get(world.url('?limit=1'));
    expect(paged.body.hasMore).toBe(true);
    const next = await coordinator.get(world.url(`?limit=1&cursor=${paged.body.cursor}`));
    expect(next.body.items[0].id).not.toBe(paged.body.items[0].id);
    expect((await coordinator.get(world.url('?cursor=abc'))).statusCode).toBe(400);
    // Past a bigint, PostgreSQL would refuse the comparison: a client mistake, not a 500.
    const hugeCursor = await coordinator.get(world.url(`?cursor=${'9'.repeat(30)}`));
    expect(hugeCursor.statusCode).toBe(400);
    expect(hugeCursor.body.errors[0].path).toBe('query.cursor');
    const hugeSince = await coordinator.get(world.url(`?since=${'9'.repeat(19)}`));
    expect(hugeSince.statusCode).toBe(400);
    expect(hugeSince.body.errors[0].path).toBe('query.since');
  });

  it('lists templates and starts a draft from each', async () => {
    const list = await world.as.member.get(`/api/workspaces/${world.workspaceId}/form-templates`);
    expect(list.statusCode).toBe(200);
    for (const template of list.body.items) {
      const created = await world.as.coordinator.post(world.url('/from-template'), {
        templateId: template.id,
      });
      expect(created.statusCode, template.id).toBe(201);
      expect(created.body.title).toBe(template.title);
      const publish = await world.as.coordinator.post(world.url(`/${created.body.id}/publish`), {});
      expect(publish.statusCode, publish.payload).toBe(201);
    }
    const missing = await world.as.coordinator.post(world.url('/from-template'), { templateId: 'nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body.code).toBe('form.template.not_found');
  });

  it('makes a repeated create with the same id safe, and filters by status', async () => {
    const id = '0190a0b2-0000-7000-8000-0000000000f1';
    const first = await world.as.staff.post(world.url(), { id, model: housingForm() });
    expect(first.statusCode).toBe(201);
    const retry = await world.as.staff.post(world.url(), { id, model: housingForm() });
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toEqual(first.body);
    const other = housingForm();
    other.settings.formTitle = 'Another form';
    const clash = await world.as.staff.post(world.url(), { id, model: other });
    expect(clash.statusCode).toBe(409);
    expect(clash.body.code).toBe('conflict.id_reused');
    const log = await world.as.coordinator.get(`/api/workspaces/${world.workspaceId}/audit?entityType=form`);
    expect(log.body.items.filter((e: { entityId: string }) => e.entityId === id)).toHaveLength(1);
    const archived = await world.as.coordinator.get(world.url('?status=archived'));
    expect(archived.body.items.every((f: { status: string }) => f.status === 'archived')).toBe(true);
    expect((await world.as.coordinator.get(world.url('?status=gone'))).statusCode).toBe(400);
  });
});
