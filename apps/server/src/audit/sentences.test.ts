// The audit log as sentences (issue 6, screens item 5): each entry says what it is about in
// today's names, for readers who may see names; the CSV carries codes, ids and names; taking it
// is itself in the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { housingForm } from '../test/form-models.ts';
import { type FormsWorld, formsWorld } from '../test/forms-world.ts';

let world: FormsWorld;
let formId: string;
const auditUrl = () => `/api/workspaces/${world.workspaceId}/audit`;
const latest = async (action: string) =>
  (await world.as.coordinator.get(`${auditUrl()}?action=${action}`)).body.items[0];

beforeAll(async () => {
  world = await formsWorld();
  formId = (await world.as.coordinator.post(world.url(), { model: housingForm() })).body.id;
});
afterAll(() => world.server.close());

describe('audit entries name what they are about', () => {
  it('says whose suggestion on which form was accepted, and names people and invites', async () => {
    const suggestion = await world.as.member.post(world.url(`/${formId}/suggestions`), {
      path: '/household/shelter',
      field: 'label',
      language: 'isiZulu (zu)',
      text: 'Ubulale kuphi izolo?',
    });
    expect(suggestion.statusCode, suggestion.payload).toBe(201);
    await world.as.coordinator.post(world.url(`/${formId}/threads/${suggestion.body.id}/accept`));
    expect(await latest('form.suggestion.accept')).toMatchObject({
      actorDisplayName: 'coordinator-one',
      subject: { form: 'Housing check', owner: 'member', name: null },
    });
    expect(await latest('form.create.builder')).toMatchObject({ subject: { form: 'Housing check' } });

    const people = `/api/workspaces/${world.workspaceId}/people`;
    const person = await world.as.coordinator.post(people, { displayName: 'Zanele' });
    expect(await latest('person.create')).toMatchObject({
      entityId: person.body.id,
      subject: { name: 'Zanele', form: null, owner: null },
    });
    await world.as.coordinator.post(`/api/workspaces/${world.workspaceId}/invites`, {
      role: 'member',
      delivery: 'code',
      displayName: 'Bongani',
    });
    expect(await latest('invite.create')).toMatchObject({ subject: { name: 'Bongani' } });
    // Today's name: a renamed person reads under the new name.
    await world.as.coordinator.patch(`${people}/${person.body.id}`, { displayName: 'Zanele M.' });
    expect((await latest('person.create')).subject.name).toBe('Zanele M.');
  });

  it('gives coordinators a CSV of codes, ids and names, written to the log; others are refused', async () => {
    const people = `/api/workspaces/${world.workspaceId}/people`;
    await world.as.coordinator.post(people, { displayName: '=HYPERLINK("http://x")' });
    const csv = await world.as.coordinator.post(`${auditUrl()}/export`, { action: 'person.create' });
    expect(csv.statusCode, csv.payload).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="audit-\d{4}-\d\d-\d\d\.csv"/);
    const lines = csv.payload
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'sequence,occurred_at,action,entity_type,entity_id,fields,actor_account_id,actor_name,' +
        'on_behalf_of_person_id,on_behalf_of_name,subject_name,subject_form,subject_owner,hash',
    );
    const listed = await world.as.coordinator.get(`${auditUrl()}?action=person.create&limit=500`);
    expect(lines).toHaveLength(listed.body.items.length + 1);
    expect(lines.every((line, i) => i === 0 || line.includes(',person.create,person,'))).toBe(true);
    // A name a spreadsheet would run as a formula is written as text.
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(await latest('audit.export')).toMatchObject({
      entityType: 'workspace',
      entityId: world.workspaceId,
      fields: ['action'],
      actorDisplayName: 'coordinator-one',
    });
    for (const role of ['staff', 'researcher', 'member', 'partner'] as const) {
      expect((await world.as[role].post(`${auditUrl()}/export`, {})).statusCode, role).toBe(403);
    }
    const bad = await world.as.coordinator.post(`${auditUrl()}/export`, { from: 'yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.from');
  });
});
