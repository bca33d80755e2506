// Members of a workspace and their roles. Coordinators change roles and remove members;
// everyone can leave. Invites are in InvitesSection.
import type { Member, Role, Workspace } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call, callAllPages } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { PhonesSection } from '../phones/PhonesSection.tsx';
import { navigate, paths } from '../router.ts';
import { useApp } from '../state.ts';
import { Button, StatusMessage, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { useWorkspace } from '../workspaces/useWorkspace.ts';
import { WorkspaceSettingsSection } from '../workspaces/WorkspaceSettingsSection.tsx';
import { InvitesSection } from './InvitesSection.tsx';
import { allRoles, roleLabel } from './roles.ts';

export function MembersScreen({ workspaceId }: { workspaceId: string }): JSX.Element {
  const { t } = useI18n();
  const workspace = useWorkspace(workspaceId);
  if (workspace === undefined) return <Loading />;
  if (workspace === null) return <Screen title={t('workspace.notFound')}>{null}</Screen>;
  const seesMembers = workspace.abilities.inviteMembers || workspace.abilities.manageWorkspace;
  return (
    <Screen title={seesMembers ? t('members.title') : t('members.mine.title')}>
      {seesMembers ? <MemberList workspace={workspace} /> : <OwnMembership workspace={workspace} />}
      {workspace.abilities.inviteMembers && <InvitesSection workspace={workspace} />}
      {workspace.abilities.manageWorkspace && <WorkspaceSettingsSection workspace={workspace} />}
      {workspace.abilities.manageWorkspace && <PhonesSection workspace={workspace} />}
    </Screen>
  );
}

/** Members and partners do not see the member list: only their own role, and a way to leave. */
function OwnMembership({ workspace }: { workspace: Workspace }): JSX.Element {
  const { t } = useI18n();
  const leave = useLeave(workspace);
  return (
    <div class="card member">
      <p>{t('members.mine.role', { workspace: workspace.name, role: roleLabel(t, workspace.role) })}</p>
      <StatusMessage error={leave.action.error} />
      <Button
        variant="secondary"
        data-endpoint="leaveWorkspace"
        icon={<Icon name="signOut" />}
        onClick={leave.run}
      >
        {t('members.leave')}
      </Button>
    </div>
  );
}

function useLeave(workspace: Workspace) {
  const { t } = useI18n();
  const { reloadWorkspaces } = useApp();
  const action = useAction();
  const run = () => {
    if (!confirm(t('members.leave.confirm', { workspace: workspace.name }))) return;
    void action.run(async () => {
      await call('leaveWorkspace', { params: { workspaceId: workspace.id } });
      await reloadWorkspaces();
      navigate(paths.workspaces());
    });
  };
  return { action, run };
}

function MemberList({ workspace }: { workspace: Workspace }): JSX.Element {
  const { t } = useI18n();
  const [members, setMembers] = useState<Member[] | null>(null);
  const action = useAction();
  const [success, setSuccess] = useState<string | null>(null);
  const params = { workspaceId: workspace.id };
  const manage = workspace.abilities.manageWorkspace;

  const load = () =>
    action.run(async () => {
      setMembers(await callAllPages('listMembers', { params }));
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

  const leave = useLeave(workspace);

  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members.list.title')}</h2>
      <StatusMessage error={action.error ?? leave.action.error} success={success} />
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
                    data-endpoint="changeMemberRole"
                    disabled={action.busy}
                    onChange={(event) => void changeRole(member, event.currentTarget.value as Role)}
                  >
                    {allRoles.map((role) => (
                      <option key={role} value={role}>
                        {roleLabel(t, role)}
                      </option>
                    ))}
                  </select>
                  <Button
                    variant="danger"
                    data-endpoint="removeMember"
                    icon={<Icon name="trash" />}
                    onClick={() => remove(member)}
                  >
                    {t('members.remove')}
                  </Button>
                </div>
              ) : (
                <span class="badge role" data-role={member.role}>
                  {roleLabel(t, member.role)}
                </span>
              )}
              {member.isSelf && (
                <Button
                  variant="secondary"
                  data-endpoint="leaveWorkspace"
                  icon={<Icon name="signOut" />}
                  onClick={leave.run}
                >
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
