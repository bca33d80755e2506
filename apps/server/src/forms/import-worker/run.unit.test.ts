import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { manyQuestions, paddedWorkbook } from '../../test/hostile-workbooks.ts';
import { importBudgetFrom } from './budget.ts';
import { ImportGate, importInWorker } from './run.ts';

const MB = 1024 * 1024;
const gates: ImportGate[] = [];
const gateWith = (env: Record<string, string>) => {
  const gate = new ImportGate(importBudgetFrom(env));
  gates.push(gate);
  return gate;
};
afterEach(() => {
  for (const gate of gates.splice(0)) gate.close();
});
/** The machine is shared: a reader past a small heap can spend seconds collecting garbage first. */
const slow = 60_000;

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe('reading workbooks in a reader process', () => {
  it(
    'ends a reader past its heap budget with a 413, and the next import gets a fresh one',
    async () => {
      // 48 MB: as a worker thread, this reader aborted the whole process ("Reached heap limit").
      const gate = gateWith({ IMPORT_HEAP_MB: '48', IMPORT_TIME_MS: '50000' });
      const error = await refusal(importInWorker(paddedWorkbook(40 * MB, 24 * MB), 'big.xlsx', {}, gate));
      expect([error.status, error.code]).toEqual([413, 'form.import.too_large']);
      const next = await importInWorker(manyQuestions(3), 'small.xlsx', {}, gate);
      expect(next.ok).toBe(true);
    },
    slow,
  );

  it(
    'refuses with a 422, never a crash, when a reader dies for another reason',
    async () => {
      const gate = gateWith({});
      const reading = importInWorker(paddedWorkbook(40 * MB, 24 * MB), 'dies.xlsx', {}, gate);
      gate.close();
      const error = await refusal(reading);
      expect([error.status, error.code]).toEqual([422, 'form.import.failed']);
      expect(error.message).toMatch(/save it again as \.xlsx/);
      // A closed gate starts no reader; it refuses the same way.
      const after = await refusal(importInWorker(manyQuestions(3), 'late.xlsx', {}, gate));
      expect(after.code).toBe('form.import.failed');
    },
    slow,
  );

  it(
    'ends a reader past its time budget with a 422',
    async () => {
      const gate = gateWith({ IMPORT_TIME_MS: '200' });
      const error = await refusal(importInWorker(paddedWorkbook(40 * MB, 24 * MB), 'slow.xlsx', {}, gate));
      expect([error.status, error.code]).toEqual([422, 'form.import.too_slow']);
    },
    slow,
  );

  it(
    'reads the configured limits: 5 questions at most is a located error at the sixth',
    async () => {
      const gate = gateWith({ IMPORT_QUESTIONS: '5' });
      const result = await importInWorker(manyQuestions(6), 'six.xlsx', {}, gate);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]).toMatchObject({ sheet: 'survey', row: 7 });
    },
    slow,
  );

  it('refuses a budget that is not a whole number, naming the variable', () => {
    expect(() => importBudgetFrom({ IMPORT_HEAP_MB: 'lots' })).toThrow(
      /^IMPORT_HEAP_MB must be a whole number/,
    );
  });
});

describe('the import gate', () => {
  it('lets through per workspace and per server only as many as configured, and frees on leave', () => {
    const gate = gateWith({ IMPORT_PER_WORKSPACE: '1', IMPORT_PER_SERVER: '2' });
    const leaveA = gate.enter('a');
    expect(() => gate.enter('a')).toThrow(expect.objectContaining({ status: 429, retryAfterSeconds: 10 }));
    const leaveB = gate.enter('b');
    expect(() => gate.enter('c')).toThrow(expect.objectContaining({ status: 503, code: 'server.busy' }));
    leaveA();
    leaveA();
    const leaveC = gate.enter('c');
    expect(() => gate.enter('d')).toThrow(expect.objectContaining({ status: 503 }));
    leaveB();
    leaveC();
    gate.enter('a')();
  });
});
