// Invite someone by a printable code (no email needed) or by an email link; list and revoke invites.
import type { Invite, Role, Workspace } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call, callAllPages } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { limits } from '../limits.ts';
import { navigate, paths } from '../router.ts';
import { Button, SelectField, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading } from '../ui/screen.tsx';
import { keepCreatedInvite } from './createdInvite.ts';
import { roleLabel } from './roles.ts';

export function InvitesSection({ workspace }: { workspace: Workspace }): JSX.Element {
  const { t, date } = useI18n();
  const params = { workspaceId: workspace.id };
  const [invites, setInvites] = useState<Invite[] | null>(null);
  const roles = workspace.abilities.inviteRoles;
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>(roles.includes('member') ? 'member' : (roles[0] ?? 'member'));
  const [delivery, setDelivery] = useState<'code' | 'email'>('code');
  const [email, setEmail] = useState('');
  const [days, setDays] = useState(String(limits.inviteDaysDefault));
  const [sentTo, setSentTo] = useState<string | null>(null);
  const list = useAction();
  const create = useAction();

  const load = () =>
    list.run(async () => {
      setInvites(await callAllPages('listInvites', { params }));
    });
  useEffect(() => {
    void load();
  }, [workspace.id]);

  const submit = (event: Event) => {
    event.preventDefault();
    setSentTo(null);
    void create.run(async () => {
      const created = await call('createInvite', {
        params,
        body: {
          role,
          delivery,
          displayName,
          expiresInDays: Number(days) || limits.inviteDaysDefault,
          ...(delivery === 'email' ? { email } : {}),
        },
      });
      if (created.code) {
        keepCreatedInvite(created);
        navigate(paths.inviteSlip(workspace.id));
        return;
      }
      setSentTo(t('invites.emailSent', { email }));
      setDisplayName('');
      setEmail('');
      await load();
    });
  };

  const revoke = (invite: Invite) => {
    if (!confirm(t('invites.revoke.confirm', { name: invite.personDisplayName }))) return;
    void list.run(async () => {
      await call('revokeInvite', { params: { ...params, inviteId: invite.id } });
      await load();
    });
  };

  // Only a hash of the code is kept, so printing again means a new code that replaces the old.
  const reprint = (invite: Invite) => {
    if (!confirm(t('invites.reprint.confirm', { name: invite.personDisplayName }))) return;
    void list.run(async () => {
      keepCreatedInvite(await call('reissueInviteCode', { params: { ...params, inviteId: invite.id } }));
      navigate(paths.inviteSlip(workspace.id));
    });
  };

  return (
    <>
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t('invites.create.title')}</h2>
        <form onSubmit={submit} noValidate>
          <StatusMessage error={create.error} success={sentTo} />
          <TextField
            id="invite-name"
            label={t('invites.create.name')}
            hint={t('invites.create.name.hint')}
            value={displayName}
            onValue={setDisplayName}
            error={create.fieldErrors.displayName}
            required
          />
          <SelectField
            id="invite-role"
            label={t('invites.create.role')}
            value={role}
            onValue={setRole}
            options={roles.map((value) => ({ value, label: roleLabel(t, value) }))}
            error={create.fieldErrors.role}
          />
          <fieldset>
            <legend>{t('invites.create.delivery')}</legend>
            {(['code', 'email'] as const).map((value) => (
              <div class="check" key={value}>
                <input
                  type="radio"
                  id={`invite-delivery-${value}`}
                  name="invite-delivery"
                  value={value}
                  checked={delivery === value}
                  onChange={() => setDelivery(value)}
                />
                <label for={`invite-delivery-${value}`}>{t(`invites.delivery.${value}`)}</label>
              </div>
            ))}
          </fieldset>
          {delivery === 'email' && (
            <TextField
              id="invite-email"
              type="email"
              label={t('invites.create.email')}
              value={email}
              onValue={setEmail}
              error={create.fieldErrors.email}
              required
              autocomplete="off"
            />
          )}
          <TextField
            id="invite-days"
            type="number"
            inputMode="numeric"
            min={1}
            max={limits.inviteDaysMax}
            label={t('invites.create.days')}
            value={days}
            onValue={setDays}
            error={create.fieldErrors.expiresInDays}
          />
          <Button
            type="submit"
            data-endpoint="createInvite"
            disabled={create.busy}
            icon={<Icon name={delivery === 'code' ? 'print' : 'plus'} />}
          >
            {delivery === 'code' ? t('invites.create.submitCode') : t('invites.create.submitEmail')}
          </Button>
        </form>
      </section>
      <section aria-labelledby="invites-heading">
        <h2 id="invites-heading">{t('invites.list.title')}</h2>
        <StatusMessage error={list.error} />
        {invites === null ? (
          <Loading />
        ) : invites.length === 0 ? (
          <p>{t('invites.list.empty')}</p>
        ) : (
          <ul class="card-list">
            {invites.map((invite) => (
              <li key={invite.id} class="card">
                <div>
                  <strong>{invite.personDisplayName}</strong> · {roleLabel(t, invite.role)}
                  <p class="muted">
                    {t(`invites.state.${invite.state}`)} ·{' '}
                    {invite.delivery === 'email' && invite.email
                      ? invite.email
                      : t('invites.codeHint', { hint: invite.codeHint ?? '' })}{' '}
                    · {t('invites.expires', { date: date(invite.expiresAt) })}
                  </p>
                </div>
                {invite.state === 'pending' && (
                  <div class="row-actions">
                    {invite.delivery === 'code' && (
                      <Button
                        variant="secondary"
                        data-endpoint="reissueInviteCode"
                        icon={<Icon name="print" />}
                        onClick={() => reprint(invite)}
                      >
                        {t('invites.reprint')}
                      </Button>
                    )}
                    <Button
                      variant="danger"
                      data-endpoint="revokeInvite"
                      icon={<Icon name="trash" />}
                      onClick={() => revoke(invite)}
                    >
                      {t('invites.revoke')}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
