// One form's assignments, as a tab of the form: who collects it, how many and where. Only a
// published form is given out; a draft's tab says so.
import type { JSX } from 'preact';
import { AssignmentsPanel } from '../assignments/AssignmentsPanel.tsx';
import { assignmentAbilities } from '../assignments/abilities.ts';
import { assignable } from '../assignments/work.ts';
import { useI18n } from '../i18n/i18n.ts';
import { StatusMessage } from '../ui/forms.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { useWorkspace } from '../workspaces/useWorkspace.ts';
import { FormTabs, useFormDetail } from './shared.tsx';

export function AssignmentsView({
  workspaceId,
  formId,
}: {
  workspaceId: string;
  formId: string;
}): JSX.Element {
  const { t } = useI18n();
  const { detail, error } = useFormDetail(workspaceId, formId);
  const workspace = useWorkspace(workspaceId);
  const may = workspace ? assignmentAbilities(workspace.role).assign : false;
  return (
    <Screen
      title={detail ? t('assignments.formTitle', { title: detail.title }) : t('assignments.title')}
      busy={!detail && !error}
    >
      <FormTabs
        workspaceId={workspaceId}
        formId={formId}
        current="assignments"
        openThreads={detail?.openThreads}
        abilities={detail?.abilities}
      />
      <StatusMessage error={error} />
      {!detail || workspace === undefined ? (
        error ? null : (
          <Loading />
        )
      ) : !may ? (
        <p>{t('assignments.notYours')}</p>
      ) : (
        <>
          {!assignable(detail) && (
            <p class="notice">
              {detail.status === 'archived' ? t('assignments.archived') : t('assignments.notPublished')}
            </p>
          )}
          <AssignmentsPanel
            workspaceId={workspaceId}
            formId={formId}
            forms={assignable(detail) ? [{ id: detail.id, title: detail.title }] : []}
            assign={may}
          />
        </>
      )}
    </Screen>
  );
}
