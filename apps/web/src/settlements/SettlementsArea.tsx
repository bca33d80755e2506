// The settlements area, loaded on first use with its CSS; the map's Leaflet is a further chunk
// that only the settlement page loads (SettlementMap.tsx).
import type { JSX } from 'preact';
import './settlements.css';
import './rounds.css';
import type { SettlementsRoute } from './lazy.tsx';
import { RoundScreen } from './RoundScreen.tsx';
import { SettlementScreen } from './SettlementScreen.tsx';
import { SettlementsListScreen } from './SettlementsListScreen.tsx';
import { StructureScreen } from './StructureScreen.tsx';

export function SettlementsArea({ route }: { route: SettlementsRoute }): JSX.Element {
  switch (route.name) {
    case 'settlements':
      return <SettlementsListScreen workspaceId={route.workspaceId} />;
    case 'settlement':
      return (
        <SettlementScreen
          key={route.settlementId}
          workspaceId={route.workspaceId}
          settlementId={route.settlementId}
        />
      );
    case 'structure':
      return (
        <StructureScreen
          key={route.structureId}
          workspaceId={route.workspaceId}
          settlementId={route.settlementId}
          structureId={route.structureId}
        />
      );
    case 'round':
      return (
        <RoundScreen
          key={route.roundId}
          workspaceId={route.workspaceId}
          settlementId={route.settlementId}
          roundId={route.roundId}
        />
      );
  }
}
