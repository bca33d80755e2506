import type { FormVersionSummary } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import type { Db } from '../db/connect.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import { ensureAnswerTables } from '../submissions/answer-tables.ts';
import { archivedError, changedMeanwhile, type FormCaller, require } from './caller.ts';
import { type CheckedForm, checkModel } from './model.ts';
import { presentVersion } from './present.ts';
import {
  findForm,
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

/** The draft as checked before the transaction, and what it was checked against. */
export interface PublishCheck {
  revision: string;
  attachments: string;
  checked: CheckedForm;
}

const attachmentKey = (rows: { id: string }[]) =>
  rows
    .map((a) => a.id)
    .sort()
    .join(',');

/**
 * The publish-time checks (a select-from-file whose CSV is not attached is now an error). They
 * write and re-read the whole workbook, which takes seconds for a big form, so they run before
 * the transaction; null when there is nothing to check (the handler then answers 404 or 409).
 */
export async function checkForPublishing(
  db: Db,
  workspaceId: string,
  formId: string,
): Promise<PublishCheck | null> {
  const row = await findForm(db, workspaceId, formId);
  if (!row || row.status === 'archived') return null;
  const attachments = await listAttachments(db, workspaceId, formId);
  const checked = await checkModel(
    draftOf(row),
    attachments.map((a) => a.file_name),
    { publish: true, field: 'draft' },
  );
  return { revision: String(row.revision), attachments: attachmentKey(attachments), checked };
}

/** Publishes the checked draft as a new version. The version row is never updated afterwards. */
export async function publishForm(
  ctx: RequestContext,
  caller: FormCaller,
  formId: string,
  requested: string | undefined,
  check: PublishCheck | null,
): Promise<FormVersionSummary> {
  const row = await visibleForm(ctx.db, caller, formId);
  require(caller, 'publish');
  if (row.status === 'archived') throw archivedError();
  const attachments = await listAttachments(ctx.db, caller.workspaceId, formId);
  if (!check || check.revision !== String(row.revision) || check.attachments !== attachmentKey(attachments)) {
    throw new AppError('form.stale', 409, 'The form changed while it was being checked: publish again.');
  }
  const { checked } = check;
  const previous = await listVersions(ctx.db, caller.workspaceId, formId);
  const number = (previous[0]?.number ?? 0) + 1;
  let version = requested ?? timestampVersion(ctx.now);
  if (await versionTaken(ctx.db, caller.workspaceId, formId, version)) {
    if (requested !== undefined) {
      throw new AppError('request.invalid', 400, `version: "${version}" was already published`, [
        { path: 'body.version', message: 'already published: choose another version', code: 'version.taken' },
      ]);
    }
    version = `${version}-${number}`;
  }
  const model = { ...checked.form, settings: { ...checked.form.settings, version } };
  const id = newId();
  const revision = await ctx.revision();
  // The form first: a concurrent publish then waits on this row and stops with a 409, instead
  // of racing for the same version number.
  const formUpdated = await updateForm(ctx.db, caller.workspaceId, formId, row.revision, {
    status: 'published',
    latest_version_id: id,
    updated_at: ctx.now,
    updated_by_account_id: caller.accountId,
    revision,
  });
  if (!formUpdated) throw changedMeanwhile();
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
  // The typed answer columns for this version are made now, so ingest never alters a table.
  await ensureAnswerTables(ctx.db, ctx.deps.databaseKind, caller.workspaceId, formId, number, model);
  ctx.audit({ action: 'form.publish', entityType: 'form', entityId: formId, fields: ['version', 'model'] });
  const stored = await findVersion(ctx.db, caller.workspaceId, formId, id);
  if (!stored) throw new Error('the version just written is missing');
  return presentVersion(stored, await personNames(ctx.db, caller.workspaceId, [caller.personId]));
}
