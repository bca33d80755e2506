// What changed since the last published version: added, removed and reworded questions, so
// members can see what their comments and suggestions did before a new version goes out.
import type { FormChanges } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { StatusMessage, useAction } from '../ui/forms.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { textIn } from './renderer/tree.ts';
import { FormTabs, useFormDetail } from './shared.tsx';

export function ChangesScreen({ workspaceId, formId }: { workspaceId: string; formId: string }): JSX.Element {
  const { t, date } = useI18n();
  const { detail } = useFormDetail(workspaceId, formId);
  const [changes, setChanges] = useState<FormChanges | null>(null);
  const action = useAction();
  useEffect(() => {
    void action.run(async () =>
      setChanges(await call('getFormChanges', { params: { workspaceId, formId } })),
    );
  }, [workspaceId, formId]);
  const language = detail?.languages[0] ?? 'default';
  const none = changes && !changes.added.length && !changes.removed.length && !changes.reworded.length;
  return (
    <Screen title={detail ? t('forms.changes.title', { title: detail.title }) : t('forms.changes.heading')}>
      <FormTabs
        workspaceId={workspaceId}
        formId={formId}
        current="changes"
        openThreads={detail?.openThreads}
        abilities={detail?.abilities}
      />
      <StatusMessage error={action.error} />
      {!changes ? (
        action.error ? null : (
          <Loading />
        )
      ) : (
        <>
          <p>
            {changes.since
              ? t('forms.changes.since', {
                  number: changes.since.number,
                  date: date(changes.since.publishedAt),
                })
              : t('forms.changes.never')}
          </p>
          {none && <p class="muted">{t('forms.changes.none')}</p>}
          {changes.added.length > 0 && (
            <section aria-labelledby="added-h">
              <h2 id="added-h">{t('forms.changes.added', { count: changes.added.length })}</h2>
              <ul class="change-list">
                {changes.added.map((c) => (
                  <li key={c.path} class="change-added">
                    <strong>{textIn(c.label, language) || c.path}</strong> <code>{c.path}</code>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {changes.removed.length > 0 && (
            <section aria-labelledby="removed-h">
              <h2 id="removed-h">{t('forms.changes.removed', { count: changes.removed.length })}</h2>
              <ul class="change-list">
                {changes.removed.map((c) => (
                  <li key={c.path} class="change-removed">
                    <strong>{textIn(c.label, language) || c.path}</strong> <code>{c.path}</code>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {changes.reworded.length > 0 && (
            <section aria-labelledby="reworded-h">
              <h2 id="reworded-h">{t('forms.changes.reworded', { count: changes.reworded.length })}</h2>
              <ul class="change-list">
                {changes.reworded.map((c, i) => (
                  <li key={i}>
                    <p class="change-where">
                      <code>{c.path}</code> · {t(`forms.field.${c.field}`)}
                      {c.choiceName ? ` (${c.choiceName})` : ''} · {c.language}
                    </p>
                    <p>
                      <span class="visually-hidden">{t('forms.changes.before')}</span>
                      <del>{c.before ?? '—'}</del>
                    </p>
                    <p>
                      <span class="visually-hidden">{t('forms.changes.after')}</span>
                      <ins>{c.after ?? '—'}</ins>
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </Screen>
  );
}
