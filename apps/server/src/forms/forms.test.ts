import { importXlsForm } from '@coproduce/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64, conformanceFile, type FormsWorld, formsWorld, importFile, tableCounts } from './fixture.ts';

let world: FormsWorld;
beforeAll(async () => {
  world = await formsWorld();
});
afterAll(() => world.server.close());

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('forms from XLSForm uploads', () => {
  const files = [
    'group.xlsx',
    'choice_filter_test.xlsx',
    'or_other.xlsx',
    'field-list.xlsx',
    'xlsform_spec_test.xlsx',
  ];
  for (const name of files) {
    it(`imports ${name}, publishes it, and the download re-imports to the same model`, async () => {
      const { coordinator } = world.as;
      const created = await importFile(world, coordinator, name);
      expect(created.statusCode, created.payload).toBe(201);
      const form = created.body;
      expect(form.status).toBe('draft');
      expect(form.versions).toEqual([]);
      expect(form.questionCount).toBeGreaterThan(0);
      const published = await coordinator.post(world.url(`/${form.id}/publish`), {});
      expect(published.statusCode, published.payload).toBe(201);
      expect(published.body.number).toBe(1);

      const draftFile = await coordinator.get(world.url(`/${form.id}/draft/xlsform`));
      expect(draftFile.statusCode).toBe(200);
      expect(draftFile.headers['content-type']).toBe(xlsxType);
      expect(draftFile.headers['content-disposition']).toMatch(/^attachment; filename="/);
      const again = await importXlsForm(new Uint8Array(draftFile.rawPayload), name);
      expect(again.ok).toBe(true);
      if (again.ok) expect(again.form).toEqual(form.draft);

      const versionFile = await coordinator.get(
        world.url(`/${form.id}/versions/${published.body.id}/xlsform`),
      );
      expect(versionFile.statusCode).toBe(200);
      const version = await coordinator.get(world.url(`/${form.id}/versions/${published.body.id}`));
      const reread = await importXlsForm(new Uint8Array(versionFile.rawPayload), name);
      expect(reread.ok && reread.form).toEqual(version.body.model);
      expect(version.body.model.settings.version).toBe(published.body.version);
    });
  }
});
