// The work given out, as cards that read the same at 360 px and on a desk: who, which form, how
// many, where and whether it is still on; with a change, an end and a removal, each confirmed.
import type { Assignment, AssignmentProgress, Section } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Button, StatusMessage, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading } from '../ui/screen.tsx';
import { AssignmentEditor } from './AssignmentEditor.tsx';
import { useAssignments, useSectionNames } from './data.ts';
import { inOrder, sectionLabel } from './work.ts';

export function AssignmentsPanel(props: {
  workspaceId: string;
  /** One form's work, and new work is of it; absent: every form's, choosing among `forms`. */
  formId?: string;
  /** The forms that may be given out now (published, not archived); empty: no giving out. */
  forms: readonly { id: string; title: string }[];
  /** The caller may give out, change and remove work (coordinators and staff). */
  assign: boolean;
}): JSX.Element {
  const { t } = useI18n();
  const { workspaceId, formId } = props;
  const data = useAssignments(workspaceId);
  const [adding, setAdding] = useState(false);
  const [changing, setChanging] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const action = useAction();
  const shown = data.assignments ? inOrder(data.assignments, formId) : null;
  const sections = useSectionNames(
    workspaceId,
    (shown ?? []).flatMap((a) => (a.sectionId && a.settlementId ? [a.settlementId] : [])),
  );
  const settlementName = (id: string) => data.choices?.settlements.find((s) => s.id === id)?.name ?? '';

  // A change answers without the counts, which it does not alter: they are kept.
  const replace = (next: Assignment) =>
    data.setAssignments((list) =>
      (list ?? []).map((a) => (a.id === next.id ? { ...next, sent: a.sent } : a)),
    );
  const setStatus = (a: AssignmentProgress, status: AssignmentProgress['status']) => {
    const ask = status === 'closed' ? 'assignments.endConfirm' : 'assignments.reopenConfirm';
    if (!confirm(t(ask, { name: a.assigneeName, form: a.formTitle }))) return;
    void action.run(async () => {
      replace(
        await call('updateAssignment', {
          params: { workspaceId, assignmentId: a.id },
          body: { status },
        }),
      );
      setSaid(t(status === 'closed' ? 'assignments.ended' : 'assignments.reopened'));
    });
  };
  const remove = (a: AssignmentProgress) => {
    if (!confirm(t('assignments.deleteConfirm', { name: a.assigneeName, form: a.formTitle }))) return;
    void action.run(async () => {
      await call('deleteAssignment', { params: { workspaceId, assignmentId: a.id } });
      data.setAssignments((list) => (list ?? []).filter((x) => x.id !== a.id));
      setSaid(t('assignments.deleted'));
    });
  };

  const canAdd = props.assign && props.forms.length > 0;
  return (
    <section aria-labelledby="assignments-list-title" aria-busy={shown === null ? 'true' : undefined}>
      <div class="assignments-head">
        <h2 id="assignments-list-title">{t('assignments.listTitle')}</h2>
        {canAdd && !adding && data.choices && (
          <Button
            data-endpoint="createAssignment"
            icon={<Icon name="plus" />}
            onClick={() => {
              setAdding(true);
              setSaid(null);
            }}
          >
            {t('assignments.add')}
          </Button>
        )}
      </div>
      {adding && data.choices && (
        <AssignmentEditor
          workspaceId={workspaceId}
          choices={data.choices}
          {...(formId ? { formId } : { forms: props.forms })}
          onCancel={() => setAdding(false)}
          onDone={(created) => {
            // Read again: what the assignee already sent of this form counts from the start.
            void data.reload();
            setAdding(false);
            setSaid(t('assignments.created', { name: created.assigneeName }));
          }}
        />
      )}
      <StatusMessage error={data.error ?? action.error} success={said} />
      {shown === null ? (
        data.error ? null : (
          <Loading />
        )
      ) : shown.length === 0 ? (
        <p>{formId ? t('assignments.emptyForm') : t('assignments.empty')}</p>
      ) : (
        <ul class="card-list assignment-list">
          {shown.map((a) =>
            changing === a.id && data.choices ? (
              <li key={a.id}>
                <AssignmentEditor
                  workspaceId={workspaceId}
                  choices={data.choices}
                  before={a}
                  onCancel={() => setChanging(null)}
                  onDone={(saved) => {
                    replace(saved);
                    setChanging(null);
                    setSaid(t('assignments.saved'));
                  }}
                />
              </li>
            ) : (
              <li key={a.id} class="card assignment-card">
                <AssignmentFacts
                  assignment={a}
                  showForm={!formId}
                  settlement={a.settlementId ? settlementName(a.settlementId) : ''}
                  section={a.sectionId ? sections.get(a.sectionId) : undefined}
                />
                {props.assign && (
                  <div class="assignment-actions">
                    <Button
                      variant="secondary"
                      data-endpoint="updateAssignment"
                      aria-label={t('assignments.changeLabel', { name: a.assigneeName, form: a.formTitle })}
                      disabled={action.busy}
                      onClick={() => {
                        setChanging(a.id);
                        setSaid(null);
                      }}
                    >
                      {t('assignments.change')}
                    </Button>
                    <Button
                      variant="secondary"
                      data-endpoint="updateAssignment"
                      aria-label={t(
                        a.status === 'active' ? 'assignments.endLabel' : 'assignments.reopenLabel',
                        {
                          name: a.assigneeName,
                          form: a.formTitle,
                        },
                      )}
                      disabled={action.busy}
                      onClick={() => setStatus(a, a.status === 'active' ? 'closed' : 'active')}
                    >
                      {t(a.status === 'active' ? 'assignments.end' : 'assignments.reopen')}
                    </Button>
                    <Button
                      variant="danger"
                      data-endpoint="deleteAssignment"
                      aria-label={t('assignments.deleteLabel', { name: a.assigneeName, form: a.formTitle })}
                      disabled={action.busy}
                      onClick={() => remove(a)}
                    >
                      {t('assignments.delete')}
                    </Button>
                  </div>
                )}
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function AssignmentFacts(props: {
  assignment: AssignmentProgress;
  showForm: boolean;
  settlement: string;
  section: Section | undefined;
}): JSX.Element {
  const { t } = useI18n();
  const a = props.assignment;
  const where = !a.settlementId
    ? t('assignments.anywhere')
    : a.sectionId
      ? t('assignments.areaSection', {
          settlement: props.settlement,
          section: props.section ? sectionLabel(props.section) : '…',
        })
      : t('assignments.areaWhole', { settlement: props.settlement });
  return (
    <div class="assignment-facts">
      <p class="member-name">
        <strong class="assignment-who">
          {a.teamId ? t('assignments.teamName', { name: a.assigneeName }) : a.assigneeName}
        </strong>
        <span class={a.status === 'active' ? 'badge' : 'badge badge-muted'}>
          {t(a.status === 'active' ? 'assignments.status.active' : 'assignments.status.closed')}
        </span>
      </p>
      <dl class="assignment-dl">
        {props.showForm && (
          <>
            <dt>{t('assignments.form')}</dt>
            <dd>{a.formTitle}</dd>
          </>
        )}
        <dt>{t('assignments.targetShort')}</dt>
        <dd>
          {a.targetCount === null
            ? t('assignments.noTarget')
            : t('assignments.targetCount', { count: a.targetCount })}
        </dd>
        <dt>{t('assignments.sent')}</dt>
        <dd>
          {a.targetCount === null
            ? t('assignments.sentCount', { count: a.sent })
            : t('assignments.sentOfTarget', { count: a.sent, target: a.targetCount })}
        </dd>
        <dt>{t('assignments.where')}</dt>
        <dd>{where}</dd>
      </dl>
    </div>
  );
}
