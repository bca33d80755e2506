// Sign in with whatever the person has: an email address, a username or a phone number.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import { unlockAfterSignIn } from '../collect/collector.ts';
import { useI18n } from '../i18n/i18n.ts';
import { navigate, paths } from '../router.ts';
import { useApp } from '../state.ts';
import { Button, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Screen } from '../ui/screen.tsx';

export function SignInScreen(): JSX.Element {
  const { t } = useI18n();
  const { signedIn } = useApp();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();

  const submit = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const session = await call('signIn', { body: { login, password } });
      signedIn(session);
      // Opens (or first makes) this person's sealed work on the phone while the password is at hand.
      unlockAfterSignIn(session.account, password);
      navigate(paths.home());
    });
  };

  return (
    <Screen title={t('signIn.title')}>
      <form onSubmit={submit} noValidate>
        <StatusMessage error={action.error} />
        <TextField
          id="sign-in-login"
          label={t('signIn.login')}
          hint={t('signIn.login.hint')}
          value={login}
          onValue={setLogin}
          error={action.fieldErrors.login}
          required
          autocomplete="username"
          autocapitalize="none"
        />
        <TextField
          id="sign-in-password"
          type="password"
          label={t('signIn.password')}
          value={password}
          onValue={setPassword}
          error={action.fieldErrors.password}
          required
          autocomplete="current-password"
        />
        <Button type="submit" disabled={action.busy} icon={<Icon name="join" />}>
          {t('signIn.submit')}
        </Button>
      </form>
      <section class="aside" aria-labelledby="sign-in-code">
        <h2 id="sign-in-code">{t('signIn.haveCode')}</h2>
        <p>{t('signIn.haveCode.text')}</p>
        <a class="button button-secondary" href={paths.join()}>
          <Icon name="key" />
          <span>{t('signIn.haveCode.link')}</span>
        </a>
      </section>
    </Screen>
  );
}
