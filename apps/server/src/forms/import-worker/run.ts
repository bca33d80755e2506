import type { ImportOptions, ImportResult } from '@coproduce/forms';
import type { Logger } from 'pino';
import { AppError } from '../../errors.ts';
import { type ImportBudget, importBudgetFrom } from './budget.ts';
import { ParsePool } from './pool.ts';

const retryAfterSeconds = 10;

/**
 * How many imports run, per workspace and in all. A full gate refuses at once (429 or 503 with
 * Retry-After) rather than queueing: a queue of workbooks is memory held for requests nobody waits for.
 */
export class ImportGate {
  private readonly reading = new Map<string, number>();
  private total = 0;

  readonly pool: ParsePool;

  constructor(readonly budget: ImportBudget = importBudgetFrom()) {
    this.pool = new ParsePool(budget);
  }

  /** Ends the readers with the server, so that none outlives it. */
  close() {
    this.pool.close();
  }

  /** Imports of this workspace reading now (for logs, and for tests to wait on instead of sleeping). */
  running(workspaceId: string): number {
    return this.reading.get(workspaceId) ?? 0;
  }

  enter(workspaceId: string): () => void {
    const here = this.reading.get(workspaceId) ?? 0;
    if (here >= this.budget.perWorkspace) {
      throw new AppError(
        'form.import.busy',
        429,
        'This workspace is already importing a workbook; try again in a few seconds.',
        undefined,
        retryAfterSeconds,
      );
    }
    if (this.total >= this.budget.perServer) {
      throw new AppError(
        'server.busy',
        503,
        'The server is reading other workbooks; try again in a few seconds.',
        undefined,
        retryAfterSeconds,
      );
    }
    this.reading.set(workspaceId, here + 1);
    this.total++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.total--;
      const now = (this.reading.get(workspaceId) ?? 1) - 1;
      if (now > 0) this.reading.set(workspaceId, now);
      else this.reading.delete(workspaceId);
    };
  }
}

// These refusals are about the whole upload, so they carry no located errors: a screen words them
// from the code alone (problem.form.import.* in the web catalogues), the detail is for API callers.
const tooMuchMemory = (budget: ImportBudget) =>
  new AppError(
    'form.import.too_large',
    413,
    `Reading this workbook needs more than the ${budget.heapMb} MB a form may use: ` +
      'remove images, formatting and unused rows, or split the form.',
  );

/** A reader that died for another reason: still the workbook's fault as far as anyone can tell. */
const readerFailed = () =>
  new AppError(
    'form.import.failed',
    422,
    'This workbook could not be read: save it again as .xlsx in Excel or LibreOffice and upload that.',
  );

const tooSlow = (budget: ImportBudget) =>
  new AppError(
    'form.import.too_slow',
    422,
    `Reading this workbook took longer than ${budget.timeMs / 1000} s, far longer than any form needs: ` +
      'remove images, formatting and unused rows, or split the form.',
  );

/**
 * Reads a workbook in a reader process with its own heap limit and a wall-time limit, so that the
 * event loop keeps answering everyone else. However the reader fails, the import is refused in
 * words (413 or 422) and the reader is ended, never reused.
 */
export async function importInWorker(
  bytes: Uint8Array,
  fileName: string,
  options: Omit<ImportOptions, 'limits'>,
  gate: ImportGate,
  log?: Pick<Logger, 'warn' | 'error'>,
): Promise<ImportResult> {
  const outcome = await gate.pool.run({
    bytes,
    fileName,
    options: { ...options, limits: gate.budget.limits },
  });
  if (outcome.ok) return outcome.result;
  if ('reason' in outcome && outcome.reason === 'memory') throw tooMuchMemory(gate.budget);
  if ('reason' in outcome && outcome.reason === 'time') throw tooSlow(gate.budget);
  if ('reason' in outcome) {
    log?.warn({ reason: outcome.reason, detail: outcome.message }, 'a workbook reader stopped');
  } else log?.error({ detail: outcome.message }, 'reading a workbook threw');
  throw readerFailed();
}
