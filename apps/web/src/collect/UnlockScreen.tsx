// Opening one's work on this phone. Signed in: with the password (the first time here, checked by
// the server before a key is made) or the device PIN. Offline: choose who you are from the people
// with work on this phone, then the password or PIN that opens only that person's work.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { WrongSecretError } from '../offline/crypto.ts';
import { NoKeyError } from '../offline/db.ts';
import { hasKey, unlock, usersOnDevice } from '../offline/keys.ts';
import { useApp } from '../state.ts';
import { Button, TextField } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Screen } from '../ui/screen.tsx';
import { offlineDb, setCollector, unlockOnDevice } from './collector.ts';

export function UnlockScreen(): JSX.Element {
  const { t } = useI18n();
  const { account, signedIn } = useApp();
  const [users, setUsers] = useState<Array<{ userId: string; label: string }> | null>(null);
  const [chosen, setChosen] = useState<string>('');
  const [keyHere, setKeyHere] = useState<boolean | null>(null);
  const [usePin, setUsePin] = useState(false);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void (async () => {
      const db = await offlineDb();
      if (account) setKeyHere(await hasKey(db, account.id));
      else {
        const list = await usersOnDevice(db);
        setUsers(list);
        if (list.length === 1) setChosen(list[0]!.userId);
      }
    })();
  }, [account]);

  const userId = account?.id ?? chosen;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!userId || !secret) return setError(t('collect.unlock.missing'));
    setBusy(true);
    setError(null);
    try {
      if (account && keyHere === false) {
        // First time on this phone: the server checks the password before a key is made for it.
        const login = account.username ?? account.email ?? account.phone ?? '';
        const session = await call('signIn', { body: { login, password: secret } });
        signedIn(session);
        const db = await offlineDb();
        setCollector(
          await unlock(
            db,
            account.id,
            { password: secret },
            { createIfMissing: true, label: account.displayName },
          ),
        );
      } else await unlockOnDevice(userId, usePin ? { pin: secret } : { password: secret });
    } catch (caught) {
      setError(
        caught instanceof WrongSecretError
          ? t(usePin ? 'collect.unlock.wrongPin' : 'collect.unlock.wrongPassword')
          : caught instanceof NoKeyError
            ? t(caught.what === 'pin' ? 'collect.unlock.noPin' : 'collect.unlock.noWork')
            : t('collect.unlock.failed'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title={t('collect.unlock.title')}>
      <p>{account && keyHere === false ? t('collect.unlock.firstTime') : t('collect.unlock.hint')}</p>
      <form onSubmit={submit} noValidate>
        <div class="status" role="alert" aria-live="assertive">
          {error && <p class="notice notice-error">{error}</p>}
        </div>
        {!account && users && users.length === 0 && <p class="notice">{t('collect.unlock.nobody')}</p>}
        {!account && users && users.length > 0 && (
          <fieldset class="field collect-who">
            <legend>{t('collect.unlock.who')}</legend>
            {users.map((user) => (
              <div class="check" key={user.userId}>
                <input
                  type="radio"
                  id={`who-${user.userId}`}
                  name="who"
                  checked={chosen === user.userId}
                  onChange={() => setChosen(user.userId)}
                />
                <label for={`who-${user.userId}`}>{user.label}</label>
              </div>
            ))}
          </fieldset>
        )}
        <TextField
          id="collect-secret"
          type="password"
          label={usePin ? t('collect.unlock.pin') : t('collect.unlock.password')}
          value={secret}
          onValue={setSecret}
          required
          autocomplete={usePin ? 'off' : 'current-password'}
        />
        <Button type="submit" disabled={busy} icon={<Icon name="key" />}>
          {t('collect.unlock.submit')}
        </Button>
        {!(account && keyHere === false) && (
          <Button variant="plain" onClick={() => setUsePin(!usePin)}>
            {usePin ? t('collect.unlock.usePassword') : t('collect.unlock.usePin')}
          </Button>
        )}
      </form>
    </Screen>
  );
}
