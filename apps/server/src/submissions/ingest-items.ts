// One item of a batch on its own: parsed against the contract, its content hash, and whether the
// caller may send it for the person who collected it. Pure, apart from hashing.
import { createHash } from 'node:crypto';
import { type IngestOutcome, type SubmissionItem, SubmissionItemSchema } from '@coproduce/contract';
import { canonicalJson } from './compiled.ts';
import type { Submitter } from './ingest.ts';
import { canSubmissions } from './policy.ts';

export type Parsed = { index: number; item: SubmissionItem } | { index: number; outcome: IngestOutcome };

/** A submission's answers as canonical JSON and its content hash. */
export type Content = { answers: string; hash: string };

/** Whose work an item is when someone else sends it. */
export type Collector = { accountId: string; personId: string };

export const refused = (
  index: number,
  id: string | null,
  code: string,
  detail: string,
  errors?: NonNullable<IngestOutcome['problem']>['errors'],
): IngestOutcome => ({
  index,
  id,
  status: 'refused',
  issues: [],
  filesMissing: [],
  problem: { code, detail, ...(errors ? { errors } : {}) },
});

export function parse(raw: unknown, index: number): Parsed {
  const result = SubmissionItemSchema.safeParse(raw);
  if (result.success) return { index, item: result.data };
  const id =
    raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : null;
  const errors = result.error.issues.slice(0, 20).map((issue) => ({
    path: ['items', index, ...issue.path].join('.'),
    message: issue.message,
    code: issue.code,
  }));
  return {
    index,
    outcome: refused(
      index,
      id,
      'request.invalid',
      `item ${index} is not a submission: ${errors[0]?.path}: ${errors[0]?.message}`,
      errors,
    ),
  };
}

/**
 * SHA-256 over the canonical JSON of form, version, answers and file checksums, built around the
 * answers' canonical text (made once, and stored as the version's answers): the same text as
 * canonicalJson({ answers, files, formId, formVersion }), so hashes stored earlier still match.
 */
export const contentHash = (item: SubmissionItem, canonicalAnswers: string) =>
  createHash('sha256')
    .update(
      `{"answers":${canonicalAnswers},"files":${canonicalJson(item.files.map((f) => [f.name, f.sha256]))},` +
        `"formId":${JSON.stringify(item.formId)},"formVersion":${JSON.stringify(item.formVersion)}}`,
    )
    .digest('hex');

/** Someone else's work (a backup file's): only for roles that collect for everyone, and a collector here. */
export function refuseCollector(
  submitter: Submitter,
  collectors: Map<string, string>,
  index: number,
  item: SubmissionItem,
): IngestOutcome | null {
  if (!item.collectedBy || item.collectedBy === submitter.accountId) return null;
  const at = [{ path: `items.${index}.collectedBy`, message: 'not someone you may send work for' }];
  if (!canSubmissions(submitter.role, 'submitForOthers'))
    return refused(
      index,
      item.id,
      'submission.collector_refused',
      'Only a coordinator can send work someone else collected.',
      at,
    );
  if (!collectors.has(item.collectedBy))
    return refused(
      index,
      item.id,
      'submission.collector_unknown',
      'Whoever collected this has never been a member of this workspace.',
      at,
    );
  return null;
}

export function collectorOf(
  submitter: Submitter,
  collectors: Map<string, string>,
  item: SubmissionItem,
): Collector | null {
  if (!item.collectedBy || item.collectedBy === submitter.accountId) return null;
  const personId = collectors.get(item.collectedBy);
  return personId ? { accountId: item.collectedBy, personId } : null;
}
