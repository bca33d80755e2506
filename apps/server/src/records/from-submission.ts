import type { AnswerTree, SubmissionIssue } from '@coproduce/contract';
import type { Form } from '@coproduce/forms';
import type { FormEngine } from '@coproduce/forms/engine';
import { sql } from 'kysely';
import type { AuditIntent, Membership, RequestContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { RoundRow } from '../settlements/coverage.ts';
import { EntityConditionError, type EntityWrite, entityWrites } from './entities.ts';

/**
 * Turning a stored submission into records: the entities its form declares (records/entities.ts)
 * written by each record type's own target, in the round that uses the form. All of one
 * submission's records are written or none (a savepoint), and a submission whose records cannot
 * be written is still kept, flagged with the reasons: data people gave is never dropped.
 */
export interface EntityScope {
  caller: Membership;
  round: RoundRow;
  submissionId: string;
  /** When the phone started the form: an update is judged against the version current then. */
  startedAt: string | null;
}

export interface EntityTarget {
  list: string;
  /** Lists this target writes together with its own entity (a household writes its members). */
  consumes?: string[];
  /** Writes the entity's record and returns its id; `written` holds the ids of earlier entities. */
  write(
    ctx: RequestContext,
    scope: EntityScope,
    entity: { index: number; write: EntityWrite; all: EntityWrite[]; written: Map<number, string> },
  ): Promise<string>;
}

/** Problems with an entity's answers, each at the question it came from. */
export class EntityProblems extends Error {
  constructor(readonly problems: Array<{ path: string; message: string }>) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  }
}

/** `/household[2]/member[1]` → [1, 0], as submission issues count repeats (0-based). */
const repeatIndexes = (path: string) => [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) - 1);
const withoutIndexes = (path: string) => path.replace(/\[\d+\]/g, '');

export const recordIssue = (path: string, message: string): SubmissionIssue => ({
  path: withoutIndexes(path) || '/',
  repeatIndexes: repeatIndexes(path),
  code: 'record',
  message,
});

/** What writing one submission's records came to: the records made, or why none were. */
export interface RecordsOutcome {
  issues: SubmissionIssue[];
  /** How many entities became records (0 with issues, or when the form asked for none). */
  written: number;
}

const refused = (issues: SubmissionIssue[]): RecordsOutcome => ({ issues, written: 0 });

export async function writeRecordsFromSubmission(
  ctx: RequestContext,
  targets: readonly EntityTarget[],
  submission: {
    caller: Membership;
    submissionId: string;
    form: Form;
    /** The form's compiled engine, to evaluate create_if and update_if (else compiled here). */
    engine?: FormEngine;
    answers: AnswerTree;
    startedAt: string | null;
    round: RoundRow | null;
  },
): Promise<RecordsOutcome> {
  const byList = new Map(targets.map((t) => [t.list, t]));
  const consumed = new Set(targets.flatMap((t) => t.consumes ?? []));
  let writes: EntityWrite[];
  try {
    writes = entityWrites(submission.form, submission.answers, submission.engine);
  } catch (error) {
    if (error instanceof EntityConditionError) return refused([recordIssue(error.path, error.message)]);
    throw error;
  }
  // Lists that are no kind of record here make none (the form's import said so); their answers stay.
  if (!writes.some((w) => byList.has(w.list) || consumed.has(w.list))) return refused([]);
  const { round } = submission;
  if (!round)
    return refused([
      recordIssue(
        '/',
        'no open enumeration round uses this form, so no records were made; the answers are kept',
      ),
    ]);
  // The records' audit entries wait until they are all written: a rolled-back record has none.
  const pending: AuditIntent[] = [];
  const local: RequestContext = { ...ctx, audit: (entry) => pending.push(entry), unchanged: () => {} };
  const scope: EntityScope = {
    caller: submission.caller,
    round,
    submissionId: submission.submissionId,
    startedAt: submission.startedAt,
  };
  const written = new Map<number, string>();
  await sql`savepoint entity_records`.execute(ctx.db);
  try {
    for (const [index, write] of writes.entries()) {
      const target = byList.get(write.list);
      if (!target) continue;
      written.set(index, await target.write(local, scope, { index, write, all: writes, written }));
    }
  } catch (error) {
    await sql`rollback to savepoint entity_records`.execute(ctx.db);
    await sql`release savepoint entity_records`.execute(ctx.db);
    if (error instanceof EntityProblems)
      return refused(error.problems.map((p) => recordIssue(p.path, p.message)));
    if (error instanceof AppError)
      return refused([
        recordIssue(
          '/',
          `no records were made: ${error.message}${error.errors?.[0]?.message ? ` (${error.errors[0].message})` : ''}`,
        ),
      ]);
    throw error;
  }
  await sql`release savepoint entity_records`.execute(ctx.db);
  for (const entry of pending) ctx.audit(entry);
  return { issues: [], written: written.size };
}
