// The map's key, in words and in the same shapes the canvas draws: status by shape and colour,
// facilities hollow with a slash when they do not work.
import type { JSX } from 'preact';
import { useI18n } from '../i18n/i18n.ts';
import {
  facilityGroups,
  facilitySymbol,
  type SymbolStyle,
  shapePath,
  statusOrder,
  statusSymbols,
} from './map/symbols.ts';

export function Swatch({ symbol }: { symbol: SymbolStyle }): JSX.Element {
  return (
    <svg class="swatch" width="22" height="22" viewBox="0 0 22 22" aria-hidden="true" focusable="false">
      <path
        d={shapePath(symbol.shape, 11, 11, 7)}
        fill={symbol.hollow ? '#ffffff' : symbol.fill}
        stroke={symbol.stroke}
        stroke-width={symbol.hollow ? 2.5 : 1}
      />
      {symbol.slash && <path d="M4 18L18 4" stroke={symbol.stroke} stroke-width="2" />}
    </svg>
  );
}

/** Each structure status as the map draws it and in words; the phone's map keys these alone. */
export function StatusItems(): JSX.Element {
  const { t } = useI18n();
  return (
    <>
      {statusOrder.map((status) => (
        <li key={status}>
          <Swatch symbol={statusSymbols[status]} />
          <span>{t(`structure.status.${status}`)}</span>
        </li>
      ))}
    </>
  );
}

export function MapLegend(): JSX.Element {
  const { t } = useI18n();
  return (
    <section class="map-legend" aria-labelledby="map-legend-title">
      <h3 id="map-legend-title">{t('map.legend')}</h3>
      <div class="legend-columns">
        <ul>
          <StatusItems />
        </ul>
        <ul>
          {facilityGroups.map((group) => (
            <li key={group[0]}>
              <Swatch symbol={facilitySymbol(group[0], true)} />
              <span>{group.map((type) => t(`facility.type.${type}`)).join(', ')}</span>
            </li>
          ))}
          <li>
            <Swatch symbol={facilitySymbol('tap', false)} />
            <span>{t('facility.notWorking')}</span>
          </li>
        </ul>
      </div>
    </section>
  );
}
