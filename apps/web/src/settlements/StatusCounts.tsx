// Structures counted by status, each with its map shape, so the list reads like the map's key.
import type { Settlement } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useI18n } from '../i18n/i18n.ts';
import { Swatch } from './MapLegend.tsx';
import { statusOrder, statusSymbols } from './map/symbols.ts';

export function StatusCounts({ counts }: { counts: Settlement['structures'] }): JSX.Element {
  const { t } = useI18n();
  return (
    <ul class="status-counts" aria-label={t('settlement.structuresByStatus')}>
      {statusOrder.map((status) => (
        <li key={status}>
          <Swatch symbol={statusSymbols[status]} />
          <span>{t(`structure.count.${status}`, { count: counts[status] })}</span>
        </li>
      ))}
    </ul>
  );
}
