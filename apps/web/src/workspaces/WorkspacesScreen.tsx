// The workspaces this account belongs to, to switch between them; server admins can create one.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { type Locale, locales, useI18n } from '../i18n/i18n.ts';
import { roleLabel } from '../members/roles.ts';
import { navigate } from '../router.ts';
import { useApp } from '../state.ts';
import { Button, SelectField, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { workspaceHome } from './home.ts';

export function WorkspacesScreen(): JSX.Element {
  const { t, locale } = useI18n();
  const { account, workspaces, reloadWorkspaces } = useApp();
  const load = useAction();
  const create = useAction();
  const [name, setName] = useState('');
  const [defaultLocale, setDefaultLocale] = useState<Locale>(locale);
  const [timeZone, setTimeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');

  useEffect(() => {
    void load.run(async () => {
      await reloadWorkspaces();
    });
  }, []);

  const submit = (event: Event) => {
    event.preventDefault();
    void create.run(async () => {
      const workspace = await call('createWorkspace', { body: { name, defaultLocale, timeZone } });
      await reloadWorkspaces();
      navigate(workspaceHome(workspace));
    });
  };

  return (
    <Screen title={t('workspaces.title')}>
      <StatusMessage error={load.error} />
      {workspaces === null ? (
        load.busy && <Loading />
      ) : workspaces.length === 0 ? (
        <p>{account?.isAdmin ? t('workspaces.none.admin') : t('workspaces.none')}</p>
      ) : (
        <ul class="card-list">
          {workspaces.map((workspace) => (
            <li key={workspace.id} class="card">
              <a class="card-link" href={workspaceHome(workspace)}>
                {workspace.name}
              </a>
              <span class="badge">{roleLabel(t, workspace.role)}</span>
            </li>
          ))}
        </ul>
      )}
      {account?.isAdmin && (
        <section aria-labelledby="create-workspace">
          <h2 id="create-workspace">{t('workspaces.create.title')}</h2>
          <form onSubmit={submit} noValidate>
            <StatusMessage error={create.error} />
            <TextField
              id="workspace-name"
              label={t('workspaces.create.name')}
              hint={t('workspaces.create.name.hint')}
              value={name}
              onValue={setName}
              error={create.fieldErrors.name}
              required
            />
            <SelectField
              id="workspace-locale"
              label={t('workspaces.create.locale')}
              value={defaultLocale}
              onValue={setDefaultLocale}
              options={locales.map((code) => ({ value: code, label: t(`language.${code}`) }))}
            />
            <TextField
              id="workspace-time-zone"
              label={t('workspaces.create.timeZone')}
              hint={t('workspaces.create.timeZone.hint')}
              value={timeZone}
              onValue={setTimeZone}
              error={create.fieldErrors.timeZone}
            />
            <Button type="submit" disabled={create.busy} icon={<Icon name="plus" />}>
              {t('workspaces.create.submit')}
            </Button>
          </form>
        </section>
      )}
    </Screen>
  );
}
