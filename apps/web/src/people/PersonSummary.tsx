// A person as text, for those who may read but not change the record (e.g. community researchers):
// easier to read than a form of greyed-out fields.
import type { Person } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useI18n } from '../i18n/i18n.ts';
import { channelFields, toDraft } from './channels.ts';
import { languageName } from './languages.ts';

const flags = ['childcare', 'travel', 'stepFree', 'largePrint', 'quietRoom'] as const;

export function PersonSummary({ person }: { person: Person }): JSX.Element {
  const { t } = useI18n();
  const needs = person.accessNeeds;
  const needList = needs
    ? [
        ...flags.filter((flag) => needs[flag]).map((flag) => t(`needs.${flag}`)),
        ...(needs.interpreter ? [`${t('needs.interpreter')}: ${needs.interpreter.language}`] : []),
        ...(needs.preferredTimes ? [`${t('needs.preferredTimes')}: ${needs.preferredTimes}`] : []),
        ...(needs.other ? [needs.other] : []),
      ]
    : null;
  return (
    <dl class="summary">
      {person.legalName && (
        <>
          <dt>{t('person.legalName')}</dt>
          <dd>{person.legalName}</dd>
        </>
      )}
      <dt>{t('person.languages')}</dt>
      <dd>{person.languages.map((code) => languageName(code)).join(', ') || '—'}</dd>
      {person.contactChannels && (
        <>
          <dt>{t('channels.title')}</dt>
          <dd>
            {person.contactChannels.length === 0 ? (
              t('channels.none')
            ) : (
              <ol>
                {person.contactChannels.map((channel, index) => {
                  const draft = toDraft(channel);
                  const details = [...channelFields[channel.kind].map((field) => draft[field]), draft.note];
                  return (
                    <li key={index}>
                      <strong>{t(`channel.${channel.kind}`)}</strong>
                      <span class="pre-line"> {details.filter(Boolean).join('\n')}</span>
                    </li>
                  );
                })}
              </ol>
            )}
          </dd>
        </>
      )}
      {needList && (
        <>
          <dt>{t('needs.title')}</dt>
          <dd>{needList.length ? needList.join(' · ') : '—'}</dd>
        </>
      )}
      {person.notes && (
        <>
          <dt>{t('person.notes')}</dt>
          <dd class="pre-line">{person.notes}</dd>
        </>
      )}
    </dl>
  );
}
