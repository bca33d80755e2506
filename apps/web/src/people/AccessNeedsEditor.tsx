// What someone needs in order to take part. Meetings are planned from this, so it is worth asking.
import type { AccessNeeds } from '@coproduce/contract';
import { emptyAccessNeeds } from '@coproduce/contract/constants';
import type { JSX } from 'preact';
import { useI18n } from '../i18n/i18n.ts';
import { Checkbox, TextArea, TextField } from '../ui/forms.tsx';

// entryHelp lets staff write in the person's name (x-on-behalf-of): the server decides who may tick it.
export const needFlags = ['childcare', 'travel', 'stepFree', 'largePrint', 'quietRoom', 'entryHelp'] as const;

export function AccessNeedsEditor({
  needs,
  onChange,
  errors,
  readOnly,
  self = false,
}: {
  needs: AccessNeeds;
  onChange: (needs: AccessNeeds) => void;
  errors: Record<string, string>;
  readOnly: boolean;
  /** The person is the reader: "What you need". */
  self?: boolean;
}): JSX.Element {
  const { t } = useI18n();
  const set = (patch: Partial<AccessNeeds>) => onChange({ ...needs, ...patch });
  return (
    <fieldset class="group" disabled={readOnly}>
      <legend>{t(self ? 'needs.title.self' : 'needs.title')}</legend>
      <p class="hint">{t('needs.hint')}</p>
      <div class="check-grid">
        {needFlags.map((flag) => (
          <Checkbox
            key={flag}
            id={`needs-${flag}`}
            label={t(`needs.${flag}`)}
            checked={needs[flag]}
            onChecked={(checked) => set({ [flag]: checked })}
          />
        ))}
        <Checkbox
          id="needs-interpreter"
          label={t('needs.interpreter')}
          checked={needs.interpreter !== null}
          onChecked={(checked) => set({ interpreter: checked ? { language: '' } : null })}
        />
      </div>
      {needs.interpreter !== null && (
        <TextField
          id="needs-interpreter-language"
          label={t('needs.interpreter.language')}
          value={needs.interpreter.language}
          onValue={(language) => set({ interpreter: { language } })}
          error={errors['accessNeeds.interpreter.language']}
        />
      )}
      <TextField
        id="needs-times"
        label={t('needs.preferredTimes')}
        hint={t('needs.preferredTimes.hint')}
        value={needs.preferredTimes}
        onValue={(preferredTimes) => set({ preferredTimes })}
        error={errors['accessNeeds.preferredTimes']}
      />
      <TextArea
        id="needs-other"
        label={t('needs.other')}
        value={needs.other}
        onValue={(other) => set({ other })}
        error={errors['accessNeeds.other']}
      />
    </fieldset>
  );
}

export const noAccessNeeds: AccessNeeds = emptyAccessNeeds;
