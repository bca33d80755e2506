// Members of a workspace and their roles. Coordinators change roles and remove members;
// everyone can leave. Invites are in InvitesSection.
import type { Member, Role, Workspace } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { navigate, paths } from '../router.ts';
import { useApp } from '../state.ts';
import { Button, StatusMessage, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { useWorkspace } from '../workspaces/useWorkspace.ts';
import { InvitesSection } from './InvitesSection.tsx';
import { allRoles, roleLabel } from './roles.ts';

export function MembersScreen({ workspaceId }: { workspaceId: string }): JSX.Element {
  const { t } = useI18n();
  const workspace = useWorkspace(workspaceId);
  if (workspace === undefined) return <Loading />;
  if (workspace === null) return <Screen title={t('workspace.notFound')}>{null}</Screen>;
  return (
    <Screen title={t('members.title')}>
      <MemberList workspace={workspace} />
      {workspace.abilities.inviteMembers && <InvitesSection workspace={workspace} />}
    </Screen>
  );
}

function MemberList({ workspace }: { workspace: Workspace }): JSX.Element {
  const { t } = useI18n();
  const { reloadWorkspaces } = useApp();
  const [members, setMembers] = useState<Member[] | null>(null);
  const action = useAction();
  const [success, setSuccess] = useState<string | null>(null);
  const params = { workspaceId: workspace.id };
  const manage = workspace.abilities.manageWorkspace;

  const load = () =>
    action.run(async () => {
      setMembers((await call('listMembers', { params })).items);
    });
  useEffect(() => {
    void load();
  }, [workspace.id]);

  const changeRole = (member: Member, role: Role) =>
    action.run(async () => {
      const updated = await call('changeMemberRole', {
        params: { ...params, membershipId: member.id },
        body: { role },
      });
      setMembers((list) => list?.map((item) => (item.id === updated.id ? updated : item)) ?? null);
      setSuccess(t('members.roleChanged', { name: member.displayName, role: roleLabel(t, role) }));
    });

  const remove = (member: Member) => {
    if (!confirm(t('members.remove.confirm', { name: member.displayName }))) return;
    void action.run(async () => {
      await call('removeMember', { params: { ...params, membershipId: member.id } });
      setMembers((list) => list?.filter((item) => item.id !== member.id) ?? null);
      setSuccess(t('members.removed', { name: member.displayName }));
    });
  };

  const leave = () => {
    if (!confirm(t('members.leave.confirm', { workspace: workspace.name }))) return;
    void action.run(async () => {
      await call('leaveWorkspace', { params });
      await reloadWorkspaces();
      navigate(paths.workspaces());
    });
  };

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members.list.title')}</h2>
      <StatusMessage error={action.error} success={success} />
      {members === null ? (
        <Loading />
      ) : (
        <ul class="card-list">
          {members.map((member) => (
            <li key={member.id} class="card member">
              <div class="member-name">
                <strong>{member.displayName}</strong>
                {member.username && <span class="muted">@{member.username}</span>}
                {member.isSelf && <span class="badge">{t('members.you')}</span>}
              </div>
              {manage && !member.isSelf ? (
                <div class="member-actions">
                  <label for={`role-${member.id}`} class="visually-hidden">
                    {t('members.role.label', { name: member.displayName })}
                  </label>
                  <select
                    id={`role-${member.id}`}
                    value={member.role}
                    disabled={action.busy}
                    onChange={(event) => void changeRole(member, event.currentTarget.value as Role)}
                  >
                    {allRoles.map((role) => (
                      <option key={role} value={role}>
                        {roleLabel(t, role)}
                      </option>
                    ))}
                  </select>
                  <Button variant="danger" icon={<Icon name="trash" />} onClick={() => remove(member)}>
                    {t('members.remove')}
                  </Button>
                </div>
              ) : (
                <span class="badge role" data-role={member.role}>
                  {roleLabel(t, member.role)}
                </span>
              )}
              {member.isSelf && (
                <Button variant="secondary" icon={<Icon name="signOut" />} onClick={leave}>
                  {t('members.leave')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
