// The settlement map: Leaflet and its CSS load only here (map/draw.ts is a chunk of its own).
// Tapping a structure tells its number, status and section with a link to its page; those who
// number structures can place one by tapping the map (or at the map's centre, by keyboard) and
// move one; coordinators and staff draw the boundary and sections (MapDrawing.tsx). The table of
// structures below the map is its text alternative.
import type { Facility, Point, Section, Settlement, Structure } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { paths } from '../router.ts';
import { Button, SelectField, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import type { SettlementAbilities } from './abilities.ts';
import { type Drawing, MapDrawing } from './MapDrawing.tsx';
import { MapLegend } from './MapLegend.tsx';
import { MapTilesSetting } from './MapTilesSetting.tsx';
import { insertCorner, moveCorner } from './map/corners.ts';
import type { DrawnMap } from './map/draw.ts';
import { sectionAt } from './map/inside.ts';
import { tileUrl } from './map/tiles.ts';

type Mode = { kind: 'look' } | { kind: 'place' } | { kind: 'move'; structure: Structure };
type Picked = { kind: 'structure'; structure: Structure } | { kind: 'facility'; facility: Facility };

export function SettlementMap(props: {
  workspaceId: string;
  settlement: Settlement;
  sections: Section[];
  structures: Structure[];
  facilities: Facility[];
  abilities: SettlementAbilities;
  tableId: string;
  onStructures: (structures: Structure[]) => void;
  onSettlement: (settlement: Settlement) => void;
  onSections: (sections: Section[]) => void;
}): JSX.Element {
  const { workspaceId, settlement, sections, structures, facilities, abilities } = props;
  const { t } = useI18n();
  const container = useRef<HTMLElement>(null);
  const drawn = useRef<DrawnMap | null>(null);
  const [failed, setFailed] = useState(false);
  const [picked, setPicked] = useState<Picked | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'look' });
  const [placeAt, setPlaceAt] = useState<Point | null>(null);
  const [number, setNumber] = useState('');
  const [sectionId, setSectionId] = useState('');
  const [tiles, setTiles] = useState(tileUrl);
  const action = useAction();
  const modeRef = useRef(mode);
  modeRef.current = mode;
  const tapRef = useRef<(point: Point, byKeyboard?: boolean) => void>(() => {});
  const [drawing, setDrawing] = useState<Drawing | null>(null);
  const [draft, setDraft] = useState<Point[]>([]);
  // The corner of a shape being changed that the next tap moves.
  const [chosen, setChosen] = useState<number | null>(null);
  const drawingRef = useRef(drawing);
  drawingRef.current = drawing;
  const looking = () => modeRef.current.kind === 'look' && !drawingRef.current;

  tapRef.current = (point, byKeyboard = false) => {
    if (drawing && drawing.kind !== 'newSection' && drawing.edit) {
      if (chosen !== null) {
        setDraft(moveCorner(draft, chosen, point));
        setChosen(null);
        return;
      }
      const near = byKeyboard ? null : (drawn.current?.cornerNear(point, draft) ?? null);
      if (near !== null) setChosen(near);
      else setDraft(insertCorner(draft, point));
      return;
    }
    if (drawingRef.current) {
      setDraft((corners) => [...corners, point]);
      return;
    }
    const current = modeRef.current;
    if (current.kind === 'place') {
      setPlaceAt(point);
      setSectionId(sectionAt(sections, point)?.id ?? '');
    } else if (current.kind === 'move') void move(current.structure, point);
  };

  // Drawn once per settlement; structures placed or moved afterwards are redrawn in place.
  useEffect(() => {
    let cancelled = false;
    performance.mark('map-start');
    import('./map/draw.ts')
      .then(({ drawMap }) => {
        if (cancelled || !container.current) return;
        drawn.current = drawMap(
          container.current,
          { boundary: settlement.boundary, sections, structures, facilities },
          {
            // While placing or moving, a tap on a symbol is a tap on the map there.
            onStructure: (structure, point) => {
              if (looking()) setPicked({ kind: 'structure', structure });
              else tapRef.current(point);
            },
            onFacility: (facility, point) => {
              if (looking()) setPicked({ kind: 'facility', facility });
              else tapRef.current(point);
            },
            onTap: (point) => tapRef.current(point),
          },
          {
            tileUrl: tiles,
            tileAttribution: t('map.tiles.attribution'),
          },
        );
        // The canvas paints on the next frame: measure after it, for the map bench.
        requestAnimationFrame(() => {
          if (cancelled) return;
          performance.mark('map-drawn');
          performance.measure('mapDrawMs', 'map-start', 'map-drawn');
          container.current?.setAttribute('data-drawn', String(structures.length));
        });
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      drawn.current?.destroy();
      drawn.current = null;
    };
  }, [settlement.id, tiles]);

  useEffect(() => {
    drawn.current?.setStructures(structures);
  }, [structures]);

  useEffect(() => {
    drawn.current?.setShapes(settlement.boundary, sections);
  }, [settlement.boundary, sections]);

  useEffect(() => {
    drawn.current?.setDraft(drawing ? draft : null, chosen);
  }, [drawing, draft, chosen]);

  const sectionCode = (id: string | null) => sections.find((s) => s.id === id)?.code ?? t('map.noSection');

  const place = () =>
    action.run(async () => {
      if (!placeAt) return;
      const created = await call('createStructure', {
        params: { workspaceId, settlementId: settlement.id },
        body: { number: number.trim(), point: placeAt, sectionId: sectionId || null },
      });
      props.onStructures([...structures, created]);
      setPlaceAt(null);
      setNumber('');
      setMode({ kind: 'look' });
      setPicked({ kind: 'structure', structure: created });
    });

  const move = (structure: Structure, point: Point) =>
    action.run(async () => {
      const moved = await call('updateStructure', {
        params: { workspaceId, structureId: structure.id },
        body: { baseVersionId: structure.versionId, point },
      });
      props.onStructures(structures.map((s) => (s.id === moved.id ? moved : s)));
      setMode({ kind: 'look' });
      setPicked({ kind: 'structure', structure: moved });
    });

  const atCentre = () => {
    const centre = drawn.current?.centre();
    if (centre) tapRef.current(centre, true);
  };

  if (failed)
    return (
      <p class="notice notice-error" role="alert">
        {t('map.loadFailed')}
      </p>
    );

  return (
    <div class="settlement-map">
      <p class="hint" id="map-alternative">
        {t('map.alternative')} <a href={`#${props.tableId}`}>{t('map.toTable')}</a>
      </p>
      {abilities.number && !drawing && (
        <div class="map-tools">
          {mode.kind === 'look' ? (
            <Button
              variant="secondary"
              data-endpoint="createStructure"
              onClick={() => setMode({ kind: 'place' })}
            >
              {t('map.place')}
            </Button>
          ) : (
            <>
              <p class="notice" role="status">
                {mode.kind === 'place'
                  ? t('map.placeHint')
                  : t('map.moveHint', { number: mode.structure.number })}
              </p>
              <Button variant="secondary" onClick={atCentre}>
                {t('map.atCentre')}
              </Button>
              <Button
                variant="plain"
                onClick={() => {
                  setMode({ kind: 'look' });
                  setPlaceAt(null);
                }}
              >
                {t('map.cancel')}
              </Button>
            </>
          )}
        </div>
      )}
      <section
        ref={container}
        // Not a class: Leaflet's own classes on this element would be lost when it changed.
        class="map-canvas"
        data-placing={mode.kind === 'look' && !drawing ? undefined : 'true'}
        aria-label={t('map.label', { name: settlement.name })}
        aria-describedby="map-alternative"
      />
      {abilities.map && mode.kind === 'look' && (
        <MapDrawing
          workspaceId={workspaceId}
          settlement={settlement}
          sections={sections}
          drawing={drawing}
          points={draft}
          chosen={chosen}
          onDrawing={setDrawing}
          onPoints={setDraft}
          onChosen={setChosen}
          onCentre={atCentre}
          onSettlement={props.onSettlement}
          onSections={props.onSections}
        />
      )}
      <MapLegend />
      <MapTilesSetting onChange={setTiles} />
      <StatusMessage error={action.error} />
      {placeAt && mode.kind === 'place' && (
        <form
          class="map-panel"
          onSubmit={(event) => {
            event.preventDefault();
            void place();
          }}
        >
          <h3>{t('map.newStructure')}</h3>
          <TextField
            id="new-structure-number"
            label={t('map.number')}
            hint={t('map.numberHint', { prefix: settlement.numberPrefix || 'B-' })}
            value={number}
            onValue={setNumber}
            required
            autocapitalize="characters"
            error={action.fieldErrors.number}
          />
          <SelectField
            id="new-structure-section"
            label={t('structure.field.sectionId')}
            value={sectionId}
            options={[
              { value: '', label: t('map.noSection') },
              ...sections.map((section) => ({ value: section.id, label: section.code })),
            ]}
            onValue={setSectionId}
            error={action.fieldErrors.sectionId}
          />
          <div class="form-actions">
            <Button type="submit" disabled={action.busy || !number.trim()}>
              {t('map.save')}
            </Button>
          </div>
        </form>
      )}
      <div aria-live="polite">
        {picked?.kind === 'structure' && mode.kind === 'look' && (
          <div class="map-panel">
            <h3>{t('map.structureTitle', { number: picked.structure.number })}</h3>
            <p>
              {t(`structure.status.${picked.structure.status}`)} ·{' '}
              {t('map.section', { code: sectionCode(picked.structure.sectionId) })}
            </p>
            <div class="row-actions">
              <a
                class="button button-secondary"
                href={paths.structure(workspaceId, settlement.id, picked.structure.id)}
              >
                <span>{t('map.openStructure')}</span>
              </a>
              {abilities.number && (
                <Button
                  variant="plain"
                  data-endpoint="updateStructure"
                  onClick={() => setMode({ kind: 'move', structure: picked.structure })}
                >
                  {t('map.move')}
                </Button>
              )}
            </div>
          </div>
        )}
        {picked?.kind === 'facility' && mode.kind === 'look' && (
          <div class="map-panel">
            <h3>{t(`facility.type.${picked.facility.type}`)}</h3>
            <p>{picked.facility.functional ? t('facility.working') : t('facility.notWorking')}</p>
          </div>
        )}
      </div>
    </div>
  );
}
