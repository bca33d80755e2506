// Two doors painted with one number: after checking on the ground, the team gives one of them a
// new number here (a change on the version read, kept in the history like any other).
import type { Structure } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Button, StatusMessage, TextField, useAction } from '../ui/forms.tsx';

export function Renumber(props: {
  workspaceId: string;
  structure: Structure;
  onChanged: (structure: Structure) => void;
}): JSX.Element {
  const { t } = useI18n();
  const [number, setNumber] = useState(props.structure.number);
  const action = useAction();
  const save = () =>
    action.run(async () => {
      const changed = await call('updateStructure', {
        params: { workspaceId: props.workspaceId, structureId: props.structure.id },
        body: { baseVersionId: props.structure.versionId, number: number.trim() },
      });
      props.onChanged(changed);
    });
  return (
    <form
      class="aside"
      aria-labelledby="renumber-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="renumber-title">{t('structure.renumber')}</h2>
      <StatusMessage error={action.error} />
      <TextField
        id="structure-number"
        label={t('map.number')}
        value={number}
        onValue={setNumber}
        required
        autocapitalize="characters"
        error={action.fieldErrors.number}
      />
      <div class="form-actions">
        <Button
          type="submit"
          data-endpoint="updateStructure"
          disabled={action.busy || !number.trim() || number.trim() === props.structure.number}
        >
          {t('structure.renumberSave')}
        </Button>
      </div>
    </form>
  );
}
