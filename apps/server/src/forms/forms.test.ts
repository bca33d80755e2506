import { readdirSync, readFileSync } from 'node:fs';
import { importXlsForm } from '@coproduce/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { form, housingForm, question } from '../test/form-models.ts';
import {
  base64,
  conformanceFile,
  type FormsWorld,
  formsWorld,
  importFile,
  tableCounts,
} from '../test/forms-world.ts';

let world: FormsWorld;
beforeAll(async () => {
  world = await formsWorld();
});
afterAll(() => world.server.close());

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const templatesDir = new URL('../../../../packages/forms/templates/', import.meta.url);
const templates = readdirSync(templatesDir).filter((name) => name.endsWith('.xlsx'));

describe('the shipped templates, uploaded as files', () => {
  it('finds the templates', () => expect(templates.length).toBeGreaterThanOrEqual(2));
  for (const name of templates) {
    it(`uploads ${name}, publishes it, and the download re-imports to the same model`, async () => {
      const bytes = new Uint8Array(readFileSync(new URL(name, templatesDir)));
      const created = await importFile(world, world.as.staff, name, bytes);
      expect(created.statusCode, created.payload).toBe(201);
      expect(created.body.languages.length).toBeGreaterThanOrEqual(2);
      const published = await world.as.staff.post(world.url(`/${created.body.id}/publish`), {});
      expect(published.statusCode, published.payload).toBe(201);
      const file = await world.as.staff.get(
        world.url(`/${created.body.id}/versions/${published.body.id}/xlsform`),
      );
      const version = await world.as.staff.get(
        world.url(`/${created.body.id}/versions/${published.body.id}`),
      );
      const again = await importXlsForm(new Uint8Array(file.rawPayload), name);
      expect(again.ok && again.form).toEqual(version.body.model);
    });
  }
});

