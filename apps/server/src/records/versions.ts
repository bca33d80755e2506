import type { RequestContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { newId } from '../ids.ts';
import { changedFields, changeOutcome, type RecordKind, recordTables } from './policy.ts';
import { insertVersion, type RecordVersionRow, versionById } from './queries.ts';

/**
 * One mechanism for every record type (settlement, section, structure, facility, round,
 * household, member): each write is a version that keeps who, when, from which submission and on
 * which base version; the record's row holds the current content in typed columns for queries.
 */
export interface VersionSource {
  submissionId?: string | null;
  reason?: string | null;
}

export interface RecordRef {
  workspaceId: string;
  kind: RecordKind;
  id: string;
}

type Content = Record<string, unknown>;

function versionRow(
  ctx: RequestContext,
  ref: RecordRef,
  fields: { number: number; kind: RecordVersionRow['kind']; content: Content; changed: string[] },
  base: string | null,
  source: VersionSource,
): RecordVersionRow {
  return {
    workspace_id: ref.workspaceId,
    id: newId(),
    record_kind: ref.kind,
    record_id: ref.id,
    number: fields.number,
    kind: fields.kind,
    content: JSON.stringify(fields.content),
    changed: JSON.stringify(fields.changed),
    base_version_id: base,
    submission_id: source.submissionId ?? null,
    reason: source.reason ?? null,
    created_by_account_id: ctx.actor?.accountId ?? null,
    created_by_person_id: ctx.onBehalfOfPersonId ?? ctx.membership?.personId ?? null,
    created_at: ctx.now,
  };
}

/** The columns a new versioned row starts with, and its first version (written here). */
export async function firstVersion(
  ctx: RequestContext,
  ref: RecordRef,
  content: Content,
  source: VersionSource = {},
) {
  const version = versionRow(
    ctx,
    ref,
    { number: 1, kind: 'original', content, changed: Object.keys(content).sort() },
    null,
    source,
  );
  await insertVersion(ctx.db, version);
  return {
    current_version_id: version.id,
    version_count: 1,
    has_conflict: 0,
    created_at: ctx.now,
    updated_at: ctx.now,
    revision: await ctx.revision(),
    deleted_at: null,
  };
}

export interface CurrentRecord {
  current_version_id: string;
  version_count: number;
  has_conflict: number;
}

export type ChangeResult =
  | { outcome: 'applied'; versionId: string; changed: string[] }
  | { outcome: 'conflict'; versionId: string; changed: string[] }
  | { outcome: 'unchanged'; versionId: string; changed: [] };

/**
 * A change made on `baseVersionId`: `before` is the record's current content and `after` what the
 * writer wants. Applied when the base is current (the row's columns set to `columns`), kept as a
 * conflict version otherwise. The row update is conditional on the version read, so a concurrent
 * writer on PostgreSQL turns this into a conflict instead of a lost update.
 */
export async function changeRecord(
  ctx: RequestContext,
  ref: RecordRef,
  current: CurrentRecord,
  change: { baseVersionId: string; before: Content; after: Content; columns: Record<string, unknown> },
  source: VersionSource = {},
): Promise<ChangeResult> {
  const base = change.baseVersionId;
  // Against a stale base, what the writer changed is judged against that base's content.
  const stale = base !== current.current_version_id;
  const baseContent = stale ? await contentOf(ctx, ref, base) : change.before;
  if (!baseContent)
    throw new AppError('request.invalid', 400, 'That base version is not a version of this record.', [
      { path: 'body.baseVersionId', message: 'not a version of this record' },
    ]);
  const changed = changedFields(baseContent, change.after);
  const outcome = changeOutcome(current.current_version_id, base, changed);
  if (outcome === 'unchanged') return { outcome, versionId: current.current_version_id, changed: [] };
  const table = recordTables[ref.kind];
  if (outcome === 'applied') {
    const versionId = newId();
    const revision = await ctx.revision();
    // The number comes from the row itself, under its lock: concurrent writers never share one.
    const updated = await ctx.db
      .updateTable(table as 'structures')
      .set((eb) => ({
        ...(change.columns as object),
        current_version_id: versionId,
        version_count: eb('version_count', '+', 1),
        updated_at: ctx.now,
        revision,
      }))
      .where('workspace_id', '=', ref.workspaceId)
      .where('id', '=', ref.id)
      .where('current_version_id', '=', current.current_version_id)
      .returning('version_count')
      .executeTakeFirst();
    if (updated) {
      const number = Number(updated.version_count);
      const version = versionRow(
        ctx,
        ref,
        { number, kind: 'change', content: change.after, changed },
        base,
        source,
      );
      await insertVersion(ctx.db, { ...version, id: versionId });
      return { outcome, versionId, changed };
    }
    // Changed meanwhile by another transaction: keep this one as a conflict on the fresh row.
  }
  return keepConflict(ctx, ref, change.after, changed, base, source);
}

/** Takes the record's next version number under its row lock (and sets its other columns). */
async function nextNumber(ctx: RequestContext, ref: RecordRef, set: Record<string, unknown>) {
  const revision = await ctx.revision();
  const row = await ctx.db
    .updateTable(recordTables[ref.kind] as 'structures')
    .set((eb) => ({
      ...(set as object),
      version_count: eb('version_count', '+', 1),
      updated_at: ctx.now,
      revision,
    }))
    .where('workspace_id', '=', ref.workspaceId)
    .where('id', '=', ref.id)
    .returning('version_count')
    .executeTakeFirstOrThrow();
  return Number(row.version_count);
}

async function keepConflict(
  ctx: RequestContext,
  ref: RecordRef,
  content: Content,
  changed: string[],
  base: string,
  source: VersionSource,
): Promise<ChangeResult> {
  const number = await nextNumber(ctx, ref, { has_conflict: 1 });
  const version = versionRow(ctx, ref, { number, kind: 'conflict', content, changed }, base, source);
  await insertVersion(ctx.db, version);
  return { outcome: 'conflict', versionId: version.id, changed };
}

/**
 * A coordinator's resolution: the chosen content becomes current (a version citing the current one
 * as its base) and the flag is cleared. The conflicting versions stay in the history.
 */
export async function resolveRecord(
  ctx: RequestContext,
  ref: RecordRef,
  current: CurrentRecord,
  resolution: { before: Content; after: Content; columns: Record<string, unknown> },
  reason: string,
) {
  const changed = changedFields(resolution.before, resolution.after);
  const versionId = newId();
  const number = await nextNumber(ctx, ref, {
    ...resolution.columns,
    current_version_id: versionId,
    has_conflict: 0,
  });
  const version = versionRow(
    ctx,
    ref,
    { number, kind: 'resolution', content: resolution.after, changed },
    current.current_version_id,
    { reason },
  );
  await insertVersion(ctx.db, { ...version, id: versionId });
  return versionId;
}

async function contentOf(ctx: RequestContext, ref: RecordRef, versionId: string): Promise<Content | null> {
  const row = await versionById(ctx.db, ref.workspaceId, ref.kind, versionId);
  return row ? (JSON.parse(row.content) as Content) : null;
}
