import type { AnswerTree, IngestOutcome, SubmissionIssue, SubmissionItem } from '@coproduce/contract';
import type { Membership, RequestContext } from '../context.ts';
import { householdTarget } from '../households/household-entities.ts';
import {
  type EntityTarget,
  type RecordsOutcome,
  writeRecordsFromSubmission,
} from '../records/from-submission.ts';
import { openRoundOfForm } from '../settlements/coverage.ts';
import { structureTarget } from '../settlements/structure-entities.ts';
import type { Submitter } from './ingest.ts';
import { preparedVersion } from './prepared.ts';
import {
  currentAndFirstVersion,
  markRecordsMade,
  type SubmissionRow,
  setVersionIssues,
  updateSubmissionRow,
} from './queries.ts';
import { formVersionNumbers } from './review-queries.ts';

/** Every kind of record a form may create or update through its entities sheet. */
const targets: EntityTarget[] = [structureTarget, householdTarget];

/**
 * A submission's records are written once, from the first of its versions that may make them: at
 * ingest when it arrives valid, else when a reviewer's correction makes it valid or a reviewer
 * approves it. `records_version_id` says which version made them; a submission that has one never
 * makes them again (later corrections change the records through their own verbs). A submission
 * whose records cannot be written stays stored, flagged "needs attention" with the reasons beside
 * its other issues; flagged submissions make no records until a reviewer has looked at them.
 */
async function writeOnce(
  ctx: RequestContext,
  caller: Membership,
  submission: {
    id: string;
    formId: string;
    formVersion: { id: string; form_id: string; number: number };
    answers: AnswerTree;
    startedAt: string | null;
  },
): Promise<RecordsOutcome | null> {
  const prepared = await preparedVersion(ctx, caller.workspaceId, submission.formVersion);
  if (!prepared.form.entities?.length) return null;
  const outcome = await writeRecordsFromSubmission(ctx, targets, {
    caller,
    submissionId: submission.id,
    form: prepared.form,
    engine: prepared.compiled.engine,
    answers: submission.answers,
    startedAt: submission.startedAt,
    round: (await openRoundOfForm(ctx.db, caller.workspaceId, submission.formId)) ?? null,
  });
  if (outcome.written > 0) await markRecordsMade(ctx.db, caller.workspaceId, submission.id);
  return outcome;
}

const membershipOf = (who: { workspaceId: string; personId: string; role: Membership['role'] }) => ({
  workspaceId: who.workspaceId,
  membershipId: '',
  personId: who.personId,
  role: who.role,
  device: null,
});

/** After a batch is stored: the records each valid submission's form declares. */
export async function writeEntityRecords(
  ctx: RequestContext,
  submitter: Submitter,
  stored: Array<{
    index: number;
    item: SubmissionItem;
    version: { id: string; form_id: string; number: number };
  }>,
  outcomes: Map<number, IngestOutcome>,
) {
  const caller = membershipOf(submitter);
  for (const { index, item, version } of stored) {
    const outcome = outcomes.get(index);
    if (outcome?.status !== 'stored') continue;
    const result = await writeOnce(ctx, caller, {
      id: item.id,
      formId: item.formId,
      formVersion: version,
      answers: item.answers,
      startedAt: item.startedAt ?? null,
    });
    if (!result?.issues.length) continue;
    const all = [...outcome.issues, ...result.issues];
    await updateSubmissionRow(ctx.db, submitter.workspaceId, item.id, {
      state: 'needs_attention',
      issues: JSON.stringify(all),
    });
    // Said on the version too, where a reviewer reads why (a fresh submission has only version 1).
    await setVersionIssues(ctx.db, submitter.workspaceId, item.id, 1, JSON.stringify(all));
    outcomes.set(index, { ...outcome, status: 'needs_attention', state: 'needs_attention', issues: all });
  }
}

/**
 * After a reviewer's correction made the submission valid, or their approval: its records, if it
 * has none yet and is neither rejected nor in conflict between versions. Record issues flag it
 * again, replacing those of an earlier try; returns the row as it now is.
 */
export async function writeEntityRecordsOnReview(
  ctx: RequestContext,
  reviewer: { workspaceId: string; personId: string; role: Membership['role'] },
  row: SubmissionRow,
): Promise<SubmissionRow> {
  if (row.records_version_id || row.has_conflict === 1 || row.state === 'rejected') return row;
  const ws = row.workspace_id;
  const versions = await currentAndFirstVersion(ctx.db, row);
  const current = versions.find((v) => v.id === row.current_version_id);
  const number = (await formVersionNumbers(ctx.db, ws, [row.form_version_id])).get(row.form_version_id);
  if (!current || number === undefined) return row;
  // Judged against the records as they were when the phone started the form, as at ingest.
  const first = versions.find((v) => v.number === 1);
  const startedAt = (JSON.parse(first?.meta ?? '{}') as { startedAt?: string }).startedAt ?? null;
  const result = await writeOnce(ctx, membershipOf(reviewer), {
    id: row.id,
    formId: row.form_id,
    formVersion: { id: row.form_version_id, form_id: row.form_id, number },
    answers: JSON.parse(current.answers) as AnswerTree,
    startedAt,
  });
  if (!result) return row;
  const others = (JSON.parse(row.issues) as SubmissionIssue[]).filter((i) => i.code !== 'record');
  const issues = JSON.stringify([...others, ...result.issues]);
  const state = result.issues.length ? ('needs_attention' as const) : row.state;
  if (issues === row.issues && state === row.state && result.written === 0) return row;
  await updateSubmissionRow(ctx.db, ws, row.id, { issues, state });
  await setVersionIssues(ctx.db, ws, row.id, current.number, issues);
  return { ...row, issues, state, records_version_id: result.written > 0 ? current.id : null };
}
