// The audit log for coordinators: who did what, when, and for whom. Entries hold ids and field
// names only, never personal values.
import type { AuditEntry } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Button, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { useWorkspace } from '../workspaces/useWorkspace.ts';

interface Filters {
  action: string;
  entityType: string;
  from: string;
  to: string;
}

const noFilters: Filters = { action: '', entityType: '', from: '', to: '' };

/** Date inputs give a day; the API wants instants. "To" includes the whole of that day. */
function queryOf(filters: Filters) {
  return {
    ...(filters.action.trim() ? { action: filters.action.trim() } : {}),
    ...(filters.entityType.trim() ? { entityType: filters.entityType.trim() } : {}),
    ...(filters.from ? { from: new Date(`${filters.from}T00:00:00`).toISOString() } : {}),
    ...(filters.to ? { to: new Date(`${filters.to}T23:59:59.999`).toISOString() } : {}),
  };
}

export function AuditScreen({ workspaceId }: { workspaceId: string }): JSX.Element {
  const { t, date } = useI18n();
  const workspace = useWorkspace(workspaceId);
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const action = useAction();
  const allowed = workspace?.abilities.readAudit === true;

  const load = (after: string | null) =>
    action.run(async () => {
      const page = await call('listAudit', {
        params: { workspaceId },
        query: { ...queryOf(filters), ...(after ? { cursor: after } : {}), limit: 50 },
      });
      setEntries((list) => (after && list ? [...list, ...page.items] : page.items));
      setCursor(page.hasMore ? page.cursor : null);
    });

  useEffect(() => {
    if (allowed) void load(null);
  }, [allowed, filters, workspaceId]);

  if (workspace === undefined) return <Loading />;
  if (!workspace) return <Screen title={t('workspace.notFound')}>{null}</Screen>;
  if (!allowed) {
    return (
      <Screen title={t('audit.title')}>
        <p class="notice">{t('audit.notYours')}</p>
      </Screen>
    );
  }
  const set = (patch: Partial<Filters>) => setDraft((current) => ({ ...current, ...patch }));

  return (
    <Screen title={t('audit.title')} wide>
      {/* Folded away on phones so the entries come first; open while filters are in use. */}
      <details class="filters-box" open={filters !== noFilters}>
        <summary>{t('audit.filter.show')}</summary>
        <form
          class="filters"
          onSubmit={(event) => {
            event.preventDefault();
            setFilters(draft);
          }}
        >
          <TextField
            id="audit-action"
            label={t('audit.filter.action')}
            hint={t('audit.filter.action.hint')}
            value={draft.action}
            onValue={(value) => set({ action: value })}
          />
          <TextField
            id="audit-entity"
            label={t('audit.filter.entityType')}
            hint={t('audit.filter.entityType.hint')}
            value={draft.entityType}
            onValue={(value) => set({ entityType: value })}
          />
          <TextField
            id="audit-from"
            type="date"
            label={t('audit.filter.from')}
            value={draft.from}
            onValue={(value) => set({ from: value })}
          />
          <TextField
            id="audit-to"
            type="date"
            label={t('audit.filter.to')}
            value={draft.to}
            onValue={(value) => set({ to: value })}
          />
          <div class="form-actions">
            <Button type="submit" icon={<Icon name="search" />}>
              {t('audit.filter.apply')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setDraft(noFilters);
                setFilters(noFilters);
              }}
            >
              {t('audit.filter.clear')}
            </Button>
          </div>
        </form>
      </details>
      <StatusMessage error={action.error} />
      {entries === null ? (
        <Loading />
      ) : entries.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <ol class="audit-list">
          {entries.map((entry) => (
            <li key={entry.id} class="card">
              <p>
                <strong class="code">{entry.action}</strong> ·{' '}
                <time dateTime={entry.occurredAt}>{date(entry.occurredAt, true)}</time>
              </p>
              <p>
                {t('audit.actor', { name: entry.actorDisplayName ?? t('audit.system') })}
                {entry.onBehalfOfPersonId && (
                  <>
                    {' · '}
                    <strong>
                      {t('audit.onBehalfOf', {
                        name: entry.onBehalfOfDisplayName ?? entry.onBehalfOfPersonId,
                      })}
                    </strong>
                  </>
                )}
              </p>
              <p class="muted">
                {t('audit.entity', { type: entry.entityType, id: entry.entityId ?? '—' })}
                {entry.fields.length > 0 && ` · ${t('audit.fields', { fields: entry.fields.join(', ') })}`}
              </p>
            </li>
          ))}
        </ol>
      )}
      {cursor && (
        <Button variant="secondary" disabled={action.busy} onClick={() => void load(cursor)}>
          {t('audit.more')}
        </Button>
      )}
    </Screen>
  );
}
