import { Worker } from 'node:worker_threads';
import type { ImportBudget } from './budget.ts';
import type { ParseAnswer, ParseRequest } from './parse.ts';

const entry = new URL('./entry.mjs', import.meta.url);
/** A worker left idle this long is ended; starting one (tsx, exceljs) takes about a second. */
const idleMs = 60_000;

export type PoolOutcome = ParseAnswer | { ok: false; reason: 'memory' | 'time' | 'exit'; message: string };

/**
 * Worker threads that read workbooks, each with its own heap limit. A worker is reused while it
 * behaves and ended the moment it passes its time or memory budget; at most `size` are kept.
 */
export class ParsePool {
  private readonly idle: { worker: Worker; timer: NodeJS.Timeout }[] = [];

  constructor(private readonly budget: ImportBudget) {}

  private spawn(): Worker {
    return new Worker(entry, {
      resourceLimits: {
        maxOldGenerationSizeMb: this.budget.heapMb,
        maxYoungGenerationSizeMb: 16,
        stackSizeMb: 4,
      },
      stdout: false,
      stderr: false,
    });
  }

  private take(): Worker {
    const kept = this.idle.pop();
    if (!kept) return this.spawn();
    clearTimeout(kept.timer);
    kept.worker.ref();
    return kept.worker;
  }

  private giveBack(worker: Worker) {
    if (this.idle.length >= this.budget.perServer) {
      void worker.terminate();
      return;
    }
    worker.unref();
    const timer = setTimeout(() => {
      const at = this.idle.findIndex((kept) => kept.worker === worker);
      if (at >= 0) this.idle.splice(at, 1);
      void worker.terminate();
    }, idleMs);
    timer.unref();
    this.idle.push({ worker, timer });
  }

  run(request: ParseRequest): Promise<PoolOutcome> {
    const worker = this.take();
    return new Promise<PoolOutcome>((resolve) => {
      let done = false;
      const finish = (outcome: PoolOutcome, keep: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (keep) this.giveBack(worker);
        else void worker.terminate();
        resolve(outcome);
      };
      const onMessage = (answer: ParseAnswer) => finish(answer, answer.ok);
      const onError = (error: Error & { code?: string }) =>
        finish(
          {
            ok: false,
            reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'exit',
            message: error.message,
          },
          false,
        );
      const onExit = (code: number) =>
        finish({ ok: false, reason: 'exit', message: `the worker stopped with exit code ${code}` }, false);
      const timer = setTimeout(
        () => finish({ ok: false, reason: 'time', message: 'over the time budget' }, false),
        this.budget.timeMs,
      );
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      const bytes = new Uint8Array(request.bytes);
      worker.postMessage({ ...request, bytes }, [bytes.buffer]);
    });
  }
}
