// One batch from a phone's outbox (or a backup file): every item gets its own outcome, and one bad
// item never stops the others. Valid and invalid submissions are both stored (invalid ones
// flagged "needs attention" with their reasons); only what cannot be stored at all (an unknown
// form, a version the server does not have, a malformed item) is refused, in words.
import type { IngestOutcome, SubmissionItem } from '@coproduce/contract';
import { flagsSubmission, validateAnswers } from '@coproduce/forms/submission';
import type { RequestContext } from '../context.ts';
import type { SubmissionsTable } from '../db/collection-schema.ts';
import { newId } from '../ids.ts';
import { answerRows, insertAnswerRows } from './answer-rows.ts';
import type { AnswerLayout } from './answer-tables.ts';
import { canonicalJson } from './compiled.ts';
import { writeEntityRecords } from './entity-records.ts';
import {
  type Collector,
  type Content,
  collectorOf,
  contentHash,
  refuseCollector,
  refused,
} from './ingest-items.ts';
import { type IngestLookups, readIngestLookups } from './ingest-lookups.ts';
import { preparedVersion } from './prepared.ts';
import {
  contentHashes,
  filesOf,
  insertSubmissions,
  insertVersions,
  submissionsByIds,
  updateSubmissionRow,
  upsertFileRefs,
  type VersionRow,
} from './queries.ts';

export interface Submitter {
  workspaceId: string;
  role: import('@coproduce/contract').Role;
  personId: string;
  accountId: string | null;
  deviceAccessId?: string | null;
  /** A phone's device access collects these forms only, instead of the person's assignments. */
  deviceFormIds?: string[] | null;
}

export type IngestSource = SubmissionsTable['source'];

/**
 * Stores a batch in the caller's transaction; the outcomes come back in the order sent. `lookups`
 * read before the transaction (ingest-lookups.ts) are used when given, else read here.
 */
