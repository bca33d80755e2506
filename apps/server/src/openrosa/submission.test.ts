import { sql } from 'kysely';
import { v4 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../test/agent.ts';
import { type CollectionWorld, collectionWorld, jpeg } from '../test/collection-world.ts';
import { multipart, type Part, xmlPart } from '../test/multipart.ts';

let world: CollectionWorld;
let root: string;
let version: string;
beforeAll(async () => {
  world = await collectionWorld();
  const versions = await world.as.coordinator.get(world.url(`/forms/${world.formId}/versions`));
  const versionId = versions.body.items[0].id;
  const xform = await world.as.coordinator.get(
    world.url(`/forms/${world.formId}/versions/${versionId}/form.xml`),
  );
  // The instance Collect fills is the XForm's primary instance: its root name and version label.
  const instance = /<instance>\s*<(\w+) id="household_count"[^>]*version="([^"]+)"/.exec(xform.payload);
  if (!instance) throw new Error(`no primary instance in ${xform.payload.slice(0, 400)}`);
  [, root, version] = instance as unknown as [string, string, string];
});
afterAll(() => world.server.close());

const openRosa = { 'x-openrosa-version': '1.0' };

function instanceXml(id: string, fields: string, options: { formKey?: string; label?: string } = {}) {
  return `<?xml version="1.0"?><${root} xmlns:jr="http://openrosa.org/javarosa" xmlns:orx="http://openrosa.org/xforms" id="${options.formKey ?? 'household_count'}" version="${options.label ?? version}">${fields}<meta><instanceID>uuid:${id}</instanceID></meta></${root}>`;
}

const householdFields = (door = '', size = '3') =>
  `<structure>B-0142</structure><size>${size}</size><tenure>tenant</tenure><where>-33.951 18.465 12 5</where><door>${door}</door>` +
  '<members><age>34</age><sex>female</sex></members><members><age>7</age><sex>male</sex></members>';

function post(
  parts: Part[],
  agent: Agent = world.as.coordinator,
  headers: Record<string, string> = openRosa,
) {
  const { body, contentType } = multipart(parts);
  return agent.request('POST', world.url('/submission'), undefined, {
    rawBody: body,
    headers: { ...headers, 'content-type': contentType },
  });
}

const photo = (name: string, content: Buffer = jpeg): Part => ({
  field: name,
  fileName: name,
  contentType: 'image/jpeg',
  content,
});

const count = async (table: string) =>
  Number(
    (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(world.server.deps.db))
      .rows[0]?.n,
  );

