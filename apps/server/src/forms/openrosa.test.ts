import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { housingForm } from '../test/form-models.ts';
import { base64, type FormsWorld, formsWorld } from '../test/forms-world.ts';

let world: FormsWorld;
let formId: string;
let versionId: string;
let formKey: string;
const csv = 'name,label\na,Apple\nb,Banana\n';
beforeAll(async () => {
  world = await formsWorld();
  const { coordinator } = world.as;
  const created = await coordinator.post(world.url(), { model: housingForm() });
  formId = created.body.id;
  formKey = created.body.formId;
  const attached = await coordinator.post(world.url(`/${formId}/attachments`), {
    fileName: 'fruits.csv',
    contentBase64: base64(new TextEncoder().encode(csv)),
  });
  expect(attached.statusCode, attached.payload).toBe(201);
  const published = await coordinator.post(world.url(`/${formId}/publish`), { version: 'v-openrosa' });
  expect(published.statusCode, published.payload).toBe(201);
  versionId = published.body.id;
  // A draft only form never shows in the list.
  await coordinator.post(world.url(), { model: housingForm() });
});
afterAll(() => world.server.close());

const md5 = (text: string | Buffer) => `md5:${createHash('md5').update(text).digest('hex')}`;
const formListUrl = (workspaceId: string) => `/api/workspaces/${workspaceId}/formList`;

describe('OpenRosa form list and manifest', () => {
  it('lists the published forms with version, the md5 of the XForm served, download and manifest URLs', async () => {
    const response = await world.as.coordinator.get(formListUrl(world.workspaceId));
    expect(response.statusCode, response.payload).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
    expect(response.headers['x-openrosa-version']).toBe('1.0');
    const xml = response.payload;
    expect(xml).toContain('<xforms xmlns="http://openrosa.org/xforms/xformsList">');
    expect(xml.match(/<xform>/g)).toHaveLength(1);
    const download = /<downloadUrl>([^<]+)<\/downloadUrl>/.exec(xml)?.[1] ?? '';
    expect(download).toMatch(new RegExp(`/forms/${formId}/versions/${versionId}/form\\.xml$`));
    expect(xml).toContain(`<formID>${formKey}</formID>`);
    expect(xml).toContain('<version>v-openrosa</version>');
    const form = await world.as.coordinator.get(new URL(download).pathname);
    expect(form.statusCode).toBe(200);
    expect(form.headers['x-openrosa-version']).toBe('1.0');
    expect(xml).toContain(`<hash>${md5(form.rawPayload)}</hash>`);
    expect(xml).toMatch(new RegExp(`<manifestUrl>[^<]+/versions/${versionId}/manifest</manifestUrl>`));
  });

  it("gives the manifest of the version's media with each file's md5 and download URL", async () => {
    const response = await world.as.researcher.get(world.url(`/${formId}/versions/${versionId}/manifest`));
    expect(response.statusCode, response.payload).toBe(200);
    expect(response.headers['x-openrosa-version']).toBe('1.0');
    const xml = response.payload;
    expect(xml).toContain('<manifest xmlns="http://openrosa.org/xforms/xformsManifest">');
    expect(xml).toContain('<filename>fruits.csv</filename>');
    expect(xml).toContain(`<hash>${md5(csv)}</hash>`);
    const download = /<downloadUrl>([^<]+)<\/downloadUrl>/.exec(xml)?.[1] ?? '';
    const file = await world.as.researcher.get(new URL(download).pathname);
    expect(file.statusCode).toBe(200);
    expect(file.payload).toBe(csv);
  });

  it('lists only the forms the caller may collect: assigned ones for researchers, none for members', async () => {
    for (const role of ['member', 'partner', 'researcher'] as const) {
      const response = await world.as[role].get(formListUrl(world.workspaceId));
      expect(response.statusCode, role).toBe(200);
      expect(response.payload, role).not.toContain('<xform>');
    }
    expect((await world.as.outsider.get(formListUrl(world.workspaceId))).statusCode).toBe(404);
  });

  it('lists a form to a researcher once they are assigned to it', async () => {
    const assignment = await world.as.coordinator.post(`/api/workspaces/${world.workspaceId}/assignments`, {
      formId,
      personId: world.personOf.researcher,
    });
    expect(assignment.statusCode, assignment.payload).toBe(201);
    const response = await world.as.researcher.get(formListUrl(world.workspaceId));
    expect(response.payload.match(/<xform>/g)).toHaveLength(1);
    expect(response.payload).toContain(`<formID>${formKey}</formID>`);
  });
});
