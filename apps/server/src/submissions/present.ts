import type {
  AnswerTree,
  Role,
  SubmissionDetail,
  SubmissionIssue,
  SubmissionSummary,
} from '@coproduce/contract';
import { revisionText } from '../db/revision.ts';
import { submissionAbilities } from './policy.ts';
import type { SubmissionRow } from './queries.ts';

type Names = Map<string, string>;
const someone = 'someone';
const ref = (personId: string | null, names: Names) => ({
  personId,
  displayName: (personId && names.get(personId)) || someone,
});

export function presentSummary(
  row: SubmissionRow,
  formVersion: number,
  names: Names,
  values?: Record<string, string | number | null>,
): SubmissionSummary {
  return {
    id: row.id,
    formId: row.form_id,
    formVersion,
    state: row.state,
    hasConflict: row.has_conflict === 1,
    instanceName: row.instance_name,
    issueCount: (JSON.parse(row.issues) as SubmissionIssue[]).filter((i) => i.code !== 'not_relevant').length,
    filesExpected: row.files_expected,
    filesReceived: row.files_received,
    receivedAt: row.received_at,
    submittedBy: ref(row.submitted_by_person_id, names),
    revision: revisionText(row.revision),
    deletedAt: row.deleted_at,
    ...(values ? { values } : {}),
  };
}

export interface DetailParts {
  versions: Array<{
    id: string;
    number: number;
    kind: 'original' | 'conflict' | 'edit' | 'merge';
    form_version_number: number;
    answers: string;
    issues: string;
    base_version_id: string | null;
    reason: string | null;
    created_at: string;
    created_by_person_id: string | null;
  }>;
  files: Array<{
    name: string;
    size: number | string;
    received_bytes: number | string;
    complete: number;
    content_type: string;
  }>;
  reviews: Array<{
    id: string;
    state_from: string | null;
    state_to: string | null;
    comment: string;
    author_person_id: string | null;
    created_at: string;
  }>;
  location: { lat: number; lon: number; path: string } | null;
}

export function presentDetail(
  row: SubmissionRow,
  formVersion: number,
  names: Names,
  parts: DetailParts,
  role: Role,
): SubmissionDetail {
  return {
    ...presentSummary(row, formVersion, names),
    currentVersionId: row.current_version_id,
    versions: parts.versions.map((v) => ({
      id: v.id,
      number: v.number,
      kind: v.kind,
      formVersion: v.form_version_number,
      answers: JSON.parse(v.answers) as AnswerTree,
      issues: JSON.parse(v.issues) as SubmissionIssue[],
      baseVersionId: v.base_version_id,
      reason: v.reason,
      createdAt: v.created_at,
      createdBy: ref(v.created_by_person_id, names),
    })),
    files: parts.files.map((f) => ({
      name: f.name,
      size: Number(f.size),
      receivedBytes: Number(f.received_bytes),
      complete: f.complete === 1,
      contentType: f.content_type,
    })),
    reviews: parts.reviews.map((r) => ({
      id: r.id,
      stateFrom: r.state_from as SubmissionDetail['state'] | null,
      stateTo: r.state_to as SubmissionDetail['state'] | null,
      comment: r.comment,
      author: ref(r.author_person_id, names),
      createdAt: r.created_at,
    })),
    location: parts.location,
    abilities: submissionAbilities(role),
  };
}
