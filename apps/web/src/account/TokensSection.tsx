// Personal API tokens for scripts, one workspace each. The secret is shown once, at creation.
import type { ApiToken, Role } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call, callAllPages } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { allRoles, roleLabel } from '../members/roles.ts';
import { Button, SelectField, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { useWorkspace } from '../workspaces/useWorkspace.ts';

export function TokensSection({ workspaceId }: { workspaceId: string }): JSX.Element | null {
  const { t, date } = useI18n();
  const workspace = useWorkspace(workspaceId);
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [secret, setSecret] = useState<string | null>(null);
  const action = useAction();
  const allowed = workspace?.abilities.manageTokens === true;
  const params = { workspaceId };

  const load = () =>
    action.run(async () => {
      setTokens(await callAllPages('listApiTokens', { params }));
    });
  useEffect(() => {
    if (allowed) void load();
  }, [allowed, workspaceId]);
  if (!workspace || !allowed) return null;

  // The server says which roles the caller's role covers (members and partners cover neither).
  const roles = allRoles.filter((r) => workspace.abilities.tokenRoles.includes(r));

  const create = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const created = await call('createApiToken', { params, body: { name, role } });
      setSecret(created.secret);
      setName('');
      setTokens((list) => [created.token, ...(list ?? [])]);
    });
  };

  const revoke = (token: ApiToken) =>
    action.run(async () => {
      await call('revokeApiToken', { params: { ...params, tokenId: token.id } });
      await load();
    });

  return (
    <section aria-labelledby="account-tokens">
      <h2 id="account-tokens">{t('tokens.title', { workspace: workspace.name })}</h2>
      <p class="hint">{t('tokens.hint')}</p>
      <StatusMessage error={action.error} />
      {secret && (
        <div class="card notice-success">
          <p>{t('tokens.secret')}</p>
          <p class="code secret" translate={false}>
            {secret}
          </p>
        </div>
      )}
      <ul class="card-list">
        {(tokens ?? []).map((token) => (
          <li key={token.id} class="card">
            <div>
              <strong>{token.name}</strong> · {roleLabel(t, token.role)}
              <p class="muted">
                {token.revokedAt
                  ? t('tokens.revoked', { date: date(token.revokedAt) })
                  : t('tokens.lastUsed', {
                      date: token.lastUsedAt ? date(token.lastUsedAt) : t('tokens.never'),
                    })}
                {!token.revokedAt && token.expiresAt && (
                  <>
                    {' · '}
                    {Date.parse(token.expiresAt) <= Date.now()
                      ? t('tokens.expired', { date: date(token.expiresAt) })
                      : t('tokens.expires', { date: date(token.expiresAt) })}
                  </>
                )}
              </p>
            </div>
            {!token.revokedAt && (
              <Button
                variant="danger"
                data-endpoint="revokeApiToken"
                icon={<Icon name="trash" />}
                onClick={() => void revoke(token)}
              >
                {t('tokens.revoke')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={create} noValidate>
        <TextField
          id="token-name"
          label={t('tokens.name')}
          value={name}
          onValue={setName}
          error={action.fieldErrors.name}
        />
        <SelectField
          id="token-role"
          label={t('tokens.role')}
          value={role}
          onValue={setRole}
          options={roles.map((value) => ({ value, label: roleLabel(t, value) }))}
        />
        <Button
          type="submit"
          variant="secondary"
          data-endpoint="createApiToken"
          disabled={action.busy}
          icon={<Icon name="plus" />}
        >
          {t('tokens.create')}
        </Button>
      </form>
    </section>
  );
}
