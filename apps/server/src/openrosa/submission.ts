// A Collect submission goes through the same ingest as the web's (validation, idempotency by
// instance id, conflicts kept, "needs attention" flags); only reading the XML and attaching the
// files sent beside it are OpenRosa's own. A resent XML with more files (a split upload, or a retry)
// is a duplicate of the stored submission, and its new files are added.
import { createHash } from 'node:crypto';
import type { IngestOutcome } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { findFile } from '../submissions/file-queries.ts';
import { receivePart } from '../submissions/files.ts';
import { ingestBatch, type Submitter } from '../submissions/ingest.ts';
import { preparedVersion } from '../submissions/prepared.ts';
import { filesOf, findSubmission, updateSubmissionRow, upsertFileRefs } from '../submissions/queries.ts';
import { answersFrom } from './answers.ts';
import { receiveEdit } from './edit.ts';
import { childNamed, readXml } from './instance.ts';
import type { OpenRosaPost, ReceivedFile } from './multipart.ts';
import { versionsByKey } from './queries.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Our id for an instanceID: the UUID itself (`uuid:` dropped), or for a client that makes other
 * ids a UUID derived from it, so that resending it is still recognised.
 */
export function submissionIdFor(instanceId: string): string {
  const bare = instanceId.replace(/^uuid:/i, '').toLowerCase();
  if (uuidPattern.test(bare)) return bare;
  const hex = createHash('sha256').update(`openrosa:${instanceId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const instanceProblem = (detail: string, path: string) =>
  new AppError('openrosa.instance_invalid', 400, detail, [
    { path, message: detail, code: 'openrosa.instance_invalid' },
  ]);

/** How a refused ingest outcome is answered: Collect shows the words and keeps the submission to retry. */
const refusedStatus: Record<string, number> = {
  'submission.form_unknown': 404,
  'submission.version_unknown': 404,
  'submission.form_unpublished': 404,
  'submission.form_archived': 409,
  'submission.not_assigned': 403,
  'conflict.id_reused': 409,
};

export interface OpenRosaResult {
  outcome: IngestOutcome;
  filesAdded: number;
  filesMissing: string[];
}

export async function receiveSubmission(
  ctx: RequestContext,
  submitter: Submitter,
  post: OpenRosaPost,
): Promise<OpenRosaResult> {
  const root = readXml(post.xml);
  const formKey = root.attributes.id;
  if (!formKey)
    throw instanceProblem('The instance names no form: its root has no id.', 'xml_submission_file.id');
  const label = root.attributes.version ?? '';
  const meta = childNamed(root, 'meta');
  const instanceId = meta && childNamed(meta, 'instanceID')?.text.trim();
  if (!instanceId)
    throw instanceProblem('The instance has no meta/instanceID.', 'xml_submission_file.meta.instanceID');
  const candidates = await versionsByKey(ctx.db, submitter.workspaceId, formKey, label);
  if (candidates.length === 0)
    throw new AppError('submission.form_unknown', 404, `There is no form "${formKey}" here.`);
  const matching = candidates.filter((c) => c.number !== null && c.version_id !== null);
  if (matching.length > 1)
    throw new AppError(
      'submission.form_ambiguous',
      409,
      `Two forms here have the id "${formKey}" and version "${label}": a coordinator must change one form's id.`,
    );
  const version = matching[0];
  if (!version?.number || !version.version_id)
    throw new AppError(
      'submission.version_unknown',
      404,
      `The form "${formKey}" has no published version "${label}": update the form on the phone.`,
    );
  // The model from the compiled-version cache: parsing it per submission was most of XML's extra cost.
  const { form } = await preparedVersion(ctx, submitter.workspaceId, {
    id: version.version_id,
    form_id: version.form_id,
    number: version.number,
  });
  const { answers, fileNames } = answersFrom(root, form);
  const deprecatedId = meta && childNamed(meta, 'deprecatedID')?.text.trim();
  if (deprecatedId) {
    const edit = { deprecatedId, instanceId, formId: version.form_id, answers };
    const edited = await receiveEdit(ctx, submitter, edit, submissionIdFor(deprecatedId));
    if (edited) {
      const added = await attachFiles(ctx, submitter.workspaceId, edited.submissionId, fileNames, post.files);
      return { outcome: edited.outcome, ...added };
    }
  }
  const id = submissionIdFor(instanceId);
  const deviceId = meta && childNamed(meta, 'deviceID')?.text.trim();
  const [outcome] = await ingestBatch(
    ctx,
    submitter,
    [
      {
        id,
        formId: version.form_id,
        formVersion: version.number,
        answers,
        files: [],
        ...(deviceId ? { deviceId: deviceId.slice(0, 200) } : {}),
      },
    ],
    'openrosa',
  );
  if (!outcome) throw new Error('ingest gave no outcome');
  if (outcome.status === 'refused') {
    const problem = outcome.problem;
    throw new AppError(
      problem?.code ?? 'request.invalid',
      refusedStatus[problem?.code ?? ''] ?? 400,
      problem?.detail,
      problem?.errors,
    );
  }
  // A conflicting copy's files are kept too when the stored submission lacks them (a file of the
  // same name already received is not replaced: the stored answers name it).
  const added = await attachFiles(ctx, submitter.workspaceId, id, fileNames, post.files);
  return { outcome, ...added };
}

/** Stores the files the answers name (each whole, checked as the web's parts are); others are ignored. */
async function attachFiles(
  ctx: RequestContext,
  workspaceId: string,
  id: string,
  fileNames: string[],
  files: ReceivedFile[],
) {
  // Most instances name no file: nothing to look up.
  if (fileNames.length === 0) return { filesAdded: 0, filesMissing: [] };
  let submission = await findSubmission(ctx.db, workspaceId, id);
  if (!submission) throw new Error('the submission just stored is not there');
  if (submission.files_expected < fileNames.length) {
    await updateSubmissionRow(ctx.db, workspaceId, id, { files_expected: fileNames.length });
    submission = { ...submission, files_expected: fileNames.length };
  }
  let filesAdded = 0;
  for (const file of files) {
    if (!fileNames.includes(file.name) || file.bytes.length === 0) continue;
    const before = await findFile(ctx.db, workspaceId, id, file.name);
    if (before?.complete === 1) continue;
    if (!before)
      await upsertFileRefs(ctx.db, [
        {
          workspace_id: workspaceId,
          submission_id: id,
          name: file.name,
          content_type: file.contentType,
          size: file.bytes.length,
          sha256: createHash('sha256').update(file.bytes).digest('hex'),
          received_bytes: 0,
          complete: 0,
          created_at: ctx.now,
          updated_at: ctx.now,
        },
      ]);
    await receivePart(ctx, submission, file.name, 0, new Uint8Array(file.bytes));
    filesAdded += 1;
  }
  const stored = new Set(
    (await filesOf(ctx.db, workspaceId, [id])).filter((f) => f.complete === 1).map((f) => f.name),
  );
  return { filesAdded, filesMissing: fileNames.filter((name) => !stored.has(name)) };
}
