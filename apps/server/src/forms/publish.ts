import type { FormVersionSummary } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import { archivedError, type FormCaller, require } from './caller.ts';
import { checkModel } from './model.ts';
import { presentVersion } from './present.ts';
import {
  findVersion,
  insertVersion,
  listAttachments,
  listVersions,
  personNames,
  updateForm,
  versionTaken,
} from './queries.ts';
import { draftOf, visibleForm } from './read.ts';

/** pyxform's default version is a timestamp; ours too, to the second, so later sorts after. */
const timestampVersion = (now: string) => now.replace(/\D/g, '').slice(0, 14);

/**
 * Publishes the draft as a new version. The publish-time checks run here (a select-from-file
 * whose CSV is not attached is now an error). The version row is never updated afterwards.
 */
export async function publishForm(
  ctx: RequestContext,
  caller: FormCaller,
  formId: string,
  requested: string | undefined,
): Promise<FormVersionSummary> {
  const row = await visibleForm(ctx.db, caller, formId);
  require(caller, 'publish');
  if (row.status === 'archived') throw archivedError();
  const attachments = await listAttachments(ctx.db, caller.workspaceId, formId);
  const checked = await checkModel(
    draftOf(row),
    attachments.map((a) => a.file_name),
    { publish: true, field: 'draft' },
  );
  const previous = await listVersions(ctx.db, caller.workspaceId, formId);
  const number = (previous[0]?.number ?? 0) + 1;
  let version = requested ?? timestampVersion(ctx.now);
  if (await versionTaken(ctx.db, caller.workspaceId, formId, version)) {
    if (requested !== undefined) {
      throw new AppError('request.invalid', 400, `version: "${version}" was already published`, [
        { path: 'version', message: 'already published: choose another version' },
      ]);
    }
    version = `${version}-${number}`;
  }
  const model = { ...checked.form, settings: { ...checked.form.settings, version } };
  const id = newId();
  const revision = await ctx.revision();
  await insertVersion(ctx.db, {
    workspace_id: caller.workspaceId,
    id,
    form_id: formId,
    number,
    version,
    model: JSON.stringify(model),
    attachments: JSON.stringify(
      attachments.map((a) => ({ id: a.id, fileName: a.file_name, sha256: a.sha256 })),
    ),
    published_by_account_id: caller.accountId,
    published_by_person_id: caller.personId,
    published_at: ctx.now,
    revision,
  });
  await updateForm(ctx.db, caller.workspaceId, formId, {
    status: 'published',
    latest_version_id: id,
    updated_at: ctx.now,
    updated_by_account_id: caller.accountId,
    revision,
  });
  ctx.audit({ action: 'form.publish', entityType: 'form', entityId: formId, fields: ['version', 'model'] });
  const stored = await findVersion(ctx.db, caller.workspaceId, formId, id);
  if (!stored) throw new Error('the version just written is missing');
  return presentVersion(stored, await personNames(ctx.db, caller.workspaceId, [caller.personId]));
}
