// Moving a round one step on, and (coordinators only) back one step with a reason. Offered only
// to the roles the server accepts; after a move the round page reads everything again.
import type { Round } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Button, StatusMessage, TextArea, useAction } from '../ui/forms.tsx';
import { nextStep, previousStep, type RoundAbilities, type RoundStatus } from './round-steps.ts';

export function RoundMoves(props: {
  workspaceId: string;
  round: Round;
  abilities: RoundAbilities;
  onMoved: () => void;
}): JSX.Element | null {
  const { t } = useI18n();
  const { round, abilities } = props;
  const [reason, setReason] = useState('');
  const action = useAction();
  const next = nextStep(round.status);
  const back = previousStep(round.status);
  if (!abilities.manage) return null;

  const move = (status: RoundStatus, why?: string) =>
    action.run(async () => {
      await call('moveRound', {
        params: { workspaceId: props.workspaceId, roundId: round.id },
        body: { baseVersionId: round.versionId, status, ...(why ? { reason: why } : {}) },
      });
      setReason('');
      props.onMoved();
    });

  return (
    <section aria-labelledby="round-move-title" class="round-moves">
      <h2 id="round-move-title">{t('round.move.title')}</h2>
      <StatusMessage error={action.error} />
      {next ? (
        <Button data-endpoint="moveRound" disabled={action.busy} onClick={() => void move(next)}>
          {t('round.move.next', { step: t(`round.status.${next}`) })}
        </Button>
      ) : (
        <p>{t('round.move.closed')}</p>
      )}
      {abilities.stepBack && back && (
        <details class="round-back">
          <summary>{t('round.move.backOpen')}</summary>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void move(back, reason.trim());
            }}
          >
            <TextArea
              id="round-back-reason"
              label={t('round.move.reason')}
              hint={t('round.move.reasonHint')}
              value={reason}
              onValue={setReason}
              error={action.fieldErrors.reason}
            />
            <Button
              type="submit"
              variant="secondary"
              data-endpoint="moveRound"
              disabled={action.busy || reason.trim() === ''}
            >
              {t('round.move.back', { step: t(`round.status.${back}`) })}
            </Button>
          </form>
        </details>
      )}
    </section>
  );
}
