// The forms domain's sources of the change feed (sync/feed.ts): forms, their published versions
// with the model a phone fills in offline, and attachments, for the forms the viewer may see
// (and, for a researcher, collects).
import type { FeedItem } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { revisionText } from '../db/revision.ts';
import type { FeedRow, FeedSource, Viewer } from '../sync/feed.ts';
import { changedSince } from '../sync/rows.ts';
import { can } from './policy.ts';
import { presentAttachment, presentSummary, presentVersion } from './present.ts';
import { openThreadCounts, personNames, publishedAttachmentIds, versionsByIds } from './queries.ts';

const formCallerOf = (viewer: Viewer) => ({
  workspaceId: viewer.workspaceId,
  role: viewer.role,
  personId: viewer.personId,
  accountId: null,
  authorPersonId: viewer.personId,
});

const row = (
  kind: FeedItem['kind'],
  id: string,
  revision: string | number | bigint,
  deleted: boolean,
  data: unknown,
): FeedRow => ({
  id,
  revision: revisionText(revision),
  item: { kind, id, revision: revisionText(revision), deleted, data: deleted ? null : data } as FeedItem,
});

export const formsSource: FeedSource = {
  kind: 'form',
  async read(ctx: RequestContext, viewer, after, limit) {
    if (!can(viewer.role, 'readPublished')) return [];
    let q = ctx.db.selectFrom('forms').selectAll().where('workspace_id', '=', viewer.workspaceId);
    if (viewer.formIds) q = q.where('id', 'in', [...viewer.formIds, '']);
    if (!can(viewer.role, 'readDraft')) q = q.where('latest_version_id', 'is not', null);
    const { rows } = await changedSince(q, after, limit);
    const latest = await versionsByIds(
      ctx.db,
      viewer.workspaceId,
      rows.flatMap((r) => (r.latest_version_id ? [r.latest_version_id] : [])),
    );
    const counts = can(viewer.role, 'readDraft')
      ? await openThreadCounts(
          ctx.db,
          viewer.workspaceId,
          rows.map((r) => r.id),
        )
      : new Map<string, number>();
    const caller = formCallerOf(viewer);
    return rows.map((r) =>
      row(
        'form',
        r.id,
        r.revision,
        r.deleted_at !== null,
        presentSummary(r, caller, {
          latest: latest.find((v) => v.id === r.latest_version_id) ?? null,
          openThreads: counts.get(r.id) ?? 0,
        }),
      ),
    );
  },
};

export const formVersionsSource: FeedSource = {
  kind: 'formVersion',
  async read(ctx, viewer, after, limit) {
    if (!can(viewer.role, 'readPublished')) return [];
    let q = ctx.db.selectFrom('form_versions').selectAll().where('workspace_id', '=', viewer.workspaceId);
    if (viewer.formIds) q = q.where('form_id', 'in', [...viewer.formIds, '']);
    const { rows } = await changedSince(q, after, limit);
    const names = await personNames(
      ctx.db,
      viewer.workspaceId,
      rows.map((r) => r.published_by_person_id),
    );
    return rows.map((r) =>
      row('formVersion', r.id, r.revision, false, {
        ...presentVersion(r, names),
        model: JSON.parse(r.model) as Record<string, unknown>,
      }),
    );
  },
};

export const attachmentsSource: FeedSource = {
  kind: 'attachment',
  async read(ctx, viewer, after, limit) {
    if (!can(viewer.role, 'readPublished')) return [];
    let q = ctx.db
      .selectFrom('form_attachments')
      .select([
        'id',
        'form_id',
        'file_name',
        'content_type',
        'size',
        'sha256',
        'created_at',
        'deleted_at',
        'revision',
      ])
      .where('workspace_id', '=', viewer.workspaceId);
    if (viewer.formIds) q = q.where('form_id', 'in', [...viewer.formIds, '']);
    const { rows } = await changedSince(q, after, limit);
    let shown = rows;
    if (!can(viewer.role, 'readDraft')) {
      const published = new Set<string>();
      for (const formId of new Set(rows.map((r) => r.form_id))) {
        for (const id of await publishedAttachmentIds(ctx.db, viewer.workspaceId, formId)) published.add(id);
      }
      shown = rows.filter((r) => published.has(r.id));
    }
    return shown.map((r) => row('attachment', r.id, r.revision, r.deleted_at !== null, presentAttachment(r)));
  },
};
