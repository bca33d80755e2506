// Places: a geopoint is one point; geotrace and geoshape are lists of points. Each point is typed
// (latitude, longitude) or taken from the device's location; a geopoint can also be placed by a
// tap on a map where the screen provides one (place.ts). Answers use ODK's form: "lat lon alt acc",
// points separated by ";".
import type { JSX } from 'preact';
import { useContext, useState } from 'preact/hooks';
import { useI18n } from '../../../i18n/i18n.ts';
import { PlaceContext, placedAnswer, pointOf } from './place.ts';
import type { WidgetProps } from './types.ts';

type Point = [string, string, string, string];

function parse(value: string): Point[] {
  return value
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [lat = '', lon = '', alt = '0', acc = '0'] = p.split(/\s+/);
      return [lat, lon, alt, acc];
    });
}

function format(points: Point[]): string {
  return points
    .filter(([lat, lon]) => lat !== '' || lon !== '')
    .map((p) => p.join(' '))
    .join(';');
}

export function GeoWidget(p: WidgetProps): JSX.Element {
  const { t } = useI18n();
  const single = p.node.item.type === 'geopoint';
  const [draft, setDraft] = useState<Point[] | null>(null);
  const [status, setStatus] = useState('');
  const placeOnMap = useContext(PlaceContext);
  const [mapOpen, setMapOpen] = useState(false);
  const points = draft ?? (parse(p.value).length ? parse(p.value) : [['', '', '0', '0'] as Point]);
  const update = (next: Point[]) => {
    setDraft(next);
    p.setValue(format(next));
  };
  const locate = (index: number) => {
    if (!navigator.geolocation) {
      setStatus(t('forms.fill.noLocation'));
      return;
    }
    setStatus(t('forms.fill.locating'));
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const next = [...points];
        next[index] = [
          pos.coords.latitude.toFixed(6),
          pos.coords.longitude.toFixed(6),
          String(Math.round(pos.coords.altitude ?? 0)),
          String(Math.round(pos.coords.accuracy)),
        ];
        update(next);
        setStatus(t('forms.fill.located', { accuracy: Math.round(pos.coords.accuracy) }));
      },
      () => setStatus(t('forms.fill.noLocation')),
      { enableHighAccuracy: true, timeout: 30_000 },
    );
  };
  const set = (index: number, part: 0 | 1, text: string) => {
    const next = points.map((pt) => [...pt] as Point);
    next[index]![part] = text;
    update(next);
  };
  const canPlace = single && placeOnMap !== null && !p.readOnly;
  return (
    <fieldset
      class="fq-geo"
      id={p.id}
      tabIndex={-1}
      aria-labelledby={p.labelId}
      aria-describedby={p.describedBy}
    >
      <ol class="fq-points">
        {points.map((pt, i) => (
          <li key={i} class="fq-point">
            <label>
              <span>{t('forms.fill.latitude')}</span>
              <input
                type="text"
                inputMode="decimal"
                value={pt[0]}
                readOnly={p.readOnly}
                aria-invalid={p.invalid ? 'true' : undefined}
                onInput={(e) => set(i, 0, e.currentTarget.value)}
              />
            </label>
            <label>
              <span>{t('forms.fill.longitude')}</span>
              <input
                type="text"
                inputMode="decimal"
                value={pt[1]}
                readOnly={p.readOnly}
                onInput={(e) => set(i, 1, e.currentTarget.value)}
              />
            </label>
            <button
              type="button"
              class="button button-secondary"
              disabled={p.readOnly}
              onClick={() => locate(i)}
            >
              {t('forms.fill.useLocation')}
            </button>
            {!single && points.length > 1 && (
              <button
                type="button"
                class="button button-plain"
                disabled={p.readOnly}
                aria-label={t('forms.fill.removePoint', { n: i + 1 })}
                onClick={() => update(points.filter((_, j) => j !== i))}
              >
                {t('forms.fill.remove')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {canPlace && (
        <button
          type="button"
          class="button button-secondary"
          aria-expanded={mapOpen}
          onClick={() => setMapOpen(!mapOpen)}
        >
          {t(mapOpen ? 'forms.fill.closeMap' : 'forms.fill.placeOnMap')}
        </button>
      )}
      {canPlace &&
        mapOpen &&
        placeOnMap?.({
          point: pointOf(points[0]),
          onPlace: (point) => {
            update([placedAnswer(point)]);
            setStatus(t('forms.fill.placed'));
          },
        })}
      {!single && (
        <button
          type="button"
          class="button button-secondary"
          disabled={p.readOnly}
          onClick={() => update([...points, ['', '', '0', '0']])}
        >
          {t('forms.fill.addPoint')}
        </button>
      )}
      <p class="hint" role="status">
        {status}
      </p>
    </fieldset>
  );
}
