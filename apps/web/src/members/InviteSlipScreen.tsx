// A slip to print and hand over: workspace, the person's name, the code in large type, how to
// use it and until when. Print CSS leaves only the slip on paper.
import type { JSX } from 'preact';
import { useI18n } from '../i18n/i18n.ts';
import { paths } from '../router.ts';
import { Button } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Screen } from '../ui/screen.tsx';
import { createdInvite } from './createdInvite.ts';
import { roleLabel } from './roles.ts';

/** Groups of four are easier to read aloud and type; the server ignores spaces and dashes. */
export function groupCode(code: string): string {
  return code.replace(/[\s-]/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

export function InviteSlipScreen({ workspaceId }: { workspaceId: string }): JSX.Element {
  const { t, date } = useI18n();
  const created = createdInvite();
  if (!created?.code) {
    return (
      <Screen title={t('slip.title')}>
        <p>{t('slip.gone')}</p>
        <a href={paths.members(workspaceId)}>{t('slip.back')}</a>
      </Screen>
    );
  }
  // The server builds links from its PUBLIC_URL: the address people can reach, which may not be
  // the one this browser used.
  const joinAddress = new URL(paths.join(), created.link).href;
  return (
    <Screen title={t('slip.title')}>
      <div class="no-print screen-actions">
        <Button icon={<Icon name="print" />} onClick={() => print()}>
          {t('slip.print')}
        </Button>
        <a class="button button-secondary" href={paths.members(workspaceId)}>
          <Icon name="back" />
          <span>{t('slip.back')}</span>
        </a>
      </div>
      <article class="slip" aria-labelledby="slip-workspace">
        <p class="slip-workspace" id="slip-workspace">
          {created.workspaceName}
        </p>
        <p class="slip-for">{t('slip.for', { name: created.invite.personDisplayName })}</p>
        <p class="slip-label">{t('slip.code')}</p>
        <p class="slip-code" translate={false}>
          {groupCode(created.code)}
        </p>
        <h2 class="slip-how-title">{t('slip.how')}</h2>
        <ol class="slip-steps">
          <li>{t('slip.step1', { address: joinAddress })}</li>
          <li>{t('slip.step2')}</li>
          <li>{t('slip.step3')}</li>
        </ol>
        <p>{t('slip.role', { role: roleLabel(t, created.invite.role) })}</p>
        <p class="slip-expires">{t('slip.expires', { date: date(created.invite.expiresAt) })}</p>
      </article>
    </Screen>
  );
}
