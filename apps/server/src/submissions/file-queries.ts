import type { Insertable, Updateable } from 'kysely';
import type { SubmissionFilePartsTable, SubmissionFilesTable } from '../db/collection-schema.ts';
import type { Tx } from '../db/connect.ts';

export async function findFile(trx: Tx, workspaceId: string, submissionId: string, name: string) {
  return trx
    .selectFrom('submission_files')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('submission_id', '=', submissionId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function updateFileRow(
  trx: Tx,
  workspaceId: string,
  submissionId: string,
  name: string,
  changes: Updateable<SubmissionFilesTable>,
) {
  await trx
    .updateTable('submission_files')
    .set(changes)
    .where('workspace_id', '=', workspaceId)
    .where('submission_id', '=', submissionId)
    .where('name', '=', name)
    .execute();
}

export async function insertFilePart(trx: Tx, row: Insertable<SubmissionFilePartsTable>) {
  await trx.insertInto('submission_file_parts').values(row).execute();
}

/** A file's parts in byte order: concatenated, they are the file. */
export async function fileParts(trx: Tx, workspaceId: string, submissionId: string, name: string) {
  return trx
    .selectFrom('submission_file_parts')
    .select(['start_byte', 'content'])
    .where('workspace_id', '=', workspaceId)
    .where('submission_id', '=', submissionId)
    .where('name', '=', name)
    .orderBy('start_byte')
    .execute();
}

export async function deleteFileParts(trx: Tx, workspaceId: string, submissionId: string, name: string) {
  await trx
    .deleteFrom('submission_file_parts')
    .where('workspace_id', '=', workspaceId)
    .where('submission_id', '=', submissionId)
    .where('name', '=', name)
    .execute();
}
