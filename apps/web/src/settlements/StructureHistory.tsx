// A structure's versions, newest first: what kind of change, when, from a submission or not, and
// each changed field as it was before and after.
import type { Section } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useI18n } from '../i18n/i18n.ts';
import type { History } from './StructureScreen.tsx';
import { useFieldLabel, useFieldValue } from './values.ts';

export function StructureHistory({
  history,
  sections,
}: {
  history: History;
  sections: Section[];
}): JSX.Element {
  const { t, date } = useI18n();
  const value = useFieldValue(sections);
  const label = useFieldLabel();
  const byId = new Map(history.items.map((item) => [item.id, item]));
  const newestFirst = [...history.items].sort((a, b) => b.number - a.number);
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">{t('history.title')}</h2>
      <ol class="history-list" reversed>
        {newestFirst.map((version) => {
          const before = version.baseVersionId ? byId.get(version.baseVersionId)?.content : undefined;
          return (
            <li key={version.id} class="card history-item">
              <h3>
                {t('history.version', { number: version.number })} · {t(`history.kind.${version.kind}`)}
                {version.id === history.current && <span class="badge">{t('history.current')}</span>}
              </h3>
              <p class="muted">
                {date(version.createdAt, true)}
                {version.submissionId && ` · ${t('history.fromSubmission')}`}
              </p>
              {version.reason && <p>{t('history.reason', { reason: version.reason })}</p>}
              {version.changed.length > 0 && version.kind !== 'original' && (
                <ul class="changes">
                  {version.changed.map((field) => (
                    <li key={field}>
                      {t('history.change', {
                        field: label(field),
                        before: value(field, before?.[field]),
                        after: value(field, version.content[field]),
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
