import { readdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AppError } from '../errors.ts';
import { type CheckedForm, importUpload, summarize } from './model.ts';

/** The shipped questionnaires: packages/forms/templates/*.xlsx, read (and checked) on demand. */
const folder = fileURLToPath(new URL('../../../../packages/forms/templates/', import.meta.url));

interface Template {
  id: string;
  mtimeMs: number;
  checked: CheckedForm;
}
const cache = new Map<string, Template>();

async function templateFiles(): Promise<string[]> {
  try {
    return (await readdir(folder)).filter((name) => /^[\w.-]+\.xlsx$/i.test(name) && !name.startsWith('~$'));
  } catch {
    return [];
  }
}

async function load(fileName: string): Promise<Template> {
  const path = `${folder}${fileName}`;
  const { mtimeMs } = await stat(path);
  const id = fileName.replace(/\.xlsx$/i, '');
  const cached = cache.get(id);
  if (cached && cached.mtimeMs === mtimeMs) return cached;
  const checked = await importUpload(new Uint8Array(await readFile(path)), fileName, []);
  const template = { id, mtimeMs, checked };
  cache.set(id, template);
  return template;
}

/** Each template that imports cleanly; a broken one is left out (and logged by the caller). */
export async function listTemplates(onBroken: (fileName: string, error: unknown) => void) {
  const items = [];
  for (const fileName of (await templateFiles()).sort()) {
    try {
      const { id, checked } = await load(fileName);
      const summary = summarize(checked.form);
      items.push({
        id,
        title: summary.title,
        formId: summary.formKey,
        languages: summary.languages,
        questionCount: summary.questionCount,
      });
    } catch (error) {
      onBroken(fileName, error);
    }
  }
  return items;
}

/** A fresh copy of a template's form, to start a draft from. */
export async function templateForm(templateId: string): Promise<CheckedForm> {
  const fileName = (await templateFiles()).find((name) => name.replace(/\.xlsx$/i, '') === templateId);
  if (!fileName) {
    throw new AppError('form.template.not_found', 404, `There is no template "${templateId}".`, [
      { path: 'body.templateId', message: 'no such template', code: 'value.unknown' },
    ]);
  }
  const { checked } = await load(fileName);
  return structuredClone(checked);
}
