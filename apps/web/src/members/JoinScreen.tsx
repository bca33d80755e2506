// Redeem an invite: type the code from a printed slip, or arrive from an email link (/join?code=…).
// Someone not signed in chooses a username and password here; no email or phone is needed.

import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { limits } from '../limits.ts';
import { navigate, paths } from '../router.ts';
import { useApp } from '../state.ts';
import { Button, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Screen } from '../ui/screen.tsx';
import { workspaceHome } from '../workspaces/home.ts';
import { roleLabel } from './roles.ts';

interface Preview {
  workspaceName: string;
  role: 'coordinator' | 'staff' | 'researcher' | 'member' | 'partner';
  personDisplayName: string;
  expiresAt: string;
}

export function JoinScreen({ code: initialCode }: { code: string }): JSX.Element {
  const { t, date } = useI18n();
  const { account, refreshSession, reloadWorkspaces } = useApp();
  const [code, setCode] = useState(initialCode);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const checking = useAction();
  const joining = useAction();

  const check = (value: string) =>
    checking.run(async () => {
      setPreview(await call('previewInvite', { body: { code: value } }));
    });

  useEffect(() => {
    if (initialCode) void check(initialCode);
  }, [initialCode]);

  const join = (event: Event) => {
    event.preventDefault();
    const short = !account && password.length < limits.passwordMin;
    setTooShort(short);
    if (short) return;
    void joining.run(async () => {
      const result = await call('redeemInvite', {
        body: account ? { code } : { code, username, password, displayName: preview?.personDisplayName },
      });
      await refreshSession();
      const joined = (await reloadWorkspaces()).find((workspace) => workspace.id === result.workspaceId);
      navigate(joined ? workspaceHome(joined) : paths.workspaces());
    });
  };

  return (
    <Screen title={t('join.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void check(code);
        }}
        noValidate
      >
        <StatusMessage error={checking.error} />
        <TextField
          id="join-code"
          label={t('join.code')}
          hint={t('join.code.hint')}
          value={code}
          onValue={(value) => {
            setCode(value);
            setPreview(null);
          }}
          error={checking.fieldErrors.code}
          class="code-input"
          autocomplete="one-time-code"
          autocapitalize="characters"
          spellcheck={false}
          required
        />
        {!preview && (
          <Button
            type="submit"
            disabled={checking.busy || code.trim().length < 6}
            icon={<Icon name="search" />}
          >
            {t('join.check')}
          </Button>
        )}
      </form>
      {preview && (
        <form onSubmit={join} noValidate class="join-details">
          <div class="card">
            <p>{t('join.preview', { workspace: preview.workspaceName, role: roleLabel(t, preview.role) })}</p>
            <p>{t('join.preview.person', { name: preview.personDisplayName })}</p>
            <p>{t('join.preview.expires', { date: date(preview.expiresAt) })}</p>
          </div>
          <StatusMessage error={joining.error} />
          {account ? (
            <p>{t('join.asAccount', { name: account.displayName })}</p>
          ) : (
            <>
              <p>{t('join.newAccount')}</p>
              <TextField
                id="join-username"
                label={t('join.username')}
                hint={t('setup.username.hint')}
                value={username}
                onValue={setUsername}
                error={joining.fieldErrors.username}
                required
                autocomplete="username"
                autocapitalize="none"
              />
              <TextField
                id="join-password"
                type="password"
                label={t('join.password')}
                hint={t('password.hint', { min: limits.passwordMin })}
                value={password}
                onValue={setPassword}
                error={
                  tooShort
                    ? t('password.tooShort', { min: limits.passwordMin })
                    : joining.fieldErrors.password
                }
                required
                autocomplete="new-password"
              />
            </>
          )}
          <Button type="submit" disabled={joining.busy} icon={<Icon name="join" />}>
            {t('join.submit', { workspace: preview.workspaceName })}
          </Button>
        </form>
      )}
    </Screen>
  );
}
