import type { IngestOutcome, SubmissionItem } from '@coproduce/contract';
import type { RequestContext } from '../context.ts';
import { householdTarget } from '../households/household-entities.ts';
import { type EntityTarget, writeRecordsFromSubmission } from '../records/from-submission.ts';
import { openRoundOfForm } from '../settlements/coverage.ts';
import { structureTarget } from '../settlements/structure-entities.ts';
import type { Submitter } from './ingest.ts';
import { preparedVersion } from './prepared.ts';
import { setVersionIssues, updateSubmissionRow } from './queries.ts';

/** Every kind of record a form may create or update through its entities sheet. */
const targets: EntityTarget[] = [structureTarget, householdTarget];

/**
 * After a batch is stored: the records each valid submission's form declares, in the round that
 * uses the form. A submission whose records cannot be written stays stored, flagged "needs
 * attention" with the reasons beside its other issues. Flagged submissions make no records until
 * a reviewer has looked at them.
 */
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
  const ws = submitter.workspaceId;
  const caller = {
    workspaceId: ws,
    membershipId: '',
    personId: submitter.personId,
    role: submitter.role,
    device: null,
  };
  for (const { index, item, version } of stored) {
    const outcome = outcomes.get(index);
    if (outcome?.status !== 'stored') continue;
    const { form } = await preparedVersion(ctx, ws, version);
    if (!form.entities?.length) continue;
    const issues = await writeRecordsFromSubmission(ctx, targets, {
      caller,
      submissionId: item.id,
      form,
      answers: item.answers,
      startedAt: item.startedAt ?? null,
      round: (await openRoundOfForm(ctx.db, ws, item.formId)) ?? null,
    });
    if (issues.length === 0) continue;
    const all = [...outcome.issues, ...issues];
    await updateSubmissionRow(ctx.db, ws, item.id, { state: 'needs_attention', issues: JSON.stringify(all) });
    // Said on the version too, where a reviewer reads why (a fresh submission has only version 1).
    await setVersionIssues(ctx.db, ws, item.id, 1, JSON.stringify(all));
    outcomes.set(index, { ...outcome, status: 'needs_attention', state: 'needs_attention', issues: all });
  }
}
