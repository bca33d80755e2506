// The outbox sender: finalized submissions go to the batch ingest endpoint, 50 at a time, each with
// the instance id the phone made, so a resend after a lost answer is acknowledged as a duplicate and
// never stored twice. An item leaves the outbox only when the server's outcome names its id as
// stored, flagged, duplicate or conflict; anything else leaves it waiting with the reason.
import type { IngestOutcome, SubmissionItem } from '@coproduce/contract';
import { ApiError, call } from '../api.ts';
import { type FileTransport, filesWithApi, uploadFiles } from './files.ts';
import type { Attempt, Receipt, UserStore, Work } from './store.ts';

/** Sends one batch and returns the server's outcomes; throws ApiError (or anything) on failure. */
export type SendBatch = (workspaceId: string, items: SubmissionItem[]) => Promise<IngestOutcome[]>;

export const sendWithApi: SendBatch = async (workspaceId, items) =>
  (await call('ingestSubmissions', { params: { workspaceId }, body: { items } })).outcomes;

export interface SendReport {
  confirmed: Receipt[];
  /** Items still in the outbox after this round, with their reasons. */
  waiting: number;
  /** Why the round stopped early (no connection, signed out, server down), or null. */
  stopped: Attempt | null;
}

export interface SendOptions {
  batchSize?: number;
  files?: FileTransport;
  now?: () => Date;
}

const confirmedStatuses = new Set<IngestOutcome['status']>([
  'stored',
  'needs_attention',
  'duplicate',
  'conflict',
]);

/** A failed request in the outbox's words: what the screen says and whether to go on. */
export function attemptFrom(error: unknown, at: string): Attempt {
  if (error instanceof ApiError) {
    if (error.code === 'network') return { at, failure: 'network', code: 'network' };
    if (error.status === 401) return { at, failure: 'signed_out', code: error.code };
    if (error.status >= 500) return { at, failure: 'server', code: error.code };
    const detail = error.problem.detail;
    return { at, failure: 'refused', code: error.code, ...(detail ? { detail } : {}) };
  }
  // Anything else (a fetch aborted, no connection at all) is the network's.
  return { at, failure: 'network', code: 'network' };
}

function receiptOf(work: Work, outcome: IngestOutcome, sentAt: string): Receipt {
  return {
    workspaceId: work.workspaceId,
    id: work.item.id,
    formId: work.item.formId,
    formVersion: work.item.formVersion,
    outcome: outcome.status as Receipt['outcome'],
    issueCount: outcome.issues.length,
    ...(work.item.finishedAt ? { finishedAt: work.item.finishedAt } : {}),
    sentAt,
  };
}

// One round per user at a time: "Send now" during an automatic round joins it instead of racing it.
const running = new Map<string, Promise<SendReport>>();

/** Sends everything waiting in this user's outbox; safe to call at any time, offline too. */
export function sendOutbox(
  store: UserStore,
  send: SendBatch = sendWithApi,
  options: SendOptions = {},
): Promise<SendReport> {
  const current = running.get(store.userId);
  if (current) return current;
  const round = sendRound(store, send, options).finally(() => running.delete(store.userId));
  running.set(store.userId, round);
  return round;
}

async function sendRound(store: UserStore, send: SendBatch, options: SendOptions): Promise<SendReport> {
  const batchSize = options.batchSize ?? 50;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  // Housekeeping once per round: receipts older than receiptDays leave (store.ts).
  await store.dropOldReceipts(new Date(now()));
  const waiting = await store.list('outbox');
  // UUIDv7 ids sort by when the submission was started: oldest work goes first.
  waiting.sort((a, b) => (a.item.id < b.item.id ? -1 : 1));
  const byWorkspace = new Map<string, Work[]>();
  for (const work of waiting) {
    const list = byWorkspace.get(work.workspaceId) ?? [];
    list.push(work);
    byWorkspace.set(work.workspaceId, list);
  }
  const report: SendReport = { confirmed: [], waiting: 0, stopped: null };
  for (const [workspaceId, list] of byWorkspace) {
    for (let start = 0; start < list.length; start += batchSize) {
      const batch = list.slice(start, start + batchSize);
      let outcomes: IngestOutcome[];
      try {
        outcomes = await send(
          workspaceId,
          batch.map((work) => work.item),
        );
      } catch (error) {
        const attempt = attemptFrom(error, now());
        for (const work of batch) await store.recordAttempt(work, attempt);
        if (attempt.failure !== 'refused') {
          report.stopped = attempt;
          report.waiting = await store.count('outbox');
          return report;
        }
        continue;
      }
      await applyOutcomes(store, batch, outcomes, now(), report, options.files ?? filesWithApi);
    }
  }
  report.waiting = await store.count('outbox');
  return report;
}

async function applyOutcomes(
  store: UserStore,
  batch: Work[],
  outcomes: IngestOutcome[],
  at: string,
  report: SendReport,
  files: FileTransport,
): Promise<void> {
  // Matched by id, not only by position: an outcome that does not name the item confirms nothing.
  const byId = new Map<string, IngestOutcome>();
  for (const outcome of outcomes) if (outcome.id) byId.set(outcome.id, outcome);
  for (const work of batch) {
    const outcome = byId.get(work.item.id);
    if (!outcome) {
      await store.recordAttempt(work, { at, failure: 'server', code: 'outcome_missing' });
    } else if (confirmedStatuses.has(outcome.status) && outcome.filesMissing.length === 0) {
      const receipt = receiptOf(work, outcome, at);
      await store.confirmSent(receipt);
      report.confirmed.push(receipt);
    } else if (confirmedStatuses.has(outcome.status)) {
      // Stored, but it counts as received only when its files are: send them, resuming.
      let done = false;
      try {
        done = await uploadFiles(work, outcome.filesMissing, files);
      } catch (error) {
        await store.recordAttempt(work, attemptFrom(error, at));
        continue;
      }
      if (done) {
        const receipt = receiptOf(work, outcome, at);
        await store.confirmSent(receipt);
        report.confirmed.push(receipt);
      } else {
        await store.recordAttempt(work, {
          at,
          failure: 'refused',
          code: 'files_missing',
          detail: outcome.filesMissing.join(', '),
        });
      }
    } else {
      const detail = outcome.problem?.detail;
      await store.recordAttempt(work, {
        at,
        failure: 'refused',
        code: outcome.problem?.code ?? 'refused',
        ...(detail ? { detail } : {}),
      });
    }
  }
}
