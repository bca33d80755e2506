// The researcher's area on the phone, from its downloaded copy alone (it works offline): the
// settlement's boundary, its sections and the numbered structures the phone holds, on a plain
// background unless a tile URL is set in this browser. Leaflet loads only when a map is opened
// (settlements/map/draw.ts, a chunk the service worker keeps). Two uses: a tap places a point
// (a geopoint question), or a tap chooses a structure (the structure picker).
import type { Point, Structure } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { StatusItems } from '../settlements/MapLegend.tsx';
import type { DrawnMap } from '../settlements/map/draw.ts';
import { tileUrl } from '../settlements/map/tiles.ts';
import { Button } from '../ui/forms.tsx';
import type { PhoneArea } from './phone-area.ts';

export function PhoneMap({
  area,
  label,
  hint,
  marked,
  onTap,
  onStructure,
}: {
  area: PhoneArea;
  label: string;
  hint: string;
  /** A point to show (the one placed so far). */
  marked: Point | null;
  onTap: (point: Point, near: Structure | null) => void;
  onStructure?: (structure: Structure) => void;
}): JSX.Element {
  const { t } = useI18n();
  const container = useRef<HTMLElement>(null);
  const drawn = useRef<DrawnMap | null>(null);
  const [failed, setFailed] = useState(false);
  // The map is made once per opening; its callbacks read the latest props through a ref.
  const events = useRef({ onTap, onStructure });
  events.current = { onTap, onStructure };

  useEffect(() => {
    let cancelled = false;
    import('../settlements/map/draw.ts')
      .then(({ drawMap }) => {
        if (cancelled || !container.current) return;
        const map = drawMap(
          container.current,
          { boundary: area.boundary, sections: area.sections, structures: area.structures, facilities: [] },
          {
            onStructure: (structure, point) => {
              const pick = events.current.onStructure;
              if (pick) pick(structure);
              else events.current.onTap(point, structure);
            },
            onFacility: (_facility, point) => events.current.onTap(point, null),
            onTap: (point) => events.current.onTap(point, map.structureNear(point)),
          },
          { tileUrl: tileUrl(), tileAttribution: t('map.tiles.attribution'), fitTo: area.focus },
        );
        drawn.current = map;
        if (marked) map.setDraft([marked]);
        requestAnimationFrame(() => {
          if (!cancelled) container.current?.setAttribute('data-drawn', String(area.structures.length));
        });
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      drawn.current?.destroy();
      drawn.current = null;
    };
  }, [area]);

  useEffect(() => {
    drawn.current?.setDraft(marked ? [marked] : null);
  }, [marked?.lat, marked?.lon]);

  if (failed)
    return (
      <p class="notice notice-error" role="alert">
        {t('collect.map.loadFailed')}
      </p>
    );
  return (
    <div class="phone-map">
      <p class="hint">{hint}</p>
      <section ref={container} class="phone-map-canvas" aria-label={label} />
      {/* The shapes in words: colour is never the only cue. */}
      <ul class="phone-map-key" aria-label={t('map.legend')}>
        <StatusItems />
      </ul>
      <p class="collect-actions">
        <Button
          variant="secondary"
          onClick={() => {
            const map = drawn.current;
            if (!map) return;
            const centre = map.centre();
            events.current.onTap(centre, map.structureNear(centre));
          }}
        >
          {t('map.atCentre')}
        </Button>
      </p>
    </div>
  );
}
