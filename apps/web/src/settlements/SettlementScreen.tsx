// One settlement: its profile, its map, coverage per section in the latest round, its sections
// and facilities, every structure as a table (the map's text alternative), and its map file.
import type { Coverage, Facility, Section, Settlement, Structure } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { paths } from '../router.ts';
import { StatusMessage, useAction } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import { Loading, Screen } from '../ui/screen.tsx';
import { useWorkspace } from '../workspaces/useWorkspace.ts';
import { settlementAbilities } from './abilities.ts';
import { loadStructures } from './data.ts';
import { FacilitiesSection } from './FacilitiesSection.tsx';
import { MapFile } from './MapFile.tsx';
import { RoundsSection } from './RoundsSection.tsx';
import { SettlementFacts } from './SettlementFacts.tsx';
import { SettlementMap } from './SettlementMap.tsx';
import { CoverageTable, SectionsList, StructuresTable } from './SettlementTables.tsx';

interface Loaded {
  settlement: Settlement;
  sections: Section[];
  coverage: Coverage;
  facilities: Facility[];
  structures: Structure[];
  /** Which read this is: the map is drawn again when a later read arrives. */
  read: number;
}

export function SettlementScreen(props: { workspaceId: string; settlementId: string }): JSX.Element {
  const { workspaceId, settlementId } = props;
  const { t } = useI18n();
  const workspace = useWorkspace(workspaceId);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Counted up to read the settlement again (after a map file changed it), keeping the page shown.
  const [reads, setReads] = useState(0);
  const action = useAction();
  const abilities = workspace ? settlementAbilities(workspace.role) : null;

  useEffect(() => {
    if (!abilities) return;
    const params = { workspaceId, settlementId };
    void action.run(async () => {
      const [settlement, sections, coverage, facilities, structures] = await Promise.all([
        call('getSettlement', { params }),
        call('listSections', { params }),
        call('settlementCoverage', { params }),
        call('listFacilities', { params }),
        abilities.readStructures ? loadStructures(workspaceId, settlementId) : Promise.resolve([]),
      ]);
      const items = { sections: sections.items, facilities: facilities.items };
      setLoaded({ settlement, ...items, coverage, structures, read: reads });
    });
  }, [workspaceId, settlementId, abilities?.readStructures, reads]);

  if (workspace === undefined) return <Loading />;
  if (workspace === null || !abilities) return <Screen title={t('workspace.notFound')}>{null}</Screen>;
  if (!loaded)
    return (
      <Screen title={t('settlement.loading')} busy={!action.error}>
        <StatusMessage error={action.error} />
        {!action.error && <Loading />}
      </Screen>
    );

  const { settlement, sections, coverage, facilities, structures } = loaded;
  const setStructures = (next: Structure[]) => {
    setLoaded({ ...loaded, structures: next });
  };
  const tableId = 'structures-table';

  return (
    <Screen title={settlement.name} wide>
      <StatusMessage error={action.error} />
      <p>
        <a href={paths.settlements(workspaceId)}>
          <Icon name="back" />
          <span>{t('settlement.back')}</span>
        </a>
      </p>
      <div class="settlement-layout">
        <div class="settlement-main">
          <section aria-labelledby="map-title">
            <h2 id="map-title">{t('map.title')}</h2>
            <SettlementMap
              // Drawn again after a map file changed the outline, sections or facilities.
              key={loaded.read}
              workspaceId={workspaceId}
              settlement={settlement}
              sections={sections}
              structures={structures}
              facilities={facilities}
              abilities={abilities}
              tableId={tableId}
              onStructures={setStructures}
              // A boundary or section drawn on the map: the page and map show the saved shape.
              onSettlement={(next) => setLoaded({ ...loaded, settlement: next })}
              onSections={(next) =>
                setLoaded({ ...loaded, sections: next, settlement: { ...settlement, sections: next.length } })
              }
            />
          </section>
        </div>
        <div class="settlement-side">
          <SettlementFacts settlement={settlement} />
          <MapFile
            workspaceId={workspaceId}
            settlement={settlement}
            abilities={abilities}
            onImported={() => setReads((n) => n + 1)}
          />
        </div>
      </div>
      <CoverageTable coverage={coverage} />
      <RoundsSection workspaceId={workspaceId} settlementId={settlement.id} role={workspace.role} />
      <SectionsList sections={sections} />
      <FacilitiesSection facilities={facilities} sections={sections} />
      {abilities.readStructures && (
        <StructuresTable
          id={tableId}
          workspaceId={workspaceId}
          settlementId={settlement.id}
          structures={structures}
          sections={sections}
        />
      )}
    </Screen>
  );
}
