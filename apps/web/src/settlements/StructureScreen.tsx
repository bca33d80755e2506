// One structure: its facts, its versions with what each changed, and when two changes were made
// on the same version (offline, on two phones), both side by side for a coordinator to resolve.
import type { Section, Structure } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type CallResult, call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { paths } from '../router.ts';
import { StatusMessage, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { useWorkspace } from '../workspaces/useWorkspace.ts';
import { settlementAbilities } from './abilities.ts';
import { ConflictResolver } from './ConflictResolver.tsx';
import { findStructure, sameNumber } from './data.ts';
import { Swatch } from './MapLegend.tsx';
import { statusSymbols } from './map/symbols.ts';
import { Renumber } from './Renumber.tsx';
import { flags } from './SettlementTables.tsx';
import { StructureHistory } from './StructureHistory.tsx';
import { StructureHouseholds } from './StructureHouseholds.tsx';
import { StructurePhoto } from './StructurePhoto.tsx';
import { useFieldValue } from './values.ts';

export type History = CallResult<'structureHistory'>;

interface Loaded {
  structure: Structure;
  history: History;
  sections: Section[];
  others: Structure[];
}

export function StructureScreen(props: {
  workspaceId: string;
  settlementId: string;
  structureId: string;
}): JSX.Element {
  const { workspaceId, settlementId, structureId } = props;
  const { t } = useI18n();
  const workspace = useWorkspace(workspaceId);
  const [loaded, setLoaded] = useState<Loaded | null | undefined>(undefined);
  const action = useAction();

  const load = () =>
    action.run(async () => {
      const [structure, history, sections] = await Promise.all([
        findStructure(workspaceId, structureId),
        call('structureHistory', { params: { workspaceId, structureId } }),
        call('listSections', { params: { workspaceId, settlementId } }),
      ]);
      const others = structure ? await sameNumber(workspaceId, structure) : [];
      setLoaded(structure ? { structure, history, sections: sections.items, others } : null);
    });

  useEffect(() => {
    void load();
  }, [workspaceId, settlementId, structureId]);

  const value = useFieldValue(loaded?.sections ?? []);
  if (workspace === undefined) return <Loading />;
  if (workspace === null) return <Screen title={t('workspace.notFound')}>{null}</Screen>;
  const back = (
    <p>
      <a href={paths.settlement(workspaceId, settlementId)}>
        <Icon name="back" />
        <span>{t('structure.back')}</span>
      </a>
    </p>
  );
  if (!loaded)
    return (
      <Screen
        title={loaded === null ? t('structure.notFound') : t('structure.loading')}
        busy={loaded === undefined && !action.error}
      >
        {back}
        <StatusMessage error={action.error} />
        {loaded === undefined && !action.error && <Loading />}
      </Screen>
    );

  const { structure, history, sections, others } = loaded;
  const abilities = settlementAbilities(workspace.role);
  const facts: [string, string][] = [
    [t('coverage.section'), value('sectionId', structure.sectionId)],
    [t('structure.field.use'), value('use', structure.use)],
    [t('structure.field.point'), value('point', structure.point)],
    [t('structure.field.wallMaterial'), value('wallMaterial', structure.wallMaterial)],
    [t('structure.field.roofMaterial'), value('roofMaterial', structure.roofMaterial)],
    [t('structure.field.rooms'), value('rooms', structure.rooms)],
    [t('structure.field.floorAreaM2'), value('floorAreaM2', structure.floorAreaM2)],
    [t('structure.field.statedOccupants'), value('statedOccupants', structure.statedOccupants)],
    [t('structure.field.statedHouseholds'), value('statedHouseholds', structure.statedHouseholds)],
    [t('structure.numberedAt'), value('numberedAt', structure.numberedAt)],
  ];
  const warnings = flags(t, structure);

  return (
    <Screen title={t('map.structureTitle', { number: structure.number })}>
      {back}
      <p class="with-swatch structure-status">
        <Swatch symbol={statusSymbols[structure.status]} />
        {t(`structure.status.${structure.status}`)}
      </p>
      {warnings && (
        <p class="notice notice-error structure-flags" role="status">
          {warnings}
        </p>
      )}
      {structure.duplicateNumber && (
        <>
          <p class="hint">{t('structure.duplicateHint')}</p>
          <ul class="same-number">
            {others.map((other) => (
              <li key={other.id}>
                <a href={paths.structure(workspaceId, settlementId, other.id)}>
                  {t('structure.sameNumber', {
                    number: other.number,
                    section: value('sectionId', other.sectionId),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <dl class="summary">
        {facts.map(([term, text]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{text}</dd>
          </div>
        ))}
      </dl>
      {abilities.photo && structure.photo && (
        <StructurePhoto workspaceId={workspaceId} number={structure.number} photo={structure.photo} />
      )}
      {structure.duplicateNumber && abilities.number && !structure.hasConflict && (
        <Renumber
          key={structure.versionId}
          workspaceId={workspaceId}
          structure={structure}
          onChanged={() => void load()}
        />
      )}
      {structure.hasConflict && (
        <ConflictResolver
          workspaceId={workspaceId}
          structure={structure}
          history={history}
          sections={sections}
          canResolve={abilities.resolve}
          onResolved={() => void load()}
        />
      )}
      {abilities.readHouseholds && (
        <StructureHouseholds workspaceId={workspaceId} structureId={structure.id} />
      )}
      <StructureHistory history={history} sections={sections} />
    </Screen>
  );
}
