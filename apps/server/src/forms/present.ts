import type {
  FormAttachment,
  FormCredit,
  FormDetail,
  FormProblem,
  FormSummary,
  FormThread,
  FormVersionSummary,
} from '@coproduce/contract';
import { revisionText } from '../db/revision.ts';
import type { FormCaller } from './caller.ts';
import { formAbilities, threadAbilities } from './policy.ts';
import type { AttachmentInfo, FormListRow, ReplyRow, ThreadRow, VersionSummaryRow } from './queries.ts';

/** Credits as stored on the form row; names are looked up when shown. */
export interface StoredCredit {
  personId: string;
  threadId: string;
  path: string;
  acceptedAt: string;
}

export interface StoredSuggestion {
  field: 'label' | 'hint' | 'choiceLabel';
  language: string;
  choiceName: string | null;
  before: string;
  text: string;
}

type Names = Map<string, string>;
const someone = 'Someone';
const personRef = (personId: string | null, names: Names) => ({
  personId,
  displayName: (personId && names.get(personId)) || someone,
});

export function presentVersion(row: VersionSummaryRow, names: Names): FormVersionSummary {
  return {
    id: row.id,
    formId: row.form_id,
    number: Number(row.number),
    version: row.version,
    publishedAt: row.published_at,
    publishedBy: personRef(row.published_by_person_id, names),
  };
}

export function presentSummary(
  row: FormListRow,
  caller: FormCaller,
  extra: { latest: VersionSummaryRow | null; openThreads: number },
): FormSummary {
  return {
    id: row.id,
    formId: row.form_key,
    title: row.title,
    status: row.status,
    languages: JSON.parse(row.languages) as string[],
    questionCount: Number(row.question_count),
    latestVersion: extra.latest
      ? {
          id: extra.latest.id,
          number: Number(extra.latest.number),
          version: extra.latest.version,
          publishedAt: extra.latest.published_at,
        }
      : null,
    openThreads: extra.openThreads,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    revision: revisionText(row.revision),
    abilities: formAbilities(caller.role, row.status === 'archived'),
  };
}

export function presentDetail(
  summary: FormSummary,
  draft: { model: Record<string, unknown>; warnings: FormProblem[] } | null,
  versions: VersionSummaryRow[],
  credits: StoredCredit[],
  names: Names,
): FormDetail {
  return {
    ...summary,
    draft: draft?.model ?? null,
    warnings: draft?.warnings ?? [],
    versions: versions.map((v) => presentVersion(v, names)),
    credits: credits.map((c): FormCredit => ({ ...c, displayName: names.get(c.personId) ?? someone })),
  };
}

export function presentAttachment(row: AttachmentInfo): FormAttachment {
  return {
    id: row.id,
    fileName: row.file_name,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    createdAt: row.created_at,
    deletedAt: row.deleted_at,
    revision: revisionText(row.revision),
  };
}

/** The typist, when someone else's words were entered by them: their person record, else null. */
const enteredBy = (
  authorPersonId: string | null,
  authorAccountId: string | null,
  accountPeople: Map<string, string>,
  names: Names,
) => {
  const typist = authorAccountId ? accountPeople.get(authorAccountId) : undefined;
  return typist && typist !== authorPersonId ? personRef(typist, names) : null;
};

export function presentThread(
  row: ThreadRow,
  replies: ReplyRow[],
  caller: FormCaller,
  names: Names,
  accountPeople: Map<string, string> = new Map(),
): FormThread {
  const isAuthor = row.author_person_id === caller.personId;
  return {
    id: row.id,
    formId: row.form_id,
    path: row.path,
    kind: row.kind,
    status: row.status,
    author: personRef(row.author_person_id, names),
    enteredBy: enteredBy(row.author_person_id, row.author_account_id, accountPeople, names),
    text: row.text,
    suggestion: row.suggestion ? (JSON.parse(row.suggestion) as StoredSuggestion) : null,
    decision:
      row.decided_at !== null
        ? { by: personRef(row.decided_by_person_id, names), at: row.decided_at, reason: row.reason }
        : null,
    replies: replies.map((r) => ({
      id: r.id,
      author: personRef(r.author_person_id, names),
      enteredBy: enteredBy(r.author_person_id, r.author_account_id, accountPeople, names),
      text: r.text,
      createdAt: r.created_at,
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    revision: revisionText(row.revision),
    abilities: threadAbilities(caller.role, isAuthor, row.status === 'open', row.kind === 'suggestion'),
  };
}
