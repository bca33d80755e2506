// Incremental download through the workspace change feed: the phone keeps its cursor with the
// downloaded forms, assignments, its submissions' review states and the records of its assigned
// places (settlements, sections, the structures of its sections), sealed in one record per
// workspace, and asks only for what changed after it. Each page and the cursor that follows it are
// written in one put, so an interrupted download resumes where it stopped and never starts over
// (unless the server says the researcher's scope changed: `reset`).
import type {
  Assignment,
  ChangesPage,
  FeedItem,
  FormAttachment,
  FormSummary,
  FormVersion,
  Section,
  Structure,
  SubmissionSummary,
} from '@coproduce/contract';
import { buildPath, call, routes } from '../api.ts';
import { sha256, toBase64 } from './files.ts';
import type { UserStore } from './store.ts';

export interface CollectCache {
  cursor: string | null;
  syncedAt: string | null;
  forms: Record<string, FormSummary>;
  /** Every published version of the forms this researcher collects, by version id. */
  versions: Record<string, FormVersion>;
  attachments: Record<string, FormAttachment>;
  assignments: Record<string, Assignment>;
  /** This researcher's sent submissions as the server sees them (review state, needs a fix). */
  submissions: Record<string, SubmissionSummary>;
  /** The places the researcher's assignments name: settlements, their sections, and the
   * structures of the assigned sections (what a numbering team checks a painted number against). */
  settlements: Record<string, Extract<FeedItem, { kind: 'settlement' }>['data'] & object>;
  sections: Record<string, Section>;
  structures: Record<string, Structure>;
  /** The bytes of the forms' media and CSV files, by attachment id, checked against their SHA-256. */
  media: Record<
    string,
    { formId: string; fileName: string; contentType: string; sha256: string; base64: string }
  >;
}

export type FetchChanges = (workspaceId: string, since: string | null) => Promise<ChangesPage>;

export const changesFromApi: FetchChanges = (workspaceId, since) =>
  call('listChanges', {
    params: { workspaceId },
    query: since ? { since, limit: 500 } : { limit: 500 },
  });

export const emptyCache = (): CollectCache => ({
  cursor: null,
  syncedAt: null,
  forms: {},
  versions: {},
  attachments: {},
  assignments: {},
  submissions: {},
  settlements: {},
  sections: {},
  structures: {},
  media: {},
});

export async function readCollectCache(store: UserStore, workspaceId: string): Promise<CollectCache> {
  return { ...emptyCache(), ...((await store.readCache<CollectCache>(workspaceId)) ?? {}) };
}

function apply(cache: CollectCache, item: FeedItem): void {
  const table =
    item.kind === 'form'
      ? cache.forms
      : item.kind === 'formVersion'
        ? cache.versions
        : item.kind === 'attachment'
          ? cache.attachments
          : item.kind === 'assignment'
            ? cache.assignments
            : item.kind === 'submission'
              ? cache.submissions
              : item.kind === 'settlement'
                ? cache.settlements
                : item.kind === 'section'
                  ? cache.sections
                  : item.kind === 'structure'
                    ? cache.structures
                    : null;
  if (!table) return; // teams: the phone needs only the assignments they produce
  if (item.deleted || !item.data) delete table[item.id];
  else (table as Record<string, unknown>)[item.id] = item.data;
}

export interface DownloadReport {
  pages: number;
  items: number;
  reset: boolean;
  /** Attachment files fetched this time (only new or changed ones). */
  files: number;
}

/** Lists a form's attachments and fetches one file's bytes (the app's API, or a test's HTTP). */
export interface FetchMedia {
  list(workspaceId: string, formId: string): Promise<FormAttachment[]>;
  bytes(workspaceId: string, formId: string, attachmentId: string): Promise<Uint8Array>;
}

export const mediaFromApi: FetchMedia = {
  list: async (workspaceId, formId) =>
    (await call('listFormAttachments', { params: { workspaceId, formId } })).items,
  async bytes(workspaceId, formId, attachmentId) {
    const url = buildPath(routes.downloadFormAttachment[1], { workspaceId, formId, attachmentId });
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`attachment ${attachmentId}: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  },
};

/**
 * Fetches the files of attachments the feed announced that the phone does not hold yet (or holds
 * in another version). The feed does not say which form an attachment belongs to, so the forms
 * are asked for their lists, once per download and only when something is missing.
 */
async function downloadMedia(workspaceId: string, cache: CollectCache, media: FetchMedia): Promise<number> {
  for (const id of Object.keys(cache.media)) if (!cache.attachments[id]) delete cache.media[id];
  const missing = Object.values(cache.attachments).filter((a) => cache.media[a.id]?.sha256 !== a.sha256);
  if (missing.length === 0) return 0;
  const wanted = new Set(missing.map((a) => a.id));
  let fetched = 0;
  for (const formId of Object.keys(cache.forms)) {
    for (const attachment of await media.list(workspaceId, formId)) {
      if (!wanted.has(attachment.id)) continue;
      const bytes = await media.bytes(workspaceId, formId, attachment.id);
      if ((await sha256(bytes)) !== attachment.sha256) throw new Error(`attachment ${attachment.id} damaged`);
      const { fileName, contentType } = attachment;
      cache.media[attachment.id] = {
        formId,
        fileName,
        contentType,
        sha256: attachment.sha256,
        base64: toBase64(bytes),
      };
      fetched++;
    }
  }
  return fetched;
}

/** Downloads what changed since the stored cursor; safe to interrupt at any point. */
export async function downloadChanges(
  store: UserStore,
  workspaceId: string,
  fetchPage: FetchChanges = changesFromApi,
  now: () => Date = () => new Date(),
  media: FetchMedia = mediaFromApi,
): Promise<DownloadReport> {
  let cache = await readCollectCache(store, workspaceId);
  const report: DownloadReport = { pages: 0, items: 0, reset: false, files: 0 };
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await fetchPage(workspaceId, cache.cursor);
    if (page.reset) {
      cache = emptyCache();
      report.reset = true;
    }
    for (const item of page.items) apply(cache, item);
    cache.cursor = page.cursor;
    cache.syncedAt = now().toISOString();
    await store.writeCache(workspaceId, cache);
    report.pages++;
    report.items += page.items.length;
    if (!page.hasMore) break;
  }
  report.files = await downloadMedia(workspaceId, cache, media);
  if (report.files > 0) await store.writeCache(workspaceId, cache);
  return report;
}

/** The newest published version of a form on this phone, the one new work starts on. */
export function latestVersion(cache: CollectCache, formId: string): FormVersion | null {
  let best: FormVersion | null = null;
  for (const version of Object.values(cache.versions))
    if (version.formId === formId && (!best || version.number > best.number)) best = version;
  return best;
}

export function versionOf(cache: CollectCache, formId: string, number: number): FormVersion | null {
  return Object.values(cache.versions).find((v) => v.formId === formId && v.number === number) ?? null;
}