export async function ingestBatch(
  ctx: RequestContext,
  submitter: Submitter,
  rawItems: unknown[],
  source: IngestSource,
  lookups?: IngestLookups,
): Promise<IngestOutcome[]> {
  const { parsed, versions, forms, assigned, collectors } =
    lookups ?? (await readIngestLookups(ctx.db, submitter, rawItems));
  const items = parsed.flatMap((p) => ('item' in p ? [p] : []));
  const ws = submitter.workspaceId;
  const existing = new Map(
    (
      await submissionsByIds(
        ctx.db,
        ws,
        items.map((p) => p.item.id),
      )
    ).map((r) => [r.id, r]),
  );
  const hashes = existing.size ? await contentHashes(ctx.db, ws, [...existing.keys()]) : [];
  const layouts = new Map<string, AnswerLayout>();
  const outcomes = new Map<number, IngestOutcome>();
  for (const p of parsed) if ('outcome' in p) outcomes.set(p.index, p.outcome);

  const seenInBatch = new Map<string, string>();
  const fresh: Array<{
    index: number;
    item: SubmissionItem;
    version: VersionRow;
    content: Content;
    collector: Collector | null;
    issues: ReturnType<typeof validateAnswers>;
  }> = [];
  for (const { index, item } of items) {
    const collectorRefusal = refuseCollector(submitter, collectors, index, item);
    if (collectorRefusal) {
      outcomes.set(index, collectorRefusal);
      continue;
    }
    const collector = collectorOf(submitter, collectors, item);
    const form = forms.find((f) => f.id === item.formId);
    const version = versions.find((v) => v.form_id === item.formId && v.number === item.formVersion);
    if (!form || form.deleted_at) {
      outcomes.set(
        index,
        refused(index, item.id, 'submission.form_unknown', 'There is no such form here.', [
          { path: `items.${index}.formId`, message: 'no such form' },
        ]),
      );
      continue;
    }
    if (form.status === 'archived') {
      outcomes.set(
        index,
        refused(
          index,
          item.id,
          'submission.form_archived',
          'This form is archived and takes no more submissions.',
          [{ path: `items.${index}.formId`, message: 'archived' }],
        ),
      );
      continue;
    }
    if (!version) {
      outcomes.set(
        index,
        refused(
          index,
          item.id,
          form.latest_version_id ? 'submission.version_unknown' : 'submission.form_unpublished',
          form.latest_version_id
            ? `The form has no version ${item.formVersion}.`
            : 'The form is not published yet.',
          [{ path: `items.${index}.formVersion`, message: 'not a published version of this form' }],
        ),
      );
      continue;
    }
    if (assigned && !assigned.has(item.formId)) {
      outcomes.set(
        index,
        refused(
          index,
          item.id,
          'submission.not_assigned',
          submitter.deviceFormIds
            ? 'This phone was not given this form to collect. Ask a coordinator.'
            : 'You are not assigned to collect this form. Ask a coordinator.',
          [{ path: `items.${index}.formId`, message: 'not assigned to you' }],
        ),
      );
      continue;
    }
    const answersText = canonicalJson(item.answers);
    const content = { answers: answersText, hash: contentHash(item, answersText) };
    const before = existing.get(item.id);
    const twin = seenInBatch.get(item.id);
    if (before || twin) {
      const known =
        twin === content.hash ||
        hashes.some((h) => h.submission_id === item.id && h.content_hash === content.hash);
      if (known) {
        outcomes.set(index, {
          index,
          id: item.id,
          status: 'duplicate',
          ...(before ? { state: before.state, revision: String(before.revision) } : {}),
          issues: [],
          filesMissing: [],
        });
        continue;
      }
      if (!before) {
        // The same id twice in one batch with different content: the second waits for a retry.
        outcomes.set(
          index,
          refused(
            index,
            item.id,
            'submission.id_twice',
            'This id is twice in the batch with different answers; send it again on its own.',
            [{ path: `items.${index}.id`, message: 'twice in this batch' }],
          ),
        );
        continue;
      }
      if (before.form_id !== item.formId) {
        outcomes.set(
          index,
          refused(index, item.id, 'conflict.id_reused', 'A submission of another form already has this id.', [
            { path: `items.${index}.id`, message: 'used by another form' },
          ]),
        );
        continue;
      }
      outcomes.set(
        index,
        await storeConflict(ctx, submitter, index, item, version, content, before.version_count, collector),
      );
      continue;
    }
    seenInBatch.set(item.id, content.hash);
    const prepared = await preparedVersion(ctx, submitter.workspaceId, version);
    layouts.set(version.id, prepared.layout as AnswerLayout);
    fresh.push({
      index,
      item,
      version,
      content,
      collector,
      issues: validateAnswers(prepared.compiled, item.answers),
    });
  }

  const revision = fresh.length ? await ctx.revision() : '0';
  const submissionRows = [];
  const versionRows = [];
  const answerTables = new Map<string, Array<Record<string, string | number | null>>>();
  for (const { index, item, version, content, collector, issues } of fresh) {
    const versionId = newId();
    const flagged = issues.some(flagsSubmission);
    submissionRows.push({
      workspace_id: ws,
      id: item.id,
      created_at: ctx.now,
      updated_at: ctx.now,
      revision,
      deleted_at: null,
      form_id: item.formId,
      form_version_id: version.id,
      state: flagged ? ('needs_attention' as const) : ('received' as const),
      has_conflict: 0,
      current_version_id: versionId,
      version_count: 1,
      instance_name: instanceName(item),
      issues: JSON.stringify(issues),
      files_expected: item.files.length,
      files_received: 0,
      source: collector ? ('backup' as const) : source,
      assignment_id: item.assignmentId ?? null,
      device_access_id: submitter.deviceAccessId ?? null,
      submitted_by_account_id: collector?.accountId ?? submitter.accountId,
      submitted_by_person_id: collector?.personId ?? ctx.onBehalfOfPersonId ?? submitter.personId,
      received_at: ctx.now,
      reviewed_by_person_id: null,
      reviewed_at: null,
    });
    versionRows.push(
      versionRow(ctx, submitter, item, versionId, 1, 'original', version.id, content, issues, collector),
    );
    for (const [table, rows] of answerRows(
      layouts.get(version.id) as AnswerLayout,
      ws,
      item.id,
      versionId,
      item.answers,
    )) {
      const list = answerTables.get(table);
      if (list) list.push(...rows);
      else answerTables.set(table, rows);
    }
    // Taken in from someone's backup file: the one who sent it is the actor, the collector is
    // whom it was done for.
    ctx.audit({
      action: 'submission.create',
      entityType: 'submission',
      entityId: item.id,
      fields: ['answers', ...(item.files.length ? ['files'] : [])],
      ...(collector ? { onBehalfOfPersonId: collector.personId } : {}),
    });
    outcomes.set(index, {
      index,
      id: item.id,
      status: flagged ? 'needs_attention' : 'stored',
      state: flagged ? 'needs_attention' : 'received',
      revision,
      issues,
      filesMissing: item.files.map((f) => f.name),
    });
  }
  await insertSubmissions(ctx.db, submissionRows);
  await insertVersions(ctx.db, versionRows);
  await insertAnswerRows(ctx.db, answerTables, ctx.deps.databaseKind);
  await upsertFileRefs(
    ctx.db,
    fresh.flatMap(({ item }) =>
      item.files.map((f) => ({
        workspace_id: ws,
        submission_id: item.id,
        name: f.name,
        content_type: f.contentType,
        size: f.size,
        sha256: f.sha256,
        received_bytes: 0,
        complete: 0,
        created_at: ctx.now,
        updated_at: ctx.now,
      })),
    ),
  );
  await writeEntityRecords(ctx, submitter, fresh, outcomes);
  await reportFilesMissing(ctx, ws, outcomes);
  if (
    fresh.length === 0 &&
    [...outcomes.values()].every((o) => o.status === 'duplicate' || o.status === 'refused')
  )
    ctx.unchanged();
  return parsed.map((p) => outcomes.get(p.index) as IngestOutcome);
}

