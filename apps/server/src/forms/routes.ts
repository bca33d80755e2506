import { endpoints, xlsxContentType } from '@coproduce/contract';
import { exportXlsForm, type Form } from '@coproduce/forms';
import type { Db } from '../db/connect.ts';
import { notFound } from '../errors.ts';
import { sendFile } from '../http/download.ts';
import type { Registrar } from '../http/register.ts';
import { openRosaHeaders } from '../openrosa/response.ts';
import { attachmentContent, attachmentList, deleteAttachment, uploadAttachment } from './attachments.ts';
import { formCaller, require, requireBeforeWork } from './caller.ts';
import { codesignRoutes } from './codesign-routes.ts';
import { diffForms } from './diff.ts';
import { archiveForm, createForm, saveDraft } from './drafts.ts';
import { formPage } from './list.ts';
import { type CheckedForm, checkModel, decodeUpload, importUpload } from './model.ts';
import { openRosaRoutes, refuseOtherForms, versionXForm } from './openrosa.ts';
import { presentVersion } from './present.ts';
import { checkForPublishing, type PublishCheck, publishForm } from './publish.ts';
import { attachmentNames, findVersion, listVersions, personNames } from './queries.ts';
import { draftOf, formDetail, visibleForm } from './read.ts';
import { listTemplates, templateForm } from './templates.ts';

/** Attachment names of a form, read before the transaction (for import warnings only). */
const namesBefore = (db: Db, workspaceId: string, formId: string) => attachmentNames(db, workspaceId, formId);

