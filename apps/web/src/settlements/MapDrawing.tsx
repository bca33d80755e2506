// Drawing the settlement's boundary or a section's on the map, for coordinators and staff: each
// tap adds a corner (or the map's centre, by keyboard), the last one can be taken back, and Finish
// closes the ring and saves it. Redrawing replaces the old shape whole; changing a saved shape's
// corners keeps it and moves, adds or removes one corner at a time (map/corners.ts). The server
// checks the shape in depth; a refused one is listed problem by problem, by corner, and nothing
// changes.
import type { Boundary, Point, Section, Settlement } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Button, SelectField, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { drawnProblems } from './drawing-words.ts';
import { cornersOf, removeCorner } from './map/corners.ts';

/**
 * What is being drawn: the settlement's outline, a new section, or an existing section again;
 * `edit` changes the saved shape's corners instead of starting from none.
 */
export type Drawing =
  | { kind: 'boundary'; edit?: boolean }
  | { kind: 'newSection' }
  | { kind: 'section'; section: Section; edit?: boolean };

/** The tapped corners as a closed GeoJSON ring, longitude first. */
export function ringOf(points: Point[]): Boundary {
  const ring = points.map((p) => [p.lon, p.lat]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0] as number[]]] } as Boundary;
}

export function MapDrawing(props: {
  workspaceId: string;
  settlement: Settlement;
  sections: Section[];
  drawing: Drawing | null;
  points: Point[];
  /** The corner chosen to move (changing a saved shape), or null. */
  chosen: number | null;
  onDrawing: (drawing: Drawing | null) => void;
  onPoints: (points: Point[]) => void;
  onChosen: (corner: number | null) => void;
  onCentre: () => void;
  onSettlement: (settlement: Settlement) => void;
  onSections: (sections: Section[]) => void;
}): JSX.Element {
  const { workspaceId, settlement, sections, drawing, points, chosen } = props;
  const { t } = useI18n();
  const action = useAction();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [picked, setAgain] = useState('');
  // The section chosen to draw again; the first one until another is chosen (or after one is added).
  const again = sections.some((s) => s.id === picked) ? picked : (sections[0]?.id ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const problems = drawnProblems(t, action.error);

  const savedCorners = (of: Drawing | null) =>
    of?.kind === 'boundary' && of.edit
      ? cornersOf(settlement.boundary)
      : of?.kind === 'section' && of.edit
        ? cornersOf(of.section.boundary)
        : [];
  const start = (next: Drawing) => {
    setSaved(null);
    action.setError(null);
    props.onChosen(null);
    props.onPoints(savedCorners(next));
    props.onDrawing(next);
  };
  const stop = () => {
    props.onChosen(null);
    props.onPoints([]);
    props.onDrawing(null);
  };
  const editing = drawing?.kind !== 'newSection' && Boolean(drawing?.edit);

  const finish = () =>
    action.run(async () => {
      if (!drawing || points.length < 3) return;
      const boundary = ringOf(points);
      let conflict = false;
      if (drawing.kind === 'boundary') {
        const next = await call('updateSettlement', {
          params: { workspaceId, settlementId: settlement.id },
          body: { baseVersionId: settlement.versionId, boundary },
        });
        conflict = next.hasConflict;
        props.onSettlement(next);
      } else if (drawing.kind === 'newSection') {
        const created = await call('createSection', {
          params: { workspaceId, settlementId: settlement.id },
          body: { code: code.trim(), name: name.trim(), boundary },
        });
        props.onSections([...sections, created].sort((a, b) => a.code.localeCompare(b.code)));
        setCode('');
        setName('');
      } else {
        const next = await call('updateSection', {
          params: { workspaceId, sectionId: drawing.section.id },
          body: { baseVersionId: drawing.section.versionId, boundary },
        });
        conflict = next.hasConflict;
        props.onSections(sections.map((s) => (s.id === next.id ? next : s)));
      }
      setSaved(conflict ? t('drawing.conflict') : t('drawing.saved'));
      stop();
    });

  if (!drawing)
    return (
      <div class="map-drawing">
        <div class="map-tools">
          <Button
            variant="secondary"
            data-endpoint="updateSettlement"
            onClick={() => start({ kind: 'boundary' })}
          >
            {settlement.boundary ? t('drawing.redrawBoundary') : t('drawing.boundary')}
          </Button>
          {settlement.boundary && (
            <Button
              variant="secondary"
              data-endpoint="updateSettlement"
              onClick={() => start({ kind: 'boundary', edit: true })}
            >
              {t('drawing.editBoundary')}
            </Button>
          )}
          <Button
            variant="secondary"
            data-endpoint="createSection"
            onClick={() => start({ kind: 'newSection' })}
          >
            {t('drawing.section')}
          </Button>
        </div>
        {sections.length > 0 && (
          <div class="map-tools map-drawing-again">
            <SelectField
              id="redraw-section"
              label={t('drawing.againLabel')}
              value={again}
              options={sections.map((s) => ({ value: s.id, label: s.code }))}
              onValue={setAgain}
            />
            <Button
              variant="plain"
              data-endpoint="updateSection"
              onClick={() => {
                const section = sections.find((s) => s.id === again) ?? sections[0];
                if (section) start({ kind: 'section', section });
              }}
            >
              {t('drawing.again')}
            </Button>
            {sections.find((s) => s.id === again)?.boundary && (
              <Button
                variant="plain"
                data-endpoint="updateSection"
                onClick={() => {
                  const section = sections.find((s) => s.id === again);
                  if (section) start({ kind: 'section', section, edit: true });
                }}
              >
                {t('drawing.editSection')}
              </Button>
            )}
          </div>
        )}
        <p class="hint">{t('drawing.keyboardHint')}</p>
        <div aria-live="polite">{saved && <p class="notice notice-success">{saved}</p>}</div>
      </div>
    );

  const what =
    drawing.kind === 'boundary'
      ? t(editing ? 'drawing.editingBoundary' : 'drawing.drawingBoundary')
      : drawing.kind === 'newSection'
        ? t('drawing.drawingSection')
        : t(editing ? 'drawing.editingSection' : 'drawing.drawingSectionAgain', {
            code: drawing.section.code,
          });
  const corner = chosen === null ? null : chosen + 1;

  return (
    <div class="map-drawing">
      <p class="notice" role="status">
        {what} {t('drawing.corners', { count: points.length })}
        {corner !== null && <> {t('drawing.chosen', { n: corner })}</>}
      </p>
      {editing && (
        <div class="map-tools">
          <SelectField
            id="drawing-corner"
            label={t('drawing.chosenLabel')}
            value={chosen === null ? '' : String(chosen)}
            options={[
              { value: '', label: t('drawing.chosenNone') },
              ...points.map((_, i) => ({ value: String(i), label: t('drawing.cornerNumber', { n: i + 1 }) })),
            ]}
            onValue={(value) => props.onChosen(value === '' ? null : Number(value))}
          />
          {corner !== null && (
            <>
              <Button variant="secondary" onClick={props.onCentre}>
                {t('drawing.moveToCentre', { n: corner })}
              </Button>
              <Button
                variant="plain"
                disabled={points.length <= 3}
                onClick={() => {
                  props.onPoints(removeCorner(points, chosen as number));
                  props.onChosen(null);
                }}
              >
                {t('drawing.remove', { n: corner })}
              </Button>
            </>
          )}
        </div>
      )}
      {drawing.kind === 'newSection' && (
        <div class="map-drawing-fields">
          <TextField
            id="new-section-code"
            label={t('drawing.code')}
            hint={t('drawing.codeHint')}
            value={code}
            onValue={setCode}
            required
            autocapitalize="characters"
            error={action.fieldErrors.code}
          />
          <TextField
            id="new-section-name"
            label={t('drawing.name')}
            value={name}
            onValue={setName}
            error={action.fieldErrors.name}
          />
        </div>
      )}
      <div class="map-tools">
        <Button
          onClick={() => void finish()}
          disabled={action.busy || points.length < 3 || (drawing.kind === 'newSection' && !code.trim())}
        >
          {t('drawing.finish')}
        </Button>
        {editing ? (
          <Button
            variant="secondary"
            onClick={() => {
              props.onChosen(null);
              props.onPoints(savedCorners(drawing));
            }}
          >
            {t('drawing.reset')}
          </Button>
        ) : (
          <Button
            variant="secondary"
            onClick={() => props.onPoints(points.slice(0, -1))}
            disabled={points.length === 0}
          >
            {t('drawing.undo')}
          </Button>
        )}
        {corner === null && (
          <Button variant="secondary" onClick={props.onCentre}>
            {t('drawing.atCentre')}
          </Button>
        )}
        <Button variant="plain" onClick={stop}>
          {t('map.cancel')}
        </Button>
      </div>
      <StatusMessage error={action.error} />
      {problems.length > 0 && (
        <ol class="map-file-problems" aria-label={t('drawing.problems')}>
          {problems.map((problem, index) => (
            <li key={index}>
              <span class="map-file-where">{problem.where}</span>
              {': '}
              <span>{problem.message}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
