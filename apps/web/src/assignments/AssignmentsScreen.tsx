// Every form's work given out, for coordinators and staff (from the navigation): who collects
// what, how many and where; new work picks one of the published forms.
import type { FormSummary } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { callAllPages } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { StatusMessage } from '../ui/forms.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { useWorkspace } from '../workspaces/useWorkspace.ts';
import { AssignmentsPanel } from './AssignmentsPanel.tsx';
import { assignmentAbilities } from './abilities.ts';
import { assignable } from './work.ts';

export function AssignmentsScreen({ workspaceId }: { workspaceId: string }): JSX.Element {
  const { t } = useI18n();
  const workspace = useWorkspace(workspaceId);
  const [forms, setForms] = useState<FormSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    callAllPages('listForms', { params: { workspaceId } }).then(setForms, setError);
  }, [workspaceId]);

  if (workspace === undefined) return <Loading />;
  if (workspace === null) return <Screen title={t('workspace.notFound')}>{null}</Screen>;
  const abilities = assignmentAbilities(workspace.role);
  if (!abilities.assign)
    return (
      <Screen title={t('assignments.title')}>
        <p>{t('assignments.notYours')}</p>
      </Screen>
    );
  const published = (forms ?? []).filter(assignable);
  return (
    <Screen title={t('assignments.title')} busy={forms === null && !error}>
      <p class="hint">{t('assignments.intro')}</p>
      <StatusMessage error={error} />
      {forms && published.length === 0 && <p>{t('assignments.noPublished')}</p>}
      {forms && <AssignmentsPanel workspaceId={workspaceId} forms={published} assign />}
    </Screen>
  );
}