describe('OpenRosa submissions (ODK Collect)', () => {
  it('answers HEAD with the OpenRosa headers and how large one POST may be', async () => {
    const head = await world.server.app.inject({
      method: 'HEAD',
      url: world.url('/submission'),
      headers: {
        ...openRosa,
        cookie: [...world.as.researcher.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    expect(head.statusCode).toBe(204);
    expect(head.headers['x-openrosa-version']).toBe('1.0');
    expect(Number(head.headers['x-openrosa-accept-content-length'])).toBeGreaterThan(1_000_000);
  });

  it('stores an instance with its photo through the same ingest as the web, answers read back equal', async () => {
    const id = v4();
    const response = await post([xmlPart(instanceXml(id, householdFields('door.jpg'))), photo('door.jpg')]);
    expect(response.statusCode, response.payload).toBe(201);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
    expect(response.payload).toContain('<OpenRosaResponse xmlns="http://openrosa.org/http/response">');
    expect(response.payload).toContain('nature="submit_success"');
    const detail = await world.as.coordinator.get(world.url(`/submissions/${id}`));
    expect(detail.statusCode, detail.payload).toBe(200);
    expect(detail.body).toMatchObject({ id, state: 'received', formVersion: 1 });
    expect(detail.body.versions[0].answers).toMatchObject({
      structure: 'B-0142',
      size: '3',
      tenure: 'tenant',
      door: 'door.jpg',
      members: [
        { age: '34', sex: 'female' },
        { age: '7', sex: 'male' },
      ],
      meta: { instanceID: `uuid:${id}` },
    });
    expect(detail.body.files).toEqual([expect.objectContaining({ name: 'door.jpg', complete: true })]);
    const file = await world.as.coordinator.get(world.url(`/submissions/${id}/files/door.jpg/content`));
    expect(file.rawPayload.equals(jpeg)).toBe(true);
  });

  it('keeps a resent instance once, and completes a submission split over two POSTs', async () => {
    const id = v4();
    const fields = `${householdFields('door.jpg')}`.replace(
      '<members>',
      '<members><age>1</age><sex>male</sex></members><members>',
    );
    const xml = instanceXml(id, fields);
    const rows = await count('submissions');
    const first = await post([xmlPart(xml)]);
    expect(first.statusCode, first.payload).toBe(201);
    expect(first.payload).toContain('Still to come: door.jpg');
    const second = await post([xmlPart(xml), photo('door.jpg')]);
    expect(second.statusCode, second.payload).toBe(201);
    expect(second.payload).not.toContain('Still to come');
    const third = await post([xmlPart(xml), photo('door.jpg')]);
    expect(third.payload).toContain('nothing new');
    expect(await count('submissions')).toBe(rows + 1);
    const detail = await world.as.coordinator.get(world.url(`/submissions/${id}`));
    expect(detail.body.versions).toHaveLength(1);
    expect(detail.body.versions[0].answers.members).toHaveLength(3);
    expect(detail.body.files).toEqual([expect.objectContaining({ name: 'door.jpg', complete: true })]);
  });

  it('flags invalid answers "needs attention" and keeps other answers for the same id as a conflict', async () => {
    const id = v4();
    const bad = await post([xmlPart(instanceXml(id, householdFields('', '-2')))]);
    expect(bad.statusCode, bad.payload).toBe(201);
    expect(bad.payload).toContain('need attention');
    const other = await post([xmlPart(instanceXml(id, householdFields('', '5')))]);
    expect(other.statusCode, other.payload).toBe(201);
    expect(other.payload).toContain('both are kept');
    const detail = await world.as.coordinator.get(world.url(`/submissions/${id}`));
    expect(detail.body).toMatchObject({ state: 'needs_attention', hasConflict: true });
    expect(detail.body.versions.map((v: { answers: { size: string } }) => v.answers.size)).toEqual([
      '-2',
      '5',
    ]);
  });

  it('a single repeat entry is still a list, and a generated node is not taken for an answer', async () => {
    const id = v4();
    const fields = householdFields().replace(/<members><age>7.*<\/members>$/, '');
    const response = await post([xmlPart(instanceXml(id, fields))]);
    expect(response.statusCode, response.payload).toBe(201);
    const detail = await world.as.coordinator.get(world.url(`/submissions/${id}`));
    expect(detail.body.versions[0].answers.members).toEqual([{ age: '34', sex: 'female' }]);
    expect(detail.body.state).toBe('received');
  });
});

describe('OpenRosa submissions refused in words, with nothing half-stored', () => {
  const refused = async (response: Awaited<ReturnType<typeof post>>, status: number, words: RegExp) => {
    expect(response.statusCode, response.payload).toBe(status);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
    expect(response.payload).toContain('<message nature="error">');
    expect(response.payload).toMatch(words);
  };

  it('refuses DTDs, entities, billion laughs, deep nesting and broken XML', async () => {
    const before = await count('submissions');
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      `<${root} id="household_count" version="${version}"><structure>&lol2;</structure></${root}>`;
    await refused(await post([xmlPart(laughs)]), 400, /DOCTYPE is not allowed/);
    const external = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><${root} id="household_count"><structure>&e;</structure></${root}>`;
    await refused(await post([xmlPart(external)]), 400, /DOCTYPE is not allowed/);
    const deep = `<${root} id="household_count">${'<a>'.repeat(40)}${'</a>'.repeat(40)}</${root}>`;
    await refused(await post([xmlPart(deep)]), 400, /nested deeper than 32/);
    await refused(await post([xmlPart(`<${root} id="household_count"><structure>`)]), 400, /cannot be read/);
    expect(await count('submissions')).toBe(before);
  });

  it('refuses unknown forms and versions, missing ids, a missing XML part and a body that is not multipart', async () => {
    const before = await count('submissions');
    await refused(await post([xmlPart(instanceXml(v4(), '', { formKey: 'nope' }))]), 404, /no form "nope"/);
    await refused(
      await post([xmlPart(instanceXml(v4(), '', { label: 'old' }))]),
      404,
      /no published version "old"/,
    );
    await refused(
      await post([xmlPart(`<${root} id="household_count" version="${version}"><size>1</size></${root}>`)]),
      400,
      /meta\/instanceID/,
    );
    await refused(await post([photo('door.jpg')]), 400, /no xml_submission_file/);
    const json = await world.as.coordinator.request('POST', world.url('/submission'), undefined, {
      rawBody: '{}',
      headers: openRosa,
    });
    await refused(json, 400, /multipart/);
    expect(await count('submissions')).toBe(before);
  });

  it('refuses a file that is not the image it claims to be, and stores nothing of that POST', async () => {
    const id = v4();
    const fake = photo('door.jpg', Buffer.from('this is not a jpeg at all'));
    await refused(
      await post([xmlPart(instanceXml(id, householdFields('door.jpg'))), fake]),
      415,
      /not the image\/jpeg/,
    );
    const detail = await world.as.coordinator.get(world.url(`/submissions/${id}`));
    expect(detail.statusCode).toBe(404);
  });

  it('refuses roles that do not collect, researchers not assigned, and anonymous phones', async () => {
    const xml = instanceXml(v4(), householdFields());
    await refused(await post([xmlPart(xml)], world.as.member), 403, /does not collect/);
    await refused(await post([xmlPart(xml)], world.as.researcher2), 403, /not assigned/);
    const anonymous = await world.server.app.inject({
      method: 'POST',
      url: world.url('/submission'),
      headers: { ...openRosa, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--',
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.payload).toContain('<message nature="error">');
  });

  it('answers clients that are not OpenRosa with problem+json naming where', async () => {
    const response = await post([xmlPart('<broken')], world.as.coordinator, {});
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      code: 'openrosa.instance_invalid',
      errors: [{ path: 'xml_submission_file', code: 'openrosa.instance_invalid' }],
    });
  });
});
