// Durable background work from the jobs table, with no broker: a job is inserted in the same
// transaction as the request that wants it, claimed atomically by a runner, kept alive by a
// heartbeat, retried with back-off when it fails, and taken up again after a crash (a running job
// whose heartbeat stopped goes back to the queue). Used for exports; later for PDFs and messages.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addSeconds } from '../clock.ts';
import type { ServerDeps } from '../context.ts';
import { newId } from '../ids.ts';
import { claimJob, type JobRow, requeueStale, updateJob } from './queries.ts';

export interface JobTools {
  deps: ServerDeps;
  job: JobRow;
  params: unknown;
  /** Reports progress (written at most once a second). */
  progress(done: number, total: number | null): Promise<void>;
  /** Where to write the job's output file (a folder of its own under DATA_DIR/jobs). */
  outputPath(fileName: string): string;
  signal: AbortSignal;
}

export interface JobResult {
  result?: unknown;
  file?: { name: string; contentType: string; size: number };
}

export interface JobKind {
  name: string;
  run(tools: JobTools): Promise<JobResult>;
}

export interface JobRunner {
  /** Claims and runs due jobs until none is left; resolves with how many ran. */
  drain(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export const jobFolder = (deps: ServerDeps, job: { workspace_id: string; id: string }) =>
  join(deps.config.dataDir, 'jobs', job.workspace_id, job.id);

export function createJobRunner(
  deps: ServerDeps,
  kinds: JobKind[],
  options: { pollMs?: number; leaseSeconds?: number; workerId?: string } = {},
): JobRunner {
  const pollMs = options.pollMs ?? 1000;
  const leaseSeconds = options.leaseSeconds ?? 60;
  const workerId = options.workerId ?? `worker-${newId()}`;
  const now = () => deps.clock.now().toISOString();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const stopping = new AbortController();

  async function runOne(job: JobRow) {
    const kind = kinds.find((k) => k.name === job.kind);
    const ws = job.workspace_id;
    if (!kind) {
      await updateJob(deps.db, ws, job.id, {
        status: 'failed',
        error: `no runner knows jobs of kind ${job.kind}`,
        finished_at: now(),
        updated_at: now(),
      });
      return;
    }
    let lastProgress = 0;
    const beat = setInterval(
      () => {
        void updateJob(deps.db, ws, job.id, { heartbeat_at: now() }).catch(() => {});
      },
      (leaseSeconds * 1000) / 3,
    );
    beat.unref();
    try {
      const folder = jobFolder(deps, job);
      const outcome = await kind.run({
        deps,
        job,
        params: JSON.parse(job.params) as unknown,
        signal: stopping.signal,
        outputPath: (fileName) => {
          mkdirSync(folder, { recursive: true });
          return join(folder, fileName);
        },
        progress: async (done, total) => {
          if (Date.now() - lastProgress < 1000 && done !== total) return;
          lastProgress = Date.now();
          await updateJob(deps.db, ws, job.id, {
            progress_done: done,
            progress_total: total,
            heartbeat_at: now(),
            updated_at: now(),
          });
        },
      });
      await updateJob(deps.db, ws, job.id, {
        status: 'done',
        result: outcome.result === undefined ? null : JSON.stringify(outcome.result),
        file_name: outcome.file?.name ?? null,
        file_type: outcome.file?.contentType ?? null,
        file_size: outcome.file?.size ?? null,
        finished_at: now(),
        updated_at: now(),
        error: null,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.log.warn({ job: job.id, kind: job.kind, attempt: job.attempts, err: message }, 'job failed');
      const again = job.attempts < job.max_attempts && !stopping.signal.aborted;
      await updateJob(
        deps.db,
        ws,
        job.id,
        again
          ? {
              status: 'queued',
              claimed_by: null,
              run_after: addSeconds(now(), 5 * 2 ** job.attempts),
              error: message,
              updated_at: now(),
            }
          : {
              status: stopping.signal.aborted ? 'queued' : 'failed',
              error: message,
              finished_at: stopping.signal.aborted ? null : now(),
              updated_at: now(),
            },
      );
    } finally {
      clearInterval(beat);
    }
  }

  async function drain() {
    await requeueStale(deps.db, addSeconds(now(), -leaseSeconds), now());
    let count = 0;
    for (;;) {
      if (stopping.signal.aborted) return count;
      const job = await claimJob(deps.db, deps.databaseKind, workerId, now());
      if (!job) return count;
      await runOne(job);
      count += 1;
    }
  }

  return {
    drain,
    start() {
      const tick = () => {
        running = drain()
          .catch((error) => deps.log.error({ err: error }, 'job runner failed'))
          .finally(() => {
            if (!stopping.signal.aborted) timer = setTimeout(tick, pollMs);
          });
      };
      tick();
    },
    async stop() {
      stopping.abort();
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
