import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { housingForm } from '../test/form-models.ts';
import { type FormsWorld, formsWorld, importFile } from '../test/forms-world.ts';

let world: FormsWorld;
beforeAll(async () => {
  world = await formsWorld();
});
afterAll(() => world.server.close());

const xformPath = (formId: string, versionId: string) => `/${formId}/versions/${versionId}/form.xml`;

describe('GET …/versions/:versionId/form.xml', () => {
  it('sends the ODK XForm of a published version, with its form id and version label', async () => {
    const { coordinator } = world.as;
    const created = await importFile(world, coordinator, 'xlsform_spec_test.xlsx');
    expect(created.statusCode, created.payload).toBe(201);
    const published = await coordinator.post(world.url(`/${created.body.id}/publish`), { version: '2024-1' });
    expect(published.statusCode, published.payload).toBe(201);
    const response = await coordinator.get(world.url(xformPath(created.body.id, published.body.id)));
    expect(response.statusCode, response.payload).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/xml/);
    const xml = response.payload;
    expect(xml).toMatch(/^<\?xml version="1.0"\?>\n<h:html xmlns="http:\/\/www.w3.org\/2002\/xforms"/);
    expect(xml).toContain(`<data id="${created.body.formId}" version="${published.body.version}">`);
    expect(xml).toContain(
      '<bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>',
    );
    expect(xml).toContain('<itext>');
  });

  it('is readable by whoever may read the version, a 404 elsewhere', async () => {
    const { coordinator } = world.as;
    const created = await coordinator.post(world.url(), { model: housingForm() });
    const published = await coordinator.post(world.url(`/${created.body.id}/publish`), {});
    expect(published.statusCode, published.payload).toBe(201);
    const path = world.url(xformPath(created.body.id, published.body.id));
    for (const role of ['partner', 'member', 'researcher'] as const) {
      const response = await world.as[role].get(path);
      expect(response.statusCode, role).toBe(200);
      expect(response.payload).toContain('<h:body>');
    }
    expect((await world.as.outsider.get(path)).statusCode).toBe(404);
    const unknown = await coordinator.get(world.url(xformPath(created.body.id, randomUUID())));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    const foreign = await world.as.coordinator.get(
      world.url(xformPath(created.body.id, published.body.id), world.otherWorkspaceId),
    );
    expect(foreign.statusCode).toBe(404);
  });
});
