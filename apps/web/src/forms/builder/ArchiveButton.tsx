// Archiving a form (coordinators and staff: the server's `archive` ability): no more edits or
// versions; published versions stay readable. Asks first, since it cannot be undone here.
import type { FormDetail } from '@coproduce/contract';
import type { JSX } from 'preact';
import { call } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { type Action, Button } from '../../ui/forms.tsx';

export function ArchiveButton({
  workspaceId,
  detail,
  action,
  onArchived,
}: {
  workspaceId: string;
  detail: FormDetail;
  action: Action;
  onArchived: (message: string) => void | Promise<void>;
}): JSX.Element | null {
  const { t } = useI18n();
  if (!detail.abilities.archive || detail.status === 'archived') return null;
  const archive = () =>
    action.run(async () => {
      if (!confirm(t('forms.builder.archiveConfirm', { title: detail.title }))) return;
      await call('archiveForm', { params: { workspaceId, formId: detail.id } });
      await onArchived(t('forms.builder.archived', { title: detail.title }));
    });
  return (
    <Button variant="danger" data-endpoint="archiveForm" disabled={action.busy} onClick={archive}>
      {t('forms.builder.archive')}
    </Button>
  );
}
