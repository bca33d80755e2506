// One's own account: name, language, password, signed-in devices and API tokens.

import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import { type Locale, locales, useI18n } from '../i18n/i18n.ts';
import { limits } from '../limits.ts';
import { lastWorkspace, useApp } from '../state.ts';
import { Button, Checkbox, SelectField, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { DevicesSection } from './DevicesSection.tsx';
import { TokensSection } from './TokensSection.tsx';

export function AccountScreen(): JSX.Element {
  const { t, locale, setLocale } = useI18n();
  const { account, setAccount } = useApp();
  const [displayName, setDisplayName] = useState(account?.displayName ?? '');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [stopTokens, setStopTokens] = useState(true);
  const [tooShort, setTooShort] = useState(false);
  const [profileSaved, setProfileSaved] = useState<string | null>(null);
  const [passwordSaved, setPasswordSaved] = useState<string | null>(null);
  const profile = useAction();
  const password = useAction();
  if (!account) return <Loading />;

  const saveProfile = (event: Event) => {
    event.preventDefault();
    setProfileSaved(null);
    void profile.run(async () => {
      setAccount(await call('updateAccount', { body: { displayName } }));
      setProfileSaved(t('account.saved'));
    });
  };

  const changePassword = (event: Event) => {
    event.preventDefault();
    setPasswordSaved(null);
    const short = next.length < limits.passwordMin;
    setTooShort(short);
    if (short) return;
    void password.run(async () => {
      await call('changePassword', {
        body: { currentPassword: current, newPassword: next, revokeApiTokens: stopTokens },
      });
      setCurrent('');
      setNext('');
      setPasswordSaved(t('account.password.saved'));
    });
  };

  const workspaceId = lastWorkspace();
  return (
    <Screen title={t('account.title')}>
      <p class="muted">
        {[account.username && `@${account.username}`, account.email, account.phone]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <section aria-labelledby="account-profile">
        <h2 id="account-profile">{t('account.profile')}</h2>
        <form onSubmit={saveProfile} noValidate>
          <StatusMessage error={profile.error} success={profileSaved} />
          <TextField
            id="account-display-name"
            label={t('account.displayName')}
            value={displayName}
            onValue={setDisplayName}
            error={profile.fieldErrors.displayName}
            autocomplete="name"
          />
          <SelectField
            id="account-locale"
            label={t('account.locale')}
            value={locale}
            onValue={(value: Locale) => setLocale(value)}
            options={locales.map((code) => ({ value: code, label: t(`language.${code}`) }))}
          />
          <Button type="submit" disabled={profile.busy} icon={<Icon name="save" />}>
            {t('account.save')}
          </Button>
        </form>
      </section>
      <section aria-labelledby="account-password">
        <h2 id="account-password">{t('account.password')}</h2>
        <form onSubmit={changePassword} noValidate>
          <StatusMessage error={password.error} success={passwordSaved} />
          <TextField
            id="account-current-password"
            type="password"
            label={t('account.password.current')}
            value={current}
            onValue={setCurrent}
            error={password.fieldErrors.currentPassword}
            autocomplete="current-password"
          />
          <TextField
            id="account-new-password"
            type="password"
            label={t('account.password.new')}
            hint={t('password.hint', { min: limits.passwordMin })}
            value={next}
            onValue={setNext}
            error={
              tooShort
                ? t('password.tooShort', { min: limits.passwordMin })
                : password.fieldErrors.newPassword
            }
            autocomplete="new-password"
          />
          <p class="hint">{t('account.password.others')}</p>
          <Checkbox
            id="account-stop-tokens"
            label={t('tokens.revokeToo')}
            checked={stopTokens}
            onChecked={setStopTokens}
          />
          <Button type="submit" disabled={password.busy} icon={<Icon name="key" />}>
            {t('account.password.submit')}
          </Button>
        </form>
      </section>
      <DevicesSection />
      {workspaceId && <TokensSection workspaceId={workspaceId} />}
    </Screen>
  );
}
