// The workspace's settlements, by name, with their structures counted by status; coordinators
// and staff add one here (name, municipality, ward, the prefix of its painted numbers).
import type { Settlement } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call, callAllPages } from '../api.ts';
import { type Translate, useI18n } from '../i18n/i18n.ts';
import { navigate, paths } from '../router.ts';
import { Button, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { useWorkspace } from '../workspaces/useWorkspace.ts';
import { settlementAbilities } from './abilities.ts';
import { StatusCounts } from './StatusCounts.tsx';

export function SettlementsListScreen({ workspaceId }: { workspaceId: string }): JSX.Element {
  const { t } = useI18n();
  const workspace = useWorkspace(workspaceId);
  const [settlements, setSettlements] = useState<Settlement[] | null>(null);
  const [adding, setAdding] = useState(false);
  const action = useAction();

  useEffect(() => {
    void action.run(async () =>
      setSettlements(await callAllPages('listSettlements', { params: { workspaceId } })),
    );
  }, [workspaceId]);

  if (workspace === undefined) return <Loading />;
  if (workspace === null) return <Screen title={t('workspace.notFound')}>{null}</Screen>;
  const abilities = settlementAbilities(workspace.role);

  return (
    <Screen
      title={t('settlements.title')}
      busy={settlements === null}
      actions={
        abilities.map &&
        !adding && (
          <Button
            data-endpoint="createSettlement"
            icon={<Icon name="plus" />}
            onClick={() => setAdding(true)}
          >
            {t('settlements.add')}
          </Button>
        )
      }
    >
      {adding && (
        <NewSettlement
          workspaceId={workspaceId}
          onCancel={() => setAdding(false)}
          onCreated={(created) => navigate(paths.settlement(workspaceId, created.id))}
        />
      )}
      <StatusMessage error={action.error} />
      {settlements === null ? (
        action.error ? null : (
          <Loading />
        )
      ) : settlements.length === 0 ? (
        <p>{t('settlements.empty')}</p>
      ) : (
        <ul class="card-list">
          {settlements.map((settlement) => (
            <li key={settlement.id} class="card settlement-card">
              <div>
                <a class="card-link" href={paths.settlement(workspaceId, settlement.id)}>
                  {settlement.name}
                </a>
                <p class="muted">
                  {[settlement.municipality, wardName(t, settlement.ward)].filter(Boolean).join(' · ')}
                </p>
              </div>
              <StatusCounts counts={settlement.structures} />
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}

/** A ward as people say it: "Ward 36" for a bare number, else as it was written. */
export function wardName(t: Translate, ward: string): string {
  return /^\d+$/.test(ward.trim()) ? t('settlement.wardNumber', { ward: ward.trim() }) : ward;
}

function NewSettlement(props: {
  workspaceId: string;
  onCancel: () => void;
  onCreated: (settlement: Settlement) => void;
}): JSX.Element {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [ward, setWard] = useState('');
  const [numberPrefix, setNumberPrefix] = useState('');
  const action = useAction();
  const errors = action.fieldErrors;

  const save = () =>
    action.run(async () => {
      const created = await call('createSettlement', {
        params: { workspaceId: props.workspaceId },
        body: {
          name: name.trim(),
          municipality: municipality.trim(),
          ward: ward.trim(),
          numberPrefix: numberPrefix.trim(),
        },
      });
      props.onCreated(created);
    });

  return (
    <form
      class="aside"
      aria-labelledby="new-settlement-title"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="new-settlement-title">{t('settlements.new')}</h2>
      <StatusMessage error={action.error} />
      <TextField
        id="settlement-name"
        label={t('settlement.name')}
        value={name}
        onValue={setName}
        required
        error={errors.name}
      />
      <TextField
        id="settlement-municipality"
        label={t('settlement.municipality')}
        value={municipality}
        onValue={setMunicipality}
        error={errors.municipality}
      />
      <TextField
        id="settlement-ward"
        label={t('settlement.ward')}
        value={ward}
        onValue={setWard}
        error={errors.ward}
      />
      <TextField
        id="settlement-prefix"
        label={t('settlement.numberPrefix')}
        hint={t('settlement.numberPrefixHint')}
        value={numberPrefix}
        onValue={setNumberPrefix}
        autocapitalize="characters"
        error={errors.numberPrefix}
      />
      <div class="form-actions">
        <Button type="submit" disabled={action.busy || !name.trim()}>
          {t('settlements.save')}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          {t('settlements.cancel')}
        </Button>
      </div>
    </form>
  );
}
