// Giving out work, or changing it: who collects (a person or a team, chosen once), how many, and
// where (a settlement, then all of it or one of its sections). The server checks every choice.
import type { Assignment } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Button, SelectField, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import type { Choices } from './data.ts';
import { useSections } from './data.ts';
import { changeBody, createBody, type Draft, draftOf, emptyDraft, sectionLabel, targetOf } from './work.ts';

export function AssignmentEditor(props: {
  workspaceId: string;
  choices: Choices;
  /** The forms that may be given out, when the screen is not one form's. */
  forms?: readonly { id: string; title: string }[];
  formId?: string;
  /** The assignment being changed; absent when giving out new work. */
  before?: Assignment;
  onDone: (assignment: Assignment) => void;
  onCancel: () => void;
}): JSX.Element {
  const { t } = useI18n();
  const { before, choices, workspaceId } = props;
  const [draft, setDraft] = useState<Draft>(before ? draftOf(before) : emptyDraft);
  const [formId, setFormId] = useState(props.formId ?? '');
  const { sections, error: sectionsError } = useSections(workspaceId, draft.settlementId);
  const action = useAction();
  const errors = action.fieldErrors;
  // Opened by a button that it replaces or follows: the keyboard starts at its first field.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, []);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const idBase = before ? `assignment-${before.id}` : 'new-assignment';
  const targetWrong = targetOf(draft.target) === undefined;
  const ready = !targetWrong && (before ? true : Boolean(draft.assignee && formId));

  const save = () =>
    action.run(async () => {
      const params = { workspaceId };
      const saved = before
        ? await call('updateAssignment', {
            params: { ...params, assignmentId: before.id },
            body: changeBody(before, draft),
          })
        : await call('createAssignment', { params, body: createBody(formId, draft) });
      props.onDone(saved);
    });

  // A problem about something this form shows no field for (the form of a form's own tab) is said here.
  const fields = ['targetCount', 'settlementId', 'sectionId', ...(before ? [] : ['personId', 'teamId'])];
  if (props.forms && !before) fields.push('formId');
  const elsewhere = Object.entries(errors)
    .filter(([path]) => !fields.includes(path))
    .map(([, message]) => message);
  const people = choices.assignees.filter((a) => a.kind === 'person');
  const teams = choices.assignees.filter((a) => a.kind === 'team');
  const titleId = `${idBase}-title`;
  return (
    <form
      ref={formRef}
      class="aside assignment-editor"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) void save();
      }}
    >
      <h2 id={titleId}>
        {before ? t('assignments.changeTitle', { name: before.assigneeName }) : t('assignments.new')}
      </h2>
      <StatusMessage error={action.error} />
      {elsewhere.length > 0 && (
        <ul class="error-text">
          {elsewhere.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {props.forms && !before && (
        <SelectField
          id={`${idBase}-form`}
          label={t('assignments.form')}
          value={formId}
          onValue={setFormId}
          error={errors.formId}
          options={[
            { value: '', label: t('assignments.chooseForm') },
            ...props.forms.map((f) => ({ value: f.id, label: f.title })),
          ]}
        />
      )}
      {!before && (
        <div class={errors.personId || errors.teamId ? 'field field-error' : 'field'}>
          <label for={`${idBase}-assignee`}>{t('assignments.assignee')}</label>
          {(errors.personId || errors.teamId) && (
            <p class="error-text" id={`${idBase}-assignee-error`}>
              {errors.personId ?? errors.teamId}
            </p>
          )}
          <select
            id={`${idBase}-assignee`}
            value={draft.assignee}
            aria-describedby={errors.personId || errors.teamId ? `${idBase}-assignee-error` : undefined}
            onChange={(event) => set({ assignee: event.currentTarget.value as Draft['assignee'] })}
          >
            <option value="">{t('assignments.chooseAssignee')}</option>
            {people.length > 0 && (
              <optgroup label={t('assignments.people')}>
                {people.map((a) => (
                  <option key={a.key} value={a.key}>
                    {a.name}
                  </option>
                ))}
              </optgroup>
            )}
            {teams.length > 0 && (
              <optgroup label={t('assignments.teams')}>
                {teams.map((a) => (
                  <option key={a.key} value={a.key}>
                    {t('assignments.teamName', { name: a.name })}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
      )}
      <TextField
        id={`${idBase}-target`}
        label={t('assignments.target')}
        hint={t('assignments.targetHint')}
        value={draft.target}
        onValue={(target) => set({ target })}
        inputMode="numeric"
        error={targetWrong ? t('assignments.targetInvalid') : errors.targetCount}
      />
      <SelectField
        id={`${idBase}-settlement`}
        label={t('assignments.settlement')}
        value={draft.settlementId}
        onValue={(settlementId) => set({ settlementId, sectionId: '' })}
        error={errors.settlementId}
        options={[
          { value: '', label: t('assignments.anywhere') },
          ...choices.settlements.map((s) => ({ value: s.id, label: s.name })),
        ]}
      />
      {draft.settlementId && (
        <>
          <StatusMessage error={sectionsError} />
          <SelectField
            id={`${idBase}-section`}
            label={t('assignments.section')}
            value={draft.sectionId}
            onValue={(sectionId) => set({ sectionId })}
            error={errors.sectionId}
            options={[
              { value: '', label: t('assignments.wholeSettlement') },
              ...(sections ?? []).map((s) => ({ value: s.id, label: sectionLabel(s) })),
            ]}
          />
        </>
      )}
      <div class="form-actions">
        <Button
          type="submit"
          data-endpoint={before ? 'updateAssignment' : 'createAssignment'}
          disabled={action.busy || !ready}
        >
          {before ? t('assignments.saveChanges') : t('assignments.save')}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {t('assignments.cancel')}
        </Button>
      </div>
    </form>
  );
}
