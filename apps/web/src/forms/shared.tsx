// Parts several forms screens use: loading a form, reading a file for upload, located import
// errors, and the tabs between a form's builder, preview, comments and changes.
import type { FormAbilities, FormDetail, FormProblem, FormSummary } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, call } from '../api.ts';
import { assignmentAbilities } from '../assignments/abilities.ts';
import { type Translate, useI18n } from '../i18n/i18n.ts';
import { issueMessage } from '../i18n/issues.ts';
import { type FormView, paths } from '../router.ts';
import { useWorkspace } from '../workspaces/useWorkspace.ts';
import type { Form } from './lib.ts';

export function useFormDetail(workspaceId: string, formId: string) {
  const [detail, setDetail] = useState<FormDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setDetail(await call('getForm', { params: { workspaceId, formId } }));
      setError(null);
    } catch (caught) {
      setError(caught);
    }
  }, [workspaceId, formId]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { detail, setDetail, error, reload };
}

/** The draft as the forms package types it (the contract keeps it opaque). */
export function draftOf(detail: FormDetail): Form | null {
  return detail.draft as unknown as Form | null;
}

/** Reads a chosen file as base64 for the JSON upload endpoints. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

type Located = Pick<FormProblem, 'path' | 'message' | 'code' | 'params'> & {
  sheet?: string | null | undefined;
  row?: number | null | undefined;
  column?: string | null | undefined;
};

/** Each problem once: the same place and code reported twice (two checks, one cause) is one line. */
function distinct<P extends Located>(problems: readonly P[]): P[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([
      p.sheet ?? null,
      p.row ?? null,
      p.column ?? null,
      p.path ?? null,
      p.code ?? p.message,
    ]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "survey row 3, type: …" in the reader's language, worded from the problem's code. */
function LocatedLine({ t, problem }: { t: Translate; problem: Located }): JSX.Element {
  return (
    <>
      {problem.sheet ? (
        <strong>
          {t('forms.errorAt', {
            sheet: problem.sheet,
            row: problem.row ?? 0,
            column: problem.column ?? '',
          })}{' '}
        </strong>
      ) : problem.path ? (
        <strong>{problem.path}: </strong>
      ) : null}
      {issueMessage(t, problem)}
    </>
  );
}

/** Import errors with their place in the spreadsheet, as the coordinator needs to fix them. */
export function LocatedErrors({ error }: { error: unknown }): JSX.Element | null {
  const { t } = useI18n();
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return null;
  return (
    <ul class="located-errors">
      {distinct(error.problem.errors)
        .slice(0, 50)
        .map((e, i) => (
          <li key={i}>
            <LocatedLine t={t} problem={e} />
          </li>
        ))}
    </ul>
  );
}

/**
 * Where a form opens for this caller: the builder for those who may edit it, else the comments
 * (members read and comment), else the preview (partners see only published versions).
 */
export function formLanding(form: Pick<FormSummary, 'abilities' | 'status'>): FormView {
  if (form.abilities.edit) return 'build';
  return form.abilities.readDraft ? 'review' : 'preview';
}

export function FormTabs({
  workspaceId,
  formId,
  current,
  openThreads,
  abilities,
}: {
  workspaceId: string;
  formId: string;
  current: FormView;
  openThreads?: number;
  abilities: FormAbilities | undefined;
}): JSX.Element | null {
  const { t } = useI18n();
  const workspace = useWorkspace(workspaceId);
  if (!abilities) return null;
  // Only editors see "Build"; the others read the form under "Comments" or "Try it".
  const tabs: { view: FormView; label: string }[] = [
    ...(abilities.edit ? [{ view: 'build' as const, label: t('forms.tab.build') }] : []),
    { view: 'preview', label: t('forms.tab.preview') },
    ...(abilities.readDraft
      ? [
          {
            view: 'review' as const,
            label: openThreads ? t('forms.tab.reviewCount', { count: openThreads }) : t('forms.tab.review'),
          },
          { view: 'changes' as const, label: t('forms.tab.changes') },
        ]
      : []),
    // Those who give out work see to whom this form is given.
    ...(workspace && assignmentAbilities(workspace.role).assign
      ? [{ view: 'assignments' as const, label: t('forms.tab.assignments') }]
      : []),
  ];
  return (
    <nav class="form-tabs" aria-label={t('forms.tab.label')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.view}>
            <a
              href={paths.form(workspaceId, formId, tab.view)}
              aria-current={tab.view === current ? 'page' : undefined}
            >
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** An empty draft for "New form": one text question so the builder has something to show. */
export function emptyForm(title: string, formId: string): Form {
  return {
    settings: { formTitle: title, formId, extra: {} },
    survey: [
      {
        kind: 'question',
        name: 'first_question',
        type: 'text',
        label: { default: '' },
        hint: {},
        guidanceHint: {},
        constraintMessage: {},
        requiredMessage: {},
        media: {},
        bind: {},
        parameters: {},
        extra: {},
      },
    ],
    choices: {},
    choiceColumns: [],
    otherSheets: [],
  };
}

/** What the importer warned about (kept types, missing CSVs…), folded away until wanted. */
export function ImportWarnings({ warnings }: { warnings: FormProblem[] }): JSX.Element | null {
  const { t } = useI18n();
  if (warnings.length === 0) return null;
  return (
    <details class="warnings">
      <summary>{t('forms.builder.warnings', { count: distinct(warnings).length })}</summary>
      <ul>
        {distinct(warnings).map((w, i) => (
          <li key={i}>
            <LocatedLine t={t} problem={w} />
          </li>
        ))}
      </ul>
    </details>
  );
}
