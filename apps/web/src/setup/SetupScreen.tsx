// First run: an empty server asks for its first coordinator, who can then create workspaces.

import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { limits } from '../limits.ts';
import { navigate, paths } from '../router.ts';
import { useApp } from '../state.ts';
import { Button, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Screen } from '../ui/screen.tsx';

export function SetupScreen(): JSX.Element {
  const { t, locale } = useI18n();
  const { signedIn } = useApp();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const action = useAction();
  const errors = action.fieldErrors;

  const submit = (event: Event) => {
    event.preventDefault();
    const short = password.length < limits.passwordMin;
    setTooShort(short);
    if (short) return;
    void action.run(async () => {
      const session = await call('setup', {
        body: { displayName, username, password, locale, ...(email.trim() ? { email: email.trim() } : {}) },
      });
      signedIn(session);
      navigate(paths.workspaces());
    });
  };

  return (
    <Screen title={t('setup.title')}>
      <p>{t('setup.intro')}</p>
      <form onSubmit={submit} noValidate>
        <StatusMessage error={action.error} />
        <TextField
          id="setup-display-name"
          label={t('setup.displayName')}
          value={displayName}
          onValue={setDisplayName}
          error={errors.displayName}
          required
          autocomplete="name"
        />
        <TextField
          id="setup-username"
          label={t('setup.username')}
          hint={t('setup.username.hint')}
          value={username}
          onValue={setUsername}
          error={errors.username}
          required
          autocomplete="username"
          autocapitalize="none"
        />
        <TextField
          id="setup-email"
          type="email"
          label={t('setup.email')}
          value={email}
          onValue={setEmail}
          error={errors.email}
          autocomplete="email"
        />
        <TextField
          id="setup-password"
          type="password"
          label={t('setup.password')}
          hint={t('password.hint', { min: limits.passwordMin })}
          value={password}
          onValue={setPassword}
          error={tooShort ? t('password.tooShort', { min: limits.passwordMin }) : errors.password}
          required
          autocomplete="new-password"
        />
        <Button type="submit" disabled={action.busy} icon={<Icon name="check" />}>
          {t('setup.submit')}
        </Button>
      </form>
    </Screen>
  );
}
