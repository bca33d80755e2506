import type { Tx } from '../db/connect.ts';

/**
 * The published versions a Collect instance may mean by its root `id` (form key) and `version`
 * label, with a row per form of that key (version null where the form has no such label): form keys
 * are not unique in a workspace, so the label tells forms apart.
 */
export async function versionsByKey(trx: Tx, workspaceId: string, formKey: string, label: string) {
  return trx
    .selectFrom('forms')
    .leftJoin('form_versions', (join) =>
      join
        .onRef('form_versions.workspace_id', '=', 'forms.workspace_id')
        .onRef('form_versions.form_id', '=', 'forms.id')
        .on('form_versions.version', '=', label),
    )
    .select(['forms.id as form_id', 'form_versions.id as version_id', 'form_versions.number'])
    .where('forms.workspace_id', '=', workspaceId)
    .where('forms.form_key', '=', formKey)
    .where('forms.deleted_at', 'is', null)
    .execute();
}

/** The version an ODK client's instanceID names: an edit's, recorded as it came. */
export function versionByInstanceId(trx: Tx, workspaceId: string, instanceId: string) {
  return trx
    .selectFrom('submission_versions')
    .select(['id', 'submission_id'])
    .where('workspace_id', '=', workspaceId)
    .where('instance_id', '=', instanceId)
    .executeTakeFirst();
}

/** A submission's first version, which an edit with no recorded instanceID was made on. */
export function firstVersionId(trx: Tx, workspaceId: string, submissionId: string) {
  return trx
    .selectFrom('submission_versions')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('submission_id', '=', submissionId)
    .where('number', '=', 1)
    .executeTakeFirst();
}
