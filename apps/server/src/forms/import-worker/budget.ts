import { availableParallelism } from 'node:os';
import { DEFAULT_LIMITS, type SizeLimits } from '@coproduce/forms';

/** What one import may use, and how many may run at once; every figure can be set in the environment. */
export interface ImportBudget {
  /** Wall time for reading one workbook in its worker; past it the worker is stopped. */
  timeMs: number;
  /** The worker's heap (V8 old generation); past it V8 stops the worker. */
  heapMb: number;
  perWorkspace: number;
  perServer: number;
  limits: SizeLimits;
}

const MB = 1024 * 1024;

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number above 0, not "${text}"`);
  return value;
}

export function importBudgetFrom(env: NodeJS.ProcessEnv = process.env): ImportBudget {
  return {
    timeMs: whole(env, 'IMPORT_TIME_MS', 20_000),
    heapMb: whole(env, 'IMPORT_HEAP_MB', 160),
    perWorkspace: whole(env, 'IMPORT_PER_WORKSPACE', 1),
    // One core is always left to the event loop: on 2 cores, two readers at once took both and
    // /health waited 390 ms, and their memory (~264 MB each) took the total past 600 MB.
    perServer: whole(env, 'IMPORT_PER_SERVER', Math.max(1, availableParallelism() - 1)),
    limits: {
      ...DEFAULT_LIMITS,
      maxUncompressedBytes: whole(env, 'IMPORT_UNPACKED_MB', DEFAULT_LIMITS.maxUncompressedBytes / MB) * MB,
      maxPartBytes: whole(env, 'IMPORT_PART_MB', DEFAULT_LIMITS.maxPartBytes / MB) * MB,
      maxSheetRows: whole(env, 'IMPORT_SHEET_ROWS', DEFAULT_LIMITS.maxSheetRows),
      maxQuestions: whole(env, 'IMPORT_QUESTIONS', DEFAULT_LIMITS.maxQuestions),
      maxChoices: whole(env, 'IMPORT_CHOICES', DEFAULT_LIMITS.maxChoices),
    },
  };
}
