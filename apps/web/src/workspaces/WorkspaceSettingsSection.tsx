// Name, main language and time zone of a workspace, for those who manage it.
import type { Workspace } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import { type Locale, locales, useI18n } from '../i18n/i18n.ts';
import { useApp } from '../state.ts';
import { Button, SelectField, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';

export function WorkspaceSettingsSection({ workspace }: { workspace: Workspace }): JSX.Element {
  const { t } = useI18n();
  const { reloadWorkspaces } = useApp();
  const [name, setName] = useState(workspace.name);
  const [defaultLocale, setDefaultLocale] = useState<Locale>(workspace.defaultLocale);
  const [timeZone, setTimeZone] = useState(workspace.timeZone);
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction();

  const submit = (event: Event) => {
    event.preventDefault();
    setSaved(null);
    void action.run(async () => {
      await call('updateWorkspace', {
        params: { workspaceId: workspace.id },
        body: { name, defaultLocale, timeZone },
      });
      await reloadWorkspaces();
      setSaved(t('account.saved'));
    });
  };

  return (
    <section aria-labelledby="workspace-settings">
      <h2 id="workspace-settings">{t('workspace.settings.title')}</h2>
      <form onSubmit={submit} noValidate>
        <StatusMessage error={action.error} success={saved} />
        <TextField
          id="settings-name"
          label={t('workspaces.create.name')}
          value={name}
          onValue={setName}
          error={action.fieldErrors.name}
          required
        />
        <SelectField
          id="settings-locale"
          label={t('workspaces.create.locale')}
          value={defaultLocale}
          onValue={setDefaultLocale}
          options={locales.map((code) => ({ value: code, label: t(`language.${code}`) }))}
        />
        <TextField
          id="settings-time-zone"
          label={t('workspaces.create.timeZone')}
          hint={t('workspaces.create.timeZone.hint')}
          value={timeZone}
          onValue={setTimeZone}
          error={action.fieldErrors.timeZone}
        />
        <Button
          type="submit"
          variant="secondary"
          data-endpoint="updateWorkspace"
          disabled={action.busy}
          icon={<Icon name="save" />}
        >
          {t('workspace.settings.save')}
        </Button>
      </form>
    </section>
  );
}
