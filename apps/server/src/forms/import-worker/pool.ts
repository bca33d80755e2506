import { type ChildProcess, fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ImportBudget } from './budget.ts';
import type { ParseAnswer, ParseRequest } from './parse.ts';

const entry = fileURLToPath(new URL('./entry.mjs', import.meta.url));
/** A reader left idle this long is ended; starting one (tsx, exceljs) takes about a second. */
const idleMs = 60_000;
/** The end of a reader's stderr, kept to tell a heap overflow from other deaths. */
const stderrKept = 4096;
/** The readers' niceness (the server's is 0, the lowest 19). */
const readerNice = 10;

export type PoolOutcome = ParseAnswer | { ok: false; reason: 'memory' | 'time' | 'exit'; message: string };

interface Reader {
  child: ChildProcess;
  stderr: string;
}

/**
 * Child processes that read workbooks, each with its own heap limit. Processes, not worker threads:
 * a worker thread past its heap limit can abort the whole server ("Reached heap limit", Node issue
 * 47224, reproduced here with a 48 MB heap), while a child that dies takes only itself. A reader is
 * reused while it behaves, ended the moment it passes its time or memory budget, and at most
 * `perServer` idle ones are kept.
 */
export class ParsePool {
  private readonly idle: { reader: Reader; timer: NodeJS.Timeout }[] = [];
  private readonly all = new Set<Reader>();
  private closed = false;

  constructor(private readonly budget: ImportBudget) {}

  private spawn(): Reader {
    const child = fork(entry, [], {
      // Set here, not inherited: the server's own flags (or vitest's) are not the reader's business.
      execArgv: [`--max-old-space-size=${this.budget.heapMb}`, '--max-semi-space-size=8'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    // A reader is CPU a client chose: it runs below the server, so that /health and everyone else's
    // requests get the core first (bench/hostile-import.ts). Best effort: lowering needs no rights.
    if (child.pid !== undefined) {
      try {
        setPriority(child.pid, readerNice);
      } catch {}
    }
    const reader: Reader = { child, stderr: '' };
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      reader.stderr = (reader.stderr + text).slice(-stderrKept);
    });
    // A reader that cannot start or dies while idle is simply dropped; run() listens for its own.
    child.on('error', () => this.drop(reader));
    child.on('exit', () => this.drop(reader));
    this.all.add(reader);
    return reader;
  }

  private drop(reader: Reader) {
    this.all.delete(reader);
    const at = this.idle.findIndex((kept) => kept.reader === reader);
    if (at >= 0) {
      clearTimeout(this.idle[at]?.timer);
      this.idle.splice(at, 1);
    }
  }

  private end(reader: Reader) {
    this.drop(reader);
    if (reader.child.exitCode === null && reader.child.signalCode === null) reader.child.kill('SIGKILL');
  }

  private take(): Reader {
    const kept = this.idle.pop();
    if (!kept) return this.spawn();
    clearTimeout(kept.timer);
    kept.reader.child.ref();
    kept.reader.child.channel?.ref();
    return kept.reader;
  }

  private giveBack(reader: Reader) {
    if (this.closed || this.idle.length >= this.budget.perServer || !reader.child.connected) {
      this.end(reader);
      return;
    }
    // An idle reader must not keep the server (or a test run) alive.
    reader.child.unref();
    reader.child.channel?.unref();
    const timer = setTimeout(() => this.end(reader), idleMs);
    timer.unref();
    this.idle.push({ reader, timer });
  }

  run(request: ParseRequest): Promise<PoolOutcome> {
    if (this.closed) {
      return Promise.resolve({ ok: false, reason: 'exit', message: 'the server is closing' });
    }
    const reader = this.take();
    const { child } = reader;
    return new Promise<PoolOutcome>((resolve) => {
      let done = false;
      const finish = (outcome: PoolOutcome, keep: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('error', onError);
        child.off('exit', onExit);
        if (keep) this.giveBack(reader);
        else this.end(reader);
        resolve(outcome);
      };
      const onMessage = (answer: ParseAnswer) => finish(answer, answer.ok);
      const onError = (error: Error) => finish({ ok: false, reason: 'exit', message: error.message }, false);
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        // V8 prints this and aborts when the heap limit is reached.
        const memory = /heap out of memory|Allocation failed/i.test(reader.stderr);
        const how = signal ? `signal ${signal}` : `exit code ${code}`;
        finish(
          { ok: false, reason: memory ? 'memory' : 'exit', message: `the reader stopped (${how})` },
          false,
        );
      };
      const timer = setTimeout(
        () => finish({ ok: false, reason: 'time', message: 'over the time budget' }, false),
        this.budget.timeMs,
      );
      child.on('message', onMessage);
      child.once('error', onError);
      child.once('exit', onExit);
      child.send({ ...request, bytes: new Uint8Array(request.bytes) }, (error) => {
        if (error) onError(error);
      });
    });
  }

  /** Ends every reader, idle or reading (a reading one answers its import with a refusal). */
  close() {
    this.closed = true;
    for (const reader of [...this.all]) this.end(reader);
  }
}