export function formRoutes(api: Registrar) {
  api.register(endpoints.listForms, async ({ ctx, query }) => formPage(ctx, formCaller(ctx), query));

  api.register<typeof endpoints.createForm, CheckedForm>(
    endpoints.createForm,
    async ({ ctx, body, prepared }) =>
      createForm(ctx, formCaller(ctx), prepared, { ...(body.id ? { id: body.id } : {}), source: 'builder' }),
    {
      prepare: async ({ deps, caller, params, body }) => {
        await requireBeforeWork(deps, caller, params.workspaceId, 'create');
        return checkModel(body.model, []);
      },
    },
  );

  api.register<typeof endpoints.importForm, CheckedForm>(
    endpoints.importForm,
    async ({ ctx, body, prepared }) =>
      createForm(ctx, formCaller(ctx), prepared, { ...(body.id ? { id: body.id } : {}), source: 'xlsform' }),
    {
      prepare: async ({ deps, caller, params, body }) => {
        await requireBeforeWork(deps, caller, params.workspaceId, 'create');
        return importUpload(decodeUpload(body.contentBase64), body.fileName, [], {
          deps,
          workspaceId: params.workspaceId,
        });
      },
    },
  );

  api.register(endpoints.listFormTemplates, async ({ ctx }) => {
    require(formCaller(ctx), 'readDraft');
    return {
      items: await listTemplates((file, error) => ctx.deps.log.error({ err: error, file }, 'bad template')),
    };
  });

  api.register<typeof endpoints.createFormFromTemplate, CheckedForm>(
    endpoints.createFormFromTemplate,
    async ({ ctx, body, prepared }) =>
      createForm(ctx, formCaller(ctx), prepared, { ...(body.id ? { id: body.id } : {}), source: 'template' }),
    {
      prepare: async ({ deps, caller, params, body }) => {
        await requireBeforeWork(deps, caller, params.workspaceId, 'create');
        return templateForm(body.templateId);
      },
    },
  );

  api.register(endpoints.getForm, async ({ ctx, params }) => {
    const caller = formCaller(ctx);
    return formDetail(ctx.db, caller, await visibleForm(ctx.db, caller, params.formId));
  });

  api.register<typeof endpoints.updateFormDraft, CheckedForm>(
    endpoints.updateFormDraft,
    async ({ ctx, params, body, prepared }) =>
      saveDraft(ctx, formCaller(ctx), params.formId, prepared, body.baseRevision, 'builder'),
    {
      prepare: async ({ deps, caller, params, body }) => {
        await requireBeforeWork(deps, caller, params.workspaceId, 'edit');
        return checkModel(body.model, await namesBefore(deps.db, params.workspaceId, params.formId));
      },
    },
  );

  api.register<typeof endpoints.importFormDraft, CheckedForm>(
    endpoints.importFormDraft,
    async ({ ctx, params, body, prepared }) =>
      saveDraft(ctx, formCaller(ctx), params.formId, prepared, body.baseRevision, 'xlsform'),
    {
      prepare: async ({ deps, caller, params, body }) => {
        await requireBeforeWork(deps, caller, params.workspaceId, 'edit');
        return importUpload(
          decodeUpload(body.contentBase64),
          body.fileName,
          await namesBefore(deps.db, params.workspaceId, params.formId),
          { deps, workspaceId: params.workspaceId },
        );
      },
    },
  );

  api.register(endpoints.downloadFormDraft, async ({ ctx, params, reply }) => {
    const caller = formCaller(ctx);
    const row = await visibleForm(ctx.db, caller, params.formId);
    require(caller, 'readDraft');
    sendFile(reply, `${row.form_key}.xlsx`, xlsxContentType);
    return exportXlsForm(draftOf(row));
  });

  api.register<typeof endpoints.publishForm, PublishCheck | null>(
    endpoints.publishForm,
    async ({ ctx, params, body, prepared }) =>
      publishForm(ctx, formCaller(ctx), params.formId, body.version, prepared),
    {
      prepare: async ({ deps, caller, params }) => {
        await requireBeforeWork(deps, caller, params.workspaceId, 'publish');
        return checkForPublishing(deps.db, params.workspaceId, params.formId);
      },
    },
  );

  api.register(endpoints.archiveForm, async ({ ctx, params }) => {
    const {
      draft: _draft,
      warnings: _warnings,
      versions: _versions,
      credits: _credits,
      ...summary
    } = await archiveForm(ctx, formCaller(ctx), params.formId);
    return summary;
  });

  api.register(endpoints.listFormVersions, async ({ ctx, params }) => {
    const caller = formCaller(ctx);
    await visibleForm(ctx.db, caller, params.formId);
    const rows = await listVersions(ctx.db, caller.workspaceId, params.formId);
    const names = await personNames(
      ctx.db,
      caller.workspaceId,
      rows.map((r) => r.published_by_person_id),
    );
    return { items: rows.map((r) => presentVersion(r, names)) };
  });

  const versionOf = async (db: Db, workspaceId: string, formId: string, versionId: string) => {
    const row = await findVersion(db, workspaceId, formId, versionId);
    if (!row) throw notFound('That version');
    return row;
  };

  api.register(endpoints.getFormVersion, async ({ ctx, params }) => {
    const caller = formCaller(ctx);
    await visibleForm(ctx.db, caller, params.formId);
    const row = await versionOf(ctx.db, caller.workspaceId, params.formId, params.versionId);
    const names = await personNames(ctx.db, caller.workspaceId, [row.published_by_person_id]);
    return { ...presentVersion(row, names), model: JSON.parse(row.model) as Record<string, unknown> };
  });

  api.register(endpoints.downloadFormVersion, async ({ ctx, params, reply }) => {
    const caller = formCaller(ctx);
    const form = await visibleForm(ctx.db, caller, params.formId);
    const row = await versionOf(ctx.db, caller.workspaceId, params.formId, params.versionId);
    sendFile(reply, `${form.form_key}-${row.version}.xlsx`, xlsxContentType);
    return exportXlsForm(JSON.parse(row.model) as Form);
  });

  // Same authorization as reading the version; the instance carries the form id and version label
  // so a submission from ODK Collect names the version it was filled in.
  api.register(endpoints.getFormVersionXForm, async ({ ctx, params, reply }) => {
    const caller = formCaller(ctx);
    refuseOtherForms(ctx, params.formId);
    const form = await visibleForm(ctx.db, caller, params.formId);
    const row = await versionOf(ctx.db, caller.workspaceId, params.formId, params.versionId);
    openRosaHeaders(reply);
    return new TextEncoder().encode(versionXForm(form.form_key, row));
  });

  api.register(endpoints.getFormChanges, async ({ ctx, params }) => {
    const caller = formCaller(ctx);
    const row = await visibleForm(ctx.db, caller, params.formId);
    require(caller, 'readDraft');
    const latest = row.latest_version_id
      ? await versionOf(ctx.db, caller.workspaceId, row.id, row.latest_version_id)
      : null;
    const before: Form = latest
      ? (JSON.parse(latest.model) as Form)
      : { settings: { extra: {} }, survey: [], choices: {}, choiceColumns: [], otherSheets: [] };
    return {
      since: latest
        ? {
            id: latest.id,
            number: Number(latest.number),
            version: latest.version,
            publishedAt: latest.published_at,
          }
        : null,
      ...diffForms(before, draftOf(row)),
    };
  });

  api.register(endpoints.listFormAttachments, async ({ ctx, params }) => ({
    items: await attachmentList(ctx, formCaller(ctx), params.formId),
  }));

  api.register<typeof endpoints.uploadFormAttachment, Uint8Array>(
    endpoints.uploadFormAttachment,
    async ({ ctx, params, body, prepared }) =>
      uploadAttachment(ctx, formCaller(ctx), params.formId, body.fileName, prepared),
    {
      prepare: async ({ deps, caller, params, body }) => {
        await requireBeforeWork(deps, caller, params.workspaceId, 'edit');
        return decodeUpload(body.contentBase64);
      },
    },
  );

  api.register(endpoints.downloadFormAttachment, async ({ ctx, params, reply }) => {
    refuseOtherForms(ctx, params.formId);
    const row = await attachmentContent(ctx, formCaller(ctx), params.formId, params.attachmentId);
    sendFile(reply, row.file_name, row.content_type);
    // The stored bytes as they came from the database, not copied again for the reply.
    return Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength);
  });

  api.register(endpoints.deleteFormAttachment, async ({ ctx, params }) => {
    await deleteAttachment(ctx, formCaller(ctx), params.formId, params.attachmentId);
    return undefined;
  });

  codesignRoutes(api);
  openRosaRoutes(api);
}
