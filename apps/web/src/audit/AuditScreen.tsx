// The audit log for coordinators: who did what, when, and for whom, as sentences in today's
// names; the codes and ids folded under each entry and in the CSV download. Entries hold ids and
// field names only, never personal values.
import type { AuditEntry } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call, saveFile } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Button, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { useWorkspace } from '../workspaces/useWorkspace.ts';
import { auditSentence } from './sentence.ts';

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
  const download = useAction();
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
      <div class="screen-actions">
        <Button
          variant="secondary"
          data-endpoint="exportAuditCsv"
          icon={<Icon name="download" />}
          disabled={download.busy}
          onClick={() =>
            void download.run(() =>
              saveFile('exportAuditCsv', { params: { workspaceId }, body: queryOf(filters) }, 'audit.csv'),
            )
          }
        >
          {t('audit.download')}
        </Button>
      </div>
      <p class="hint">{t('audit.download.hint')}</p>
      <StatusMessage error={action.error ?? download.error} />
      {entries === null ? (
        <Loading />
      ) : entries.length === 0 ? (
        <p>{t('audit.empty')}</p>
      ) : (
        <ol class="audit-list">
          {entries.map((entry) => (
            <li key={entry.id} class="card">
              <p>
                <strong>{auditSentence(t, entry)}</strong>
              </p>
              <p class="muted">
                <time dateTime={entry.occurredAt}>{date(entry.occurredAt, true)}</time>
              </p>
              {/* The codes a machine or an auditor needs, out of the way of the sentence. */}
              <details class="audit-codes">
                <summary>{t('audit.details')}</summary>
                <p class="code">{t('audit.details.action', { action: entry.action })}</p>
                <p class="code">{t('audit.entity', { type: entry.entityType, id: entry.entityId ?? '—' })}</p>
                {entry.fields.length > 0 && (
                  <p class="code">{t('audit.fields', { fields: entry.fields.join(', ') })}</p>
                )}
                {entry.onBehalfOfPersonId && (
                  <p class="code">{t('audit.onBehalfOf', { name: entry.onBehalfOfPersonId })}</p>
                )}
                <p class="code audit-hash">{t('audit.details.hash', { hash: entry.hash })}</p>
              </details>
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
