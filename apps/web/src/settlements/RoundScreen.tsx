// One enumeration round: its steps, progress by section, household counts, and for coordinators
// and staff the button that moves it one step on (a coordinator may step it back, saying why).
import type { Coverage, HouseholdCounts, Settlement } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type CallResult, call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { paths } from '../router.ts';
import { StatusMessage, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { useWorkspace } from '../workspaces/useWorkspace.ts';
import { RoundMoves } from './RoundMoves.tsx';
import { RoundCoverage, RoundHouseholdCounts, RoundSteps } from './RoundProgress.tsx';
import { RoundFacts } from './RoundsSection.tsx';
import { roundAbilities } from './round-steps.ts';

interface Loaded {
  round: CallResult<'getRound'>;
  settlement: Settlement;
  coverage: Coverage;
  counts: HouseholdCounts;
}

export function RoundScreen(props: {
  workspaceId: string;
  settlementId: string;
  roundId: string;
}): JSX.Element {
  const { workspaceId, settlementId, roundId } = props;
  const { t } = useI18n();
  const workspace = useWorkspace(workspaceId);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [reads, setReads] = useState(0);
  const action = useAction();

  useEffect(() => {
    void action.run(async () => {
      const [round, settlement, coverage, counts] = await Promise.all([
        call('getRound', { params: { workspaceId, roundId } }),
        call('getSettlement', { params: { workspaceId, settlementId } }),
        call('settlementCoverage', { params: { workspaceId, settlementId }, query: { roundId } }),
        call('householdCounts', { params: { workspaceId, roundId }, query: {} }),
      ]);
      setLoaded({ round, settlement, coverage, counts });
    });
  }, [workspaceId, settlementId, roundId, reads]);

  if (workspace === undefined) return <Loading />;
  if (workspace === null) return <Screen title={t('workspace.notFound')}>{null}</Screen>;
  if (!loaded)
    return (
      <Screen title={t('round.loading')} busy={!action.error}>
        <StatusMessage error={action.error} />
        {!action.error && <Loading />}
      </Screen>
    );

  const { round, settlement, coverage, counts } = loaded;
  return (
    <Screen title={round.name} wide>
      <StatusMessage error={action.error} />
      <p>
        <a href={paths.settlement(workspaceId, settlementId)}>
          <Icon name="back" />
          <span>{t('round.back', { name: settlement.name })}</span>
        </a>
      </p>
      <p>
        <RoundFacts round={round} />
      </p>
      <RoundSteps status={round.status} />
      <RoundMoves
        workspaceId={workspaceId}
        round={round}
        abilities={roundAbilities(workspace.role)}
        onMoved={() => setReads((n) => n + 1)}
      />
      <RoundCoverage coverage={coverage} />
      <RoundHouseholdCounts counts={counts} coverage={coverage} />
    </Screen>
  );
}