describe('forms from XLSForm uploads', () => {
  const files = [
    'group.xlsx',
    // Every format pyxform reads: legacy Excel 97, markdown tables, CSV.
    'case_insensitivity.xls',
    'group.md',
    'text_and_integer.csv',
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

const zipBomb = () => {
  // A real workbook whose zip directory claims gigabytes: the importer must refuse before inflating.
  const bytes = conformanceFile('group.xlsx');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i + 46 < bytes.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0x7fff0000, true);
  }
  return bytes;
};

describe('bad uploads change nothing', () => {
  it('answers located errors for a broken spreadsheet and writes nothing', async () => {
    const before = await tableCounts(world);
    const response = await importFile(world, world.as.coordinator, 'bad_calc.xlsx');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('form.xlsform.invalid');
    expect(response.body.errors[0]).toMatchObject({ sheet: 'survey', row: 2, column: 'calculation' });
    expect(response.body.errors[0].message).toMatch(/bad expression/);
    expect(await tableCounts(world)).toEqual(before);
  });

  it('gives each coded problem its code and params, beside the English message', async () => {
    const markdown =
      '| survey |\n| | type | name | label |\n| | text | q | Q |\n| | integer | q | Q again |\n';
    const response = await importFile(
      world,
      world.as.coordinator,
      'twice.md',
      new TextEncoder().encode(markdown),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body.errors[0]).toEqual({
      sheet: 'survey',
      row: 3,
      column: 'name',
      message: 'the name "q" is already used on row 2 in the survey: names must be unique within their group',
      code: 'form.xlsform.name.duplicate',
      params: { name: 'q', otherRow: 2, parent: 'the survey' },
    });
  });

  it('tells a text file and a zip bomb apart, with a sentence each', async () => {
    const before = await tableCounts(world);
    const text = await importFile(
      world,
      world.as.coordinator,
      'notes.xlsx',
      new TextEncoder().encode('hello'),
    );
    expect(text.body.errors[0].message).toMatch(/not a spreadsheet/);
    const bomb = await importFile(world, world.as.coordinator, 'bomb.xlsx', zipBomb());
    expect(bomb.statusCode).toBe(400);
    expect(bomb.body.detail).toMatch(/zip bomb/);
    expect(await tableCounts(world)).toEqual(before);
  });

  it('refuses an oversized file with 413 and the limit in words', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 10);
    const response = await importFile(world, world.as.coordinator, 'big.xlsx', big);
    expect(response.statusCode).toBe(413);
    expect(response.body.detail).toMatch(/at most 10\.0 MB/);
    const huge = 'A'.repeat(15 * 1024 * 1024);
    const tooLong = await world.as.coordinator.post(world.url('/import'), {
      fileName: 'x.xlsx',
      contentBase64: huge,
    });
    expect(tooLong.statusCode).toBe(413);
    expect(tooLong.body.code).toBe('request.too_large');
    expect(tooLong.body.detail).toMatch(/at most 14 MB per request/);
  });

  it('answers 400 naming the field for malformed JSON, unknown fields and wrong types', async () => {
    const { coordinator } = world.as;
    const malformed = await coordinator.request('POST', world.url('/import'), undefined, {
      rawBody: '{"fileName":',
    });
    expect(malformed.statusCode).toBe(400);
    const unknown = await coordinator.post(world.url('/import'), {
      fileName: 'a.xlsx',
      contentBase64: '',
      colour: 1,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body.errors[0].message).toMatch(/colour/);
    const wrong = await coordinator.post(world.url('/import'), { fileName: 5, contentBase64: '' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body.errors[0].path).toBe('body.fileName');
    const folder = await coordinator.post(world.url('/import'), { fileName: '../a.xlsx', contentBase64: '' });
    expect(folder.statusCode).toBe(400);
    const model = await coordinator.post(world.url(), { model: { settings: {}, survey: 'no' } });
    expect(model.statusCode).toBe(400);
    expect(model.body.code).toBe('form.model.invalid');
    expect(model.body.errors.map((e: { path: string }) => e.path)).toContain('model.survey');
  });

  it('answers 400, not a stack overflow, for groups nested thousands deep', async () => {
    // Written as text: JSON.stringify itself would overflow on the nested object.
    const group = (i: number) =>
      `{"kind":"group","type":"begin_group","name":"g${i}","label":{},"hint":{},"media":{},"extra":{},"children":[`;
    const leaf = JSON.stringify(question('q', 'text', { default: 'Q' }));
    const depth = 5000;
    let survey = leaf;
    for (let i = 0; i < depth; i++) survey = `${group(i)}${survey}]}`;
    const { survey: _, ...rest } = form([]);
    const body = `{"model":${JSON.stringify(rest).slice(0, -1)},"survey":[${survey}]}}`;
    const response = await world.as.coordinator.request('POST', world.url(), undefined, { rawBody: body });
    expect(response.statusCode).toBe(400);
    expect(response.body.code).toBe('form.model.invalid');
    expect(response.body.errors[0].path).toBe('model.survey');
  });
});

describe('versions', () => {
  it('are immutable: publishing again makes a new version and leaves the old one as it was', async () => {
    const { coordinator } = world.as;
    const created = await coordinator.post(world.url(), { model: housingForm() });
    expect(created.statusCode, created.payload).toBe(201);
    const id = created.body.id;
    const first = await coordinator.post(world.url(`/${id}/publish`), { version: '2026-1' });
    expect(first.statusCode).toBe(201);
    expect(first.body).toMatchObject({
      number: 1,
      version: '2026-1',
      publishedBy: { displayName: 'coordinator' },
    });
    const firstBefore = await coordinator.get(world.url(`/${id}/versions/${first.body.id}`));
    const model = housingForm();
    model.survey.push(question('phone', 'text', { 'English (en)': 'A phone number?' }));
    // Publishing moved the form's revision: an edit based on the copy from before it is stale.
    const stale = await coordinator.put(world.url(`/${id}/draft`), {
      model,
      baseRevision: created.body.revision,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body.code).toBe('form.stale');
    const current = await coordinator.get(world.url(`/${id}`));
    const saved = await coordinator.put(world.url(`/${id}/draft`), {
      model,
      baseRevision: current.body.revision,
    });
    expect(saved.statusCode, saved.payload).toBe(200);
    expect(saved.body.questionCount).toBe(4);
    const taken = await coordinator.post(world.url(`/${id}/publish`), { version: '2026-1' });
    expect(taken.statusCode).toBe(400);
    const second = await coordinator.post(world.url(`/${id}/publish`), {});
    expect(second.body.number).toBe(2);
    expect(second.body.version).toMatch(/^\d{14}$/);
    const firstAfter = await coordinator.get(world.url(`/${id}/versions/${first.body.id}`));
    expect(firstAfter.body).toEqual(firstBefore.body);
    expect(firstAfter.body.model.survey).toHaveLength(2);
    const list = await coordinator.get(world.url(`/${id}/versions`));
    expect(list.body.items.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const detail = await coordinator.get(world.url(`/${id}`));
    expect(detail.body).toMatchObject({
      status: 'published',
      latestVersion: { id: second.body.id, number: 2 },
    });
  });

  it('makes a missing select-from-file CSV a warning in the draft and an error at publish', async () => {
    const { coordinator } = world.as;
    const model = form([
      question('point', 'select_one_from_file', { default: 'Which water point?' }, { list: 'points.csv' }),
    ]);
    const created = await coordinator.post(world.url(), { model });
    expect(created.statusCode, created.payload).toBe(201);
    expect(created.body.warnings[0].message).toMatch(/points\.csv/);
    const id = created.body.id;
    const refused = await coordinator.post(world.url(`/${id}/publish`), {});
    expect(refused.statusCode).toBe(400);
    expect(refused.body.code).toBe('form.publish.invalid');
    expect(refused.body.errors[0]).toMatchObject({ sheet: 'survey', row: 2, path: '/point' });
    const csv = new TextEncoder().encode('name,label\nnorth,North tap\n');
    const upload = await coordinator.post(world.url(`/${id}/attachments`), {
      fileName: 'points.csv',
      contentBase64: base64(csv),
    });
    expect(upload.statusCode, upload.payload).toBe(201);
    expect(upload.body).toMatchObject({
      fileName: 'points.csv',
      size: csv.length,
      contentType: 'text/csv; charset=utf-8',
    });
    const published = await coordinator.post(world.url(`/${id}/publish`), {});
    expect(published.statusCode, published.payload).toBe(201);
    const file = await coordinator.get(world.url(`/${id}/attachments/${upload.body.id}`));
    expect(file.rawPayload.toString()).toBe('name,label\nnorth,North tap\n');
    // Replacing keeps the published bytes readable by id (the old row becomes a tombstone).
    const replaced = await coordinator.post(world.url(`/${id}/attachments`), {
      fileName: 'points.csv',
      contentBase64: base64(new TextEncoder().encode('name,label\nsouth,South tap\n')),
    });
    const listed = await coordinator.get(world.url(`/${id}/attachments`));
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([replaced.body.id]);
    const old = await world.as.partner.get(world.url(`/${id}/attachments/${upload.body.id}`));
    expect(old.statusCode).toBe(200);
    const unpublished = await world.as.partner.get(world.url(`/${id}/attachments/${replaced.body.id}`));
    expect(unpublished.statusCode).toBe(404);
    const removed = await coordinator.delete(world.url(`/${id}/attachments/${replaced.body.id}`));
    expect(removed.statusCode).toBe(204);
    expect((await coordinator.get(world.url(`/${id}/attachments`))).body.items).toEqual([]);
  });

  it('locates builder errors by question path', async () => {
    const model = form([
      question('age', 'integer', { default: 'Age' }, { bind: { relevant: '${nope} > 1' } }),
    ]);
    const response = await world.as.staff.post(world.url(), { model });
    expect(response.statusCode).toBe(400);
    expect(response.body.code).toBe('form.model.invalid');
    expect(response.body.errors[0]).toMatchObject({
      path: '/age',
      sheet: 'survey',
      row: 2,
      column: 'relevant',
    });
  });
});

describe('large lists and draft replacement', () => {
  it('takes a 10,000-row choice list', async () => {
    const choices = Array.from({ length: 10_000 }, (_, i) => ({
      name: `c${i}`,
      label: { default: `Choice ${i}` },
      media: {},
      extra: {},
    }));
    const model = form(
      [question('street', 'select_one', { default: 'Which street?' }, { list: 'streets' })],
      {
        streets: choices,
      },
    );
    const created = await world.as.coordinator.post(world.url(), { model });
    expect(created.statusCode, created.payload.slice(0, 300)).toBe(201);
    expect(created.body.draft.choices.streets).toHaveLength(10_000);
    const file = await world.as.coordinator.get(world.url(`/${created.body.id}/draft/xlsform`));
    const again = await importXlsForm(new Uint8Array(file.rawPayload), 'streets.xlsx');
    expect(again.ok && again.form.choices.streets?.length).toBe(10_000);
  }, 60_000);

  it('replaces a draft from an upload, all or nothing, and audits field names only', async () => {
    const { coordinator } = world.as;
    const created = await coordinator.post(world.url(), { model: housingForm() });
    const id = created.body.id;
    const broken = await coordinator.put(world.url(`/${id}/draft/xlsform`), {
      fileName: 'bad_calc.xlsx',
      contentBase64: base64(conformanceFile('bad_calc.xlsx')),
    });
    expect(broken.statusCode).toBe(400);
    expect((await coordinator.get(world.url(`/${id}`))).body.draft).toEqual(created.body.draft);
    const replaced = await coordinator.put(world.url(`/${id}/draft/xlsform`), {
      fileName: 'group.xlsx',
      contentBase64: base64(conformanceFile('group.xlsx')),
      baseRevision: created.body.revision,
    });
    expect(replaced.statusCode, replaced.payload).toBe(200);
    expect(replaced.body.draft).not.toEqual(created.body.draft);
    const log = await coordinator.get(`/api/workspaces/${world.workspaceId}/audit?entityType=form`);
    const actions = log.body.items.filter((e: { entityId: string }) => e.entityId === id);
    expect(actions.map((e: { action: string; fields: string[] }) => [e.action, e.fields])).toEqual([
      ['form.draft.import', ['draft']],
      ['form.create.builder', ['draft', 'formId', 'title']],
    ]);
    expect(JSON.stringify(log.body)).not.toContain('Where did you sleep');
  });
});
