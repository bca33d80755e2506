import { createHash } from 'node:crypto';
import { endpoints } from '@coproduce/contract';
import { xmlElement as el, type Form, generateXForm, serializeXml } from '@coproduce/forms';
import type { FastifyRequest } from 'fastify';
import { deviceSecretHeader } from '../auth/resolve.ts';
import type { RequestContext } from '../context.ts';
import { deviceLinkBase } from '../device-access/settings.ts';
import { notFound } from '../errors.ts';
import type { Registrar } from '../http/register.ts';
import { canSubmissions } from '../submissions/policy.ts';
import { collectableFormIds } from '../submissions/queries.ts';
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
export async function formList(ctx: RequestContext, linkBase: string): Promise<Uint8Array> {
  const caller = formCaller(ctx);
  const base = `${linkBase}/api/workspaces/${caller.workspaceId}/forms`;
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
  const assigned = await collectableFormIds(ctx.db, {
    ...caller,
    deviceFormIds: ctx.membership?.device?.formIds ?? null,
  });
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
export async function manifest(
  ctx: RequestContext,
  linkBase: string,
  formId: string,
  versionId: string,
): Promise<Uint8Array> {
  const caller = formCaller(ctx);
  refuseOtherForms(ctx, formId);
  await visibleForm(ctx.db, caller, formId);
  const version = await findVersion(ctx.db, caller.workspaceId, formId, versionId);
  if (!version) throw notFound('That version');
  const base = `${linkBase}/api/workspaces/${caller.workspaceId}/forms/${formId}/attachments`;
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

/** A phone asking for a form it was not given is told it is not there, as for another workspace's. */
export function refuseOtherForms(ctx: RequestContext, formId: string) {
  const device = ctx.membership?.device;
  if (device && !device.formIds.includes(formId)) throw notFound('That form');
}

/** Links in OpenRosa documents: a phone's carry its secret, since Collect follows them as given. */
const linkBaseOf = (ctx: RequestContext, request: FastifyRequest) => {
  const secret = ctx.membership?.device ? request.headers[deviceSecretHeader] : undefined;
  return deviceLinkBase(ctx.deps.config.publicUrl, typeof secret === 'string' ? secret : null);
};

export function openRosaRoutes(api: Registrar) {
  api.register(endpoints.openRosaFormList, async ({ ctx, reply, request }) => {
    openRosaHeaders(reply);
    return formList(ctx, linkBaseOf(ctx, request));
  });
  api.register(endpoints.getFormVersionManifest, async ({ ctx, params, reply, request }) => {
    openRosaHeaders(reply);
    return manifest(ctx, linkBaseOf(ctx, request), params.formId, params.versionId);
  });
}