/** The name a reviewer sees: meta/instanceName when the form computes one. */
function instanceName(item: SubmissionItem): string | null {
  const meta = item.answers.meta;
  const name = meta && typeof meta === 'object' && !Array.isArray(meta) ? meta.instanceName : undefined;
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 300) : null;
}

function versionRow(
  ctx: RequestContext,
  submitter: Submitter,
  item: SubmissionItem,
  id: string,
  number: number,
  kind: 'original' | 'conflict',
  formVersionId: string,
  content: Content,
  issues: unknown[],
  collector: Collector | null,
) {
  return {
    workspace_id: submitter.workspaceId,
    id,
    submission_id: item.id,
    number,
    kind,
    form_version_id: formVersionId,
    answers: content.answers,
    content_hash: content.hash,
    issues: JSON.stringify(issues),
    base_version_id: null,
    reason: null,
    meta: JSON.stringify({
      startedAt: item.startedAt ?? null,
      finishedAt: item.finishedAt ?? null,
      deviceId: item.deviceId ?? null,
      files: item.files,
    }),
    created_by_account_id: collector?.accountId ?? submitter.accountId,
    created_by_person_id: collector?.personId ?? ctx.onBehalfOfPersonId ?? submitter.personId,
    created_at: ctx.now,
  };
}

/**
 * The same instance id with other answers: both are kept. The copy becomes a version of kind
 * "conflict" and the submission is flagged for a coordinator; its current answers do not change.
 */
async function storeConflict(
  ctx: RequestContext,
  submitter: Submitter,
  index: number,
  item: SubmissionItem,
  version: VersionRow,
  content: Content,
  versionCount: number,
  collector: Collector | null,
): Promise<IngestOutcome> {
  const issues = validateAnswers(
    (await preparedVersion(ctx, submitter.workspaceId, version)).compiled,
    item.answers,
  );
  const revision = await ctx.revision();
  await insertVersions(ctx.db, [
    versionRow(
      ctx,
      submitter,
      item,
      newId(),
      versionCount + 1,
      'conflict',
      version.id,
      content,
      issues,
      collector,
    ),
  ]);
  await updateSubmissionRow(ctx.db, submitter.workspaceId, item.id, {
    has_conflict: 1,
    version_count: versionCount + 1,
    updated_at: ctx.now,
    revision,
  });
  ctx.audit({
    action: 'submission.conflict',
    entityType: 'submission',
    entityId: item.id,
    fields: ['answers'],
    ...(collector ? { onBehalfOfPersonId: collector.personId } : {}),
  });
  return { index, id: item.id, status: 'conflict', revision, issues, filesMissing: [] };
}

/** Which declared files have not fully arrived yet, per stored or duplicate outcome. */
async function reportFilesMissing(
  ctx: RequestContext,
  workspaceId: string,
  outcomes: Map<number, IngestOutcome>,
) {
  // Only submissions that name files, or that were here before (a retry), can have files missing.
  const ids = [...outcomes.values()]
    .filter((o) => o.id && o.status !== 'refused' && (o.status === 'duplicate' || o.filesMissing.length > 0))
    .map((o) => o.id as string);
  if (ids.length === 0) return;
  const files = await filesOf(ctx.db, workspaceId, ids);
  for (const outcome of outcomes.values()) {
    if (!outcome.id || outcome.status === 'refused') continue;
    outcome.filesMissing = files
      .filter((f) => f.submission_id === outcome.id && f.complete !== 1)
      .map((f) => f.name);
  }
}
