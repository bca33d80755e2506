// Incremental download through the workspace change feed: the phone keeps its cursor with the
// downloaded forms, assignments and its submissions' review states, sealed in one record per
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
  SubmissionSummary,
} from '@coproduce/contract';
import { call } from '../api.ts';
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
              : null;
  if (!table) return; // teams: the phone needs only the assignments they produce
  if (item.deleted || !item.data) delete table[item.id];
  else (table as Record<string, unknown>)[item.id] = item.data;
}

export interface DownloadReport {
  pages: number;
  items: number;
  reset: boolean;
}

/** Downloads what changed since the stored cursor; safe to interrupt at any point. */
export async function downloadChanges(
  store: UserStore,
  workspaceId: string,
  fetchPage: FetchChanges = changesFromApi,
  now: () => Date = () => new Date(),
): Promise<DownloadReport> {
  let cache = await readCollectCache(store, workspaceId);
  const report: DownloadReport = { pages: 0, items: 0, reset: false };
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
