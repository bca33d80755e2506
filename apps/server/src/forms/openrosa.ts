import { createHash } from 'node:crypto';
import { endpoints } from '@coproduce/contract';
import { xmlElement as el, type Form, generateXForm, serializeXml } from '@coproduce/forms';
import type { RequestContext } from '../context.ts';
import { notFound } from '../errors.ts';
import type { Registrar } from '../http/register.ts';
import { canSubmissions, mustBeAssigned } from '../submissions/policy.ts';
import { assignedFormIds } from '../submissions/queries.ts';
import { formCaller } from './caller.ts';
import { findAttachment, findVersion, listForms } from './queries.ts';
import { visibleForm } from './read.ts';

/**
 * OpenRosa 1.0 documents for ODK Collect: the form list and a version's manifest. Collect compares
 * `md5:` hashes with what it holds to decide what to download again.
 */
const md5 = (bytes: string | Uint8Array) => `md5:${createHash('md5').update(bytes).digest('hex')}`;

interface StoredAttachment {
  id: string;
  fileName: string;
  sha256: string;
}

import { openRosaHeaders } from '../openrosa/response.ts';

const encode = (xml: string) => new TextEncoder().encode(xml);

/** The XForm of a version exactly as `form.xml` serves it (same id and version label). */
export function versionXForm(formKey: string, row: { model: string; version: string }) {
  return generateXForm(JSON.parse(row.model) as Form, { formId: formKey, version: row.version });
}

/** Published, unarchived forms the caller may collect: none for members and partners, assigned ones for researchers. */
export async function formList(ctx: RequestContext): Promise<Uint8Array> {
  const caller = formCaller(ctx);
  const base = `${ctx.deps.config.publicUrl}/api/workspaces/${caller.workspaceId}/forms`;
  const forms = canSubmissions(caller.role, 'submit')
    ? await listForms(ctx.db, {
        workspaceId: caller.workspaceId,
        includeDeleted: false,
        onlyPublished: true,
        status: null,
      })
        .orderBy('form_key')
        .execute()
    : [];
  const assigned = mustBeAssigned(caller.role)
    ? await assignedFormIds(ctx.db, caller.workspaceId, caller.personId)
    : null;
  const entries = [];
  for (const form of forms) {
    if (form.status === 'archived' || !form.latest_version_id) continue;
    if (assigned && !assigned.has(form.id)) continue;
    const version = await findVersion(ctx.db, caller.workspaceId, form.id, form.latest_version_id);
    if (!version) continue;
    const at = `${base}/${form.id}/versions/${version.id}`;
    const media = JSON.parse(version.attachments) as StoredAttachment[];
    entries.push(
      el('xform', {}, [
        el('formID', {}, [form.form_key]),
        el('name', {}, [form.title]),
        el('version', {}, [version.version]),
        el('hash', {}, [md5(versionXForm(form.form_key, version))]),
        el('downloadUrl', {}, [`${at}/form.xml`]),
        media.length ? el('manifestUrl', {}, [`${at}/manifest`]) : null,
      ]),
    );
  }
  return encode(serializeXml(el('xforms', { xmlns: 'http://openrosa.org/xforms/xformsList' }, entries)));
}

/** The media files published with a version, with their md5 and where to download each. */
export async function manifest(ctx: RequestContext, formId: string, versionId: string): Promise<Uint8Array> {
  const caller = formCaller(ctx);
  await visibleForm(ctx.db, caller, formId);
  const version = await findVersion(ctx.db, caller.workspaceId, formId, versionId);
  if (!version) throw notFound('That version');
  const base = `${ctx.deps.config.publicUrl}/api/workspaces/${caller.workspaceId}/forms/${formId}/attachments`;
  const files = [];
  for (const media of JSON.parse(version.attachments) as StoredAttachment[]) {
    const row = await findAttachment(ctx.db, caller.workspaceId, formId, media.id);
    if (!row) continue;
    files.push(
      el('mediaFile', {}, [
        el('filename', {}, [media.fileName]),
        el('hash', {}, [md5(new Uint8Array(row.content))]),
        el('downloadUrl', {}, [`${base}/${media.id}`]),
      ]),
    );
  }
  return encode(serializeXml(el('manifest', { xmlns: 'http://openrosa.org/xforms/xformsManifest' }, files)));
}

export function openRosaRoutes(api: Registrar) {
  api.register(endpoints.openRosaFormList, async ({ ctx, reply }) => {
    openRosaHeaders(reply);
    return formList(ctx);
  });
  api.register(endpoints.getFormVersionManifest, async ({ ctx, params, reply }) => {
    openRosaHeaders(reply);
    return manifest(ctx, params.formId, params.versionId);
  });
}
