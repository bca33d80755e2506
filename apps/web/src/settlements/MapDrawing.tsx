// Drawing the settlement's boundary or a section's on the map, for coordinators and staff: each
// tap adds a corner (or the map's centre, by keyboard), the last one can be taken back, and Finish
// closes the ring and saves it. Redrawing replaces the old shape whole. The server checks the
// shape in depth; a refused one is listed problem by problem, by corner, and nothing changes.
import type { Boundary, Point, Section, Settlement } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Button, SelectField, StatusMessage, TextField, useAction } from '../ui/forms.tsx';
import { drawnProblems } from './drawing-words.ts';

/** What is being drawn: the settlement's outline, a new section, or an existing section again. */
export type Drawing = { kind: 'boundary' } | { kind: 'newSection' } | { kind: 'section'; section: Section };

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
  onDrawing: (drawing: Drawing | null) => void;
  onPoints: (points: Point[]) => void;
  onCentre: () => void;
  onSettlement: (settlement: Settlement) => void;
  onSections: (sections: Section[]) => void;
}): JSX.Element {
  const { workspaceId, settlement, sections, drawing, points } = props;
  const { t } = useI18n();
  const action = useAction();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [picked, setAgain] = useState('');
  // The section chosen to draw again; the first one until another is chosen (or after one is added).
  const again = sections.some((s) => s.id === picked) ? picked : (sections[0]?.id ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const problems = drawnProblems(t, action.error);

  const start = (next: Drawing) => {
    setSaved(null);
    action.setError(null);
    props.onPoints([]);
    props.onDrawing(next);
  };
  const stop = () => {
    props.onPoints([]);
    props.onDrawing(null);
  };

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
          </div>
        )}
        <p class="hint">{t('drawing.keyboardHint')}</p>
        <div aria-live="polite">{saved && <p class="notice notice-success">{saved}</p>}</div>
      </div>
    );

  const what =
    drawing.kind === 'boundary'
      ? t('drawing.drawingBoundary')
      : drawing.kind === 'newSection'
        ? t('drawing.drawingSection')
        : t('drawing.drawingSectionAgain', { code: drawing.section.code });

  return (
    <div class="map-drawing">
      <p class="notice" role="status">
        {what} {t('drawing.corners', { count: points.length })}
      </p>
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
        <Button
          variant="secondary"
          onClick={() => props.onPoints(points.slice(0, -1))}
          disabled={points.length === 0}
        >
          {t('drawing.undo')}
        </Button>
        <Button variant="secondary" onClick={props.onCentre}>
          {t('drawing.atCentre')}
        </Button>
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
