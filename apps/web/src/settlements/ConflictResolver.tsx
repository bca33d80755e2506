// Two changes made on the same version: the one kept and the one in conflict, side by side. A
// coordinator chooses which stands and says why; both versions stay in the history either way.
import type { Section, Structure, UpdateStructureInput } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Button, StatusMessage, TextArea, useAction } from '../ui/forms.tsx';
import { ScrollTable } from './ScrollTable.tsx';
import type { History } from './StructureScreen.tsx';
import { structureFields, useFieldLabel, useFieldValue } from './values.ts';

type Choice = 'kept' | 'other';

/** The open conflict: the newest conflict version after the last resolution. */
export function openConflict(history: History) {
  const lastResolution = Math.max(
    0,
    ...history.items.filter((v) => v.kind === 'resolution').map((v) => v.number),
  );
  return history.items
    .filter((v) => v.kind === 'conflict' && v.number > lastResolution)
    .sort((a, b) => b.number - a.number)[0];
}

export function ConflictResolver(props: {
  workspaceId: string;
  structure: Structure;
  history: History;
  sections: Section[];
  canResolve: boolean;
  onResolved: (structure: Structure) => void;
}): JSX.Element | null {
  const { t } = useI18n();
  const value = useFieldValue(props.sections);
  const label = useFieldLabel();
  const [choice, setChoice] = useState<Choice>('kept');
  const [reason, setReason] = useState('');
  const action = useAction();
  const current = props.history.items.find((v) => v.id === props.history.current);
  const other = openConflict(props.history);
  if (!current || !other) return null;

  const resolve = () =>
    action.run(async () => {
      const body: UpdateStructureInput & { reason: string } = {
        baseVersionId: props.history.current,
        reason: reason.trim(),
      };
      if (choice === 'other') {
        const taken = body as unknown as Record<string, unknown>;
        for (const field of structureFields) if (field in other.content) taken[field] = other.content[field];
      }
      const resolved = await call('resolveStructure', {
        params: { workspaceId: props.workspaceId, structureId: props.structure.id },
        body,
      });
      props.onResolved(resolved);
    });

  return (
    <section aria-labelledby="conflict-title" class="conflict">
      <h2 id="conflict-title">{t('conflict.title')}</h2>
      <p>{t('conflict.explain')}</p>
      <ScrollTable labelledBy="conflict-title">
        <thead>
          <tr>
            <th scope="col">{t('conflict.field')}</th>
            <th scope="col">{t('conflict.kept', { number: current.number })}</th>
            <th scope="col">{t('conflict.other', { number: other.number })}</th>
          </tr>
        </thead>
        <tbody>
          {structureFields.map((field) => {
            const a = value(field, current.content[field]);
            const b = value(field, other.content[field]);
            return (
              <tr key={field} class={a === b ? undefined : 'differs'}>
                <th scope="row">
                  {label(field)}
                  {a !== b && <span class="badge">{t('conflict.differs')}</span>}
                </th>
                <td>{a}</td>
                <td>{b}</td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
      {props.canResolve ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void resolve();
          }}
        >
          <fieldset>
            <legend>{t('conflict.choose')}</legend>
            {(['kept', 'other'] as const).map((option) => (
              <div class="check" key={option}>
                <input
                  id={`conflict-${option}`}
                  type="radio"
                  name="conflict-choice"
                  checked={choice === option}
                  onChange={() => setChoice(option)}
                />
                <label for={`conflict-${option}`}>
                  {option === 'kept'
                    ? t('conflict.keepKept', { number: current.number })
                    : t('conflict.takeOther', { number: other.number })}
                </label>
              </div>
            ))}
          </fieldset>
          <TextArea
            id="conflict-reason"
            label={t('conflict.reason')}
            hint={t('conflict.reasonHint')}
            value={reason}
            onValue={setReason}
            error={action.fieldErrors.reason}
          />
          <StatusMessage error={action.error} />
          <div class="form-actions">
            <Button type="submit" data-endpoint="resolveStructure" disabled={action.busy || !reason.trim()}>
              {t('conflict.resolve')}
            </Button>
          </div>
        </form>
      ) : (
        <p class="hint">{t('conflict.askCoordinator')}</p>
      )}
    </section>
  );
}
