import { inflateSync } from 'node:zlib';
import { sql } from 'kysely';
import { v4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../test/agent.ts';
import { type CollectionWorld, collectionWorld, householdForm, jpeg } from '../test/collection-world.ts';
import { multipart, xmlPart } from '../test/multipart.ts';

// A phone set up as ODK Collect is: scan the QR code, read the server URL from it, and from then
// on call only that URL's formList and submission and the links the server gives back, with no
// cookie and no bearer token.
let world: CollectionWorld;
let otherFormId: string;
beforeAll(async () => {
  world = await collectionWorld();
  const other = householdForm();
  other.settings.formId = 'household_other';
  const created = await world.as.coordinator.post(world.url('/forms'), { model: other });
  otherFormId = created.body.id;
  await world.as.coordinator.post(world.url(`/forms/${otherFormId}/publish`), {});
});
afterAll(() => world.server.close());

const openRosa = { 'x-openrosa-version': '1.0' };

/** What Collect does with the QR text: base64, then zlib, then JSON. */
function scan(collectSettings: string) {
  return JSON.parse(inflateSync(Buffer.from(collectSettings, 'base64')).toString('utf8')) as {
    general: { server_url: string; form_update_mode: string; autosend: string };
    admin: { change_server: boolean };
    project: { name: string };
  };
}

/** A request as the phone sends it: an absolute URL from the QR code or a document, no credentials. */
function phone(method: 'GET' | 'HEAD' | 'POST', absolute: string, body?: { payload: Buffer; type: string }) {
  const { pathname, search } = new URL(absolute);
  return world.server.app.inject({
    method,
    url: pathname + search,
    headers: { ...openRosa, ...(body ? { 'content-type': body.type } : {}) },
    ...(body ? { payload: body.payload } : {}),
  });
}

async function createAccess(formIds: string[], agent: Agent = world.as.coordinator) {
  return agent.post(world.url('/device-access'), {
    name: 'Blue phone, section B',
    personId: world.personOf.researcher,
    formIds,
  });
}

const links = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}>([^<]+)</${tag}>`, 'g'))].map((m) => m[1] as string);

async function instanceFor(formId: string, formKey: string, instanceId: string) {
  const versions = await world.as.coordinator.get(world.url(`/forms/${formId}/versions`));
  const xform = await world.as.coordinator.get(
    world.url(`/forms/${formId}/versions/${versions.body.items[0].id}/form.xml`),
  );
  const [, root, label] = /<instance>\s*<(\w+) id="[^"]+"[^>]*version="([^"]+)"/.exec(xform.payload) ?? [];
  return `<?xml version="1.0"?><${root} id="${formKey}" version="${label}"><structure>B-7</structure><size>2</size><door>door.jpg</door><meta><instanceID>uuid:${instanceId}</instanceID></meta></${root}>`;
}

function submission(xml: string) {
  const { body, contentType } = multipart([
    xmlPart(xml),
    { field: 'door.jpg', fileName: 'door.jpg', contentType: 'image/jpeg', content: jpeg },
  ]);
  return { payload: body, type: contentType };
}

describe('device access for ODK Collect', () => {
  it('gives a QR code Collect reads; the phone lists, downloads and submits only its forms, without an account', async () => {
    const created = await createAccess([world.formId]);
    expect(created.statusCode, created.payload).toBe(201);
    const settings = scan(created.body.collectSettings);
    expect(settings.general.server_url).toBe(created.body.serverUrl);
    expect(settings.general.server_url).toMatch(/\/key\/cpd_[\w-]{43}\/api\/workspaces\/[\w-]+$/);
    expect(settings).toMatchObject({
      general: { form_update_mode: 'match_exactly', autosend: 'wifi_and_cellular' },
      admin: { change_server: false },
      project: { name: 'Blue phone, section B' },
    });
    const server = settings.general.server_url;

    const list = await phone('GET', `${server}/formList`);
    expect(list.statusCode, list.payload).toBe(200);
    expect(list.headers['x-openrosa-version']).toBe('1.0');
    expect(links(list.payload, 'formID')).toEqual(['household_count']);
    const [download] = links(list.payload, 'downloadUrl');
    // Collect follows the links as given, so each carries the phone's secret.
    expect(download?.startsWith(server.replace(/\/api\/workspaces\/.*$/, ''))).toBe(true);
    const xform = await phone('GET', download as string);
    expect(xform.statusCode).toBe(200);
    expect(xform.payload).toContain('id="household_count"');

    const head = await phone('HEAD', `${server}/submission`);
    expect(head.statusCode).toBe(204);
    const id = v4();
    const sent = await phone(
      'POST',
      `${server}/submission`,
      submission(await instanceFor(world.formId, 'household_count', id)),
    );
    expect(sent.statusCode, sent.payload).toBe(201);
    const row = await world.server.deps.db
      .selectFrom('submissions')
      .select([
        'device_access_id',
        'submitted_by_person_id',
        'submitted_by_account_id',
        'source',
        'files_received',
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      device_access_id: created.body.access.id,
      submitted_by_person_id: world.personOf.researcher,
      submitted_by_account_id: null,
      source: 'openrosa',
      files_received: 1,
    });
    const listed = await world.as.coordinator.get(world.url('/device-access'));
    expect(listed.body.items[0]).toMatchObject({ id: created.body.access.id, formIds: [world.formId] });
    expect(listed.body.items[0].lastUsedAt).not.toBeNull();
  });

  it('refuses a form the phone was not given, in an OpenRosa document, and stores nothing', async () => {
    const created = await createAccess([world.formId]);
    const server = created.body.serverUrl as string;
    const versions = await world.as.coordinator.get(world.url(`/forms/${otherFormId}/versions`));
    const xform = await phone(
      'GET',
      `${server}/forms/${otherFormId}/versions/${versions.body.items[0].id}/form.xml`,
    );
    expect(xform.statusCode).toBe(404);
    const id = v4();
    const sent = await phone(
      'POST',
      `${server}/submission`,
      submission(await instanceFor(otherFormId, 'household_other', id)),
    );
    expect(sent.statusCode).toBe(403);
    expect(sent.payload).toContain('<OpenRosaResponse');
    expect(sent.payload).toContain('This phone was not given this form');
    const stored = await world.server.deps.db
      .selectFrom('submissions')
      .select('id')
      .where('id', '=', id)
      .execute();
    expect(stored).toEqual([]);
  });

  it('is revoked at once: the next request is refused in words Collect shows', async () => {
    const created = await createAccess([world.formId]);
    const server = created.body.serverUrl as string;
    expect((await phone('GET', `${server}/formList`)).statusCode).toBe(200);
    const revoked = await world.as.coordinator.delete(world.url(`/device-access/${created.body.access.id}`));
    expect(revoked.statusCode).toBe(204);
    const after = await phone('GET', `${server}/formList`);
    expect(after.statusCode).toBe(401);
    expect(after.payload).toContain('<OpenRosaResponse');
    const sent = await phone(
      'POST',
      `${server}/submission`,
      submission(await instanceFor(world.formId, 'household_count', v4())),
    );
    expect(sent.statusCode).toBe(401);
    const audit = await sql<{
      action: string;
    }>`select action from audit_entries where entity_id = ${created.body.access.id} order by sequence`.execute(
      world.server.deps.db,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['device_access.created', 'device_access.revoked']);
  });

  it('reaches nothing but forms and submissions, and no other workspace', async () => {
    const created = await createAccess([world.formId]);
    const server = created.body.serverUrl as string;
    const people = await phone('GET', `${server}/people`);
    expect(people.statusCode).toBe(403);
    const other = server.replace(/workspaces\/[\w-]+$/, `workspaces/${v4()}`);
    expect((await phone('GET', `${other}/formList`)).statusCode).toBe(404);
    // The secret counts only in the path: sent as the internal header it is ignored.
    const secret = /\/key\/([^/]+)\//.exec(server)?.[1] as string;
    const spoofed = await world.server.app.inject({
      method: 'GET',
      url: world.url('/formList'),
      headers: { ...openRosa, 'x-coproduce-device-secret': secret },
    });
    expect(spoofed.statusCode).toBe(401);
  });

  it('is made by coordinators only, for a person and forms of this workspace', async () => {
    for (const role of ['staff', 'researcher', 'member', 'partner'] as const) {
      const refused = await createAccess([world.formId], world.as[role]);
      expect(refused.statusCode, role).toBe(403);
      expect((await world.as[role].get(world.url('/device-access'))).statusCode, role).toBe(403);
    }
    const unknown = await world.as.coordinator.post(world.url('/device-access'), {
      name: 'Phone',
      personId: v4(),
      formIds: [world.formId, v4()],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.personId',
      'body.formIds.1',
    ]);
    const none = await world.as.coordinator.post(world.url('/device-access'), {
      name: 'Phone',
      personId: world.personOf.researcher,
      formIds: [],
    });
    expect(none.statusCode).toBe(400);
  });
});
