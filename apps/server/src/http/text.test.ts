// Text no database can store, names that display as something else, and file names that are not
// file names: each is a located 400 on both databases, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/server.ts';
import { adminWithWorkspace, type TestWorkspace } from '../test/workspace-world.ts';

let server: TestServer;
let workspace: TestWorkspace;
beforeAll(async () => {
  server = await startTestServer();
  ({ workspace } = await adminWithWorkspace(server.app));
});
afterAll(() => server.close());

const people = () => `/api/workspaces/${workspace.id}/people`;
const count = async () =>
  Number(
    (
      await server.deps.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('bad text', () => {
  it('refuses NUL and lone surrogates anywhere, with the path, and writes nothing', async () => {
    const before = await count();
    const raw = (json: string) =>
      workspace.coordinator.post(people(), undefined, {
        rawBody: json,
        headers: { 'content-type': 'application/json' },
      });
    const cases: Array<[string, string, string]> = [
      ['{"displayName":"Thandi\\u0000"}', 'body.displayName', 'text.nul'],
      ['{"displayName":"Thandi","notes":"a\\u0000b"}', 'body.notes', 'text.nul'],
      ['{"displayName":"Thandi\\ud800"}', 'body.displayName', 'text.lone_surrogate'],
      ['{"displayName":"x","languages":["\\udc00"]}', 'body.languages.0', 'text.lone_surrogate'],
      [
        '{"displayName":"x","contactChannels":[{"kind":"post","address":"1 Main\\u0000"}]}',
        'body.contactChannels.0.address',
        'text.nul',
      ],
    ];
    for (const [json, path, code] of cases) {
      const response = await raw(json);
      expect(response.statusCode, json).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors[0]).toMatchObject({ path, code });
    }
    const query = await workspace.coordinator.get(`${people()}?q=${encodeURIComponent('a\u0000')}`);
    expect(query.statusCode).toBe(400);
    expect(query.body.errors[0]).toMatchObject({ path: 'query.q', code: 'text.nul' });
    expect(await count()).toBe(before);
  });

  it('refuses direction controls in names and stores names in NFC', async () => {
    const spoof = await workspace.coordinator.post(people(), { displayName: 'Sipho\u202Egnp.exe' });
    expect(spoof.statusCode).toBe(400);
    expect(spoof.body.errors[0]).toMatchObject({ path: 'body.displayName', code: 'text.bidi_control' });
    const workspaceName = await workspace.coordinator.patch(`/api/workspaces/${workspace.id}`, {
      name: 'Shelter\u2066',
    });
    expect(workspaceName.statusCode).toBe(400);
    const decomposed = await workspace.coordinator.post(people(), { displayName: 'Ze\u0301nani' });
    expect(decomposed.statusCode).toBe(201);
    expect(decomposed.body.displayName).toBe('Z\u00e9nani');
    // Searching with the other form of the same letters finds it.
    const found = await workspace.coordinator.get(`${people()}?q=${encodeURIComponent('Z\u00e9n')}`);
    expect(found.body.items.map((p: { id: string }) => p.id)).toContain(decomposed.body.id);
  });
});

describe('attachment file names', () => {
  let formId: string;
  beforeAll(async () => {
    const created = await workspace.coordinator.post(`/api/workspaces/${workspace.id}/forms/from-template`, {
      templateId: 'settlement-profile',
    });
    expect(created.statusCode, created.payload).toBe(201);
    formId = created.body.id;
  });
  const upload = (fileName: string) =>
    workspace.coordinator.post(`/api/workspaces/${workspace.id}/forms/${formId}/attachments`, {
      fileName,
      contentBase64: Buffer.from('name,label\na,A\n').toString('base64'),
    });

  it('stores names that look like object members as plain files', async () => {
    for (const name of ['__proto__', 'a.constructor', 'hasOwnProperty.csv']) {
      const response = await upload(name);
      expect(response.statusCode, `${name}: ${response.payload}`).toBe(201);
      expect(response.body.fileName).toBe(name);
    }
    const proto = await upload('x.__proto__');
    expect(proto.body.contentType).toBe('application/octet-stream');
  });

  it('refuses folders, dot names, device names and controls', async () => {
    for (const [name, code] of [
      ['../etc/passwd', 'file_name.separator'],
      ['..', 'file_name.dots'],
      ['CON', 'file_name.reserved'],
      ['nul.csv', 'file_name.reserved'],
      ['photo.', 'file_name.trailing'],
      ['tap\u202Egnp.csv', 'text.bidi_control'],
    ] as const) {
      const response = await upload(name);
      expect(response.statusCode, name).toBe(400);
      expect(response.body.errors[0], name).toMatchObject({ path: 'body.fileName', code });
    }
  });
});
