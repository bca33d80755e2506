// The settlement page's rounds: each enumeration round with its step and dates, linking to its
// page, and for coordinators and staff a small form to start (plan) another one.
import type { FormSummary, Role, Round } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { navigate, paths } from '../router.ts';
import { Button, SelectField, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { roundAbilities } from './round-steps.ts';

export function RoundsSection(props: { workspaceId: string; settlementId: string; role: Role }): JSX.Element {
  const { workspaceId, settlementId } = props;
  const { t } = useI18n();
  const [rounds, setRounds] = useState<Round[] | null>(null);
  const load = useAction();
  useEffect(() => {
    void load.run(async () => {
      const page = await call('listRounds', { params: { workspaceId, settlementId } });
      setRounds(page.items);
    });
  }, [workspaceId, settlementId]);
  const abilities = roundAbilities(props.role);
  return (
    <section aria-labelledby="rounds-title">
      <h2 id="rounds-title">{t('rounds.title')}</h2>
      <StatusMessage error={load.error} />
      {rounds && rounds.length === 0 && <p>{t('rounds.empty')}</p>}
      {rounds && rounds.length > 0 && (
        <ul class="round-list">
          {rounds.map((round) => (
            <li key={round.id}>
              <a href={paths.round(workspaceId, settlementId, round.id)}>{round.name}</a>{' '}
              <RoundFacts round={round} />
            </li>
          ))}
        </ul>
      )}
      {abilities.manage && <StartRound workspaceId={workspaceId} settlementId={settlementId} />}
    </section>
  );
}

/** A round's step in words and its dates, when it has them. */
export function RoundFacts({ round }: { round: Round }): JSX.Element {
  const { t, date } = useI18n();
  const status = t(`round.status.${round.status}`);
  const dates =
    round.startDate && round.endDate
      ? t('rounds.dates', { start: date(round.startDate), end: date(round.endDate) })
      : round.startDate
        ? t('rounds.from', { start: date(round.startDate) })
        : round.endDate
          ? t('rounds.until', { end: date(round.endDate) })
          : t('rounds.noDates');
  return <span class="round-facts">{t('rounds.facts', { status, dates })}</span>;
}

function StartRound(props: { workspaceId: string; settlementId: string }): JSX.Element {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [formId, setFormId] = useState('');
  // The workspace's published forms, one of which the round may use (optional).
  const [forms, setForms] = useState<FormSummary[]>([]);
  const action = useAction();
  useEffect(() => {
    call('listForms', {
      params: { workspaceId: props.workspaceId },
      query: { status: 'published', limit: 200 },
    })
      .then((page) => setForms(page.items.filter((form) => !form.deletedAt)))
      .catch(() => setForms([]));
  }, [props.workspaceId]);
  const start = () =>
    action.run(async () => {
      const round = await call('createRound', {
        params: { workspaceId: props.workspaceId, settlementId: props.settlementId },
        body: {
          name: name.trim(),
          formId: formId || null,
          startDate: startDate || null,
          endDate: endDate || null,
        },
      });
      navigate(paths.round(props.workspaceId, props.settlementId, round.id));
    });
  return (
    <details class="start-round">
      <summary>{t('rounds.start')}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <StatusMessage error={action.error} />
        <TextField
          id="round-name"
          label={t('rounds.name')}
          value={name}
          onValue={setName}
          error={action.fieldErrors.name}
          required
        />
        <TextField
          id="round-start"
          type="date"
          label={t('rounds.startDate')}
          value={startDate}
          onValue={setStartDate}
          error={action.fieldErrors.startDate}
        />
        <TextField
          id="round-end"
          type="date"
          label={t('rounds.endDate')}
          value={endDate}
          onValue={setEndDate}
          error={action.fieldErrors.endDate}
        />
        {forms.length > 0 && (
          <SelectField
            id="round-form"
            label={t('rounds.form')}
            value={formId}
            options={[
              { value: '', label: t('rounds.noForm') },
              ...forms.map((form) => ({ value: form.id, label: form.title })),
            ]}
            onValue={setFormId}
            error={action.fieldErrors.formId}
          />
        )}
        <Button type="submit" disabled={action.busy} data-endpoint="createRound">
          {t('rounds.startButton')}
        </Button>
      </form>
    </details>
  );
}
