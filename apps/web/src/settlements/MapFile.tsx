// The settlement as one GeoJSON map file: downloaded for QGIS, geojson.io or another workspace, and,
// for coordinators and staff, a file imported back (sections, structures and facilities added or
// changed). A refused file changed nothing; its first problems are listed with where they are.
import type { GeojsonImportResult, Settlement } from '@coproduce/contract';
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, buildPath, call, routes } from '../api.ts';
import { useI18n } from '../i18n/i18n.ts';
import { Button, problemMessage } from '../ui/forms.tsx';
import { Icon } from '../ui/icons.tsx';
import type { SettlementAbilities } from './abilities.ts';
import { importSummary, problemLines } from './geojson-words.ts';

type Outcome =
  | { kind: 'done'; result: GeojsonImportResult }
  | { kind: 'notJson' }
  | { kind: 'refused'; error: unknown; file: unknown };

export function MapFile(props: {
  workspaceId: string;
  settlement: Settlement;
  abilities: SettlementAbilities;
  onImported: () => void;
}): JSX.Element {
  const { workspaceId, settlement, abilities } = props;
  const { t } = useI18n();
  const params = { workspaceId, settlementId: settlement.id };
  return (
    <section aria-labelledby="map-file-title" class="map-file">
      <h2 id="map-file-title">{t('geojson.title')}</h2>
      <p>{abilities.readStructures ? t('geojson.holds') : t('geojson.holdsNoStructures')}</p>
      <p>
        <a
          class="button button-secondary"
          data-endpoint="exportSettlementGeojson"
          href={buildPath(routes.exportSettlementGeojson[1], params)}
          download={`${settlement.name}.geojson`}
        >
          <Icon name="download" />
          <span>{t('geojson.download')}</span>
        </a>
      </p>
      {abilities.map && <ImportMapFile {...props} />}
    </section>
  );
}

function ImportMapFile(props: { workspaceId: string; settlement: Settlement; onImported: () => void }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const said = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  // A refused file takes the reader to what went wrong, as StatusMessage does for other errors.
  useEffect(() => {
    if (outcome && outcome.kind !== 'done') said.current?.focus({ preventScroll: false });
  }, [outcome]);

  const send = async () => {
    if (!chosen) return;
    setBusy(true);
    setOutcome(null);
    let file: unknown;
    try {
      file = JSON.parse(await chosen.text());
    } catch {
      setOutcome({ kind: 'notJson' });
      setBusy(false);
      return;
    }
    try {
      const result = await call('importSettlementGeojson', {
        params: { workspaceId: props.workspaceId, settlementId: props.settlement.id },
        body: file as { type: string },
      });
      setOutcome({ kind: 'done', result });
      setChosen(null);
      if (input.current) input.current.value = '';
      props.onImported();
    } catch (error) {
      setOutcome({ kind: 'refused', error, file });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      class="map-file-import"
      aria-labelledby="map-file-import-title"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <h3 id="map-file-import-title">{t('geojson.import.title')}</h3>
      <div class="field">
        <label for="map-file-input">{t('geojson.import.file')}</label>
        <p class="hint" id="map-file-hint">
          {t('geojson.import.hint')}
        </p>
        <input
          id="map-file-input"
          ref={input}
          type="file"
          accept=".geojson,.json,application/geo+json,application/json"
          aria-describedby="map-file-hint"
          onChange={(event) => {
            setChosen(event.currentTarget.files?.[0] ?? null);
            setOutcome(null);
          }}
        />
      </div>
      <div class="form-actions">
        <Button
          type="submit"
          data-endpoint="importSettlementGeojson"
          icon={<Icon name="up" />}
          disabled={busy || !chosen}
        >
          {t('geojson.import.save')}
        </Button>
      </div>
      <div class="status map-file-outcome" aria-live="polite">
        {outcome && (
          <div ref={said} tabIndex={-1} class="map-file-said">
            <Said outcome={outcome} />
          </div>
        )}
      </div>
    </form>
  );
}

function Said({ outcome }: { outcome: Outcome }) {
  const { t, locale } = useI18n();
  if (outcome.kind === 'notJson') return <p class="notice notice-error">{t('geojson.import.notJson')}</p>;
  if (outcome.kind === 'done')
    return (
      <div class="notice notice-success">
        <p>{t('geojson.import.done')}</p>
        <ul>
          {importSummary(t, locale, outcome.result).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
    );
  const { error, file } = outcome;
  const issues =
    error instanceof ApiError && error.code === 'settlement.geojson_invalid' ? error.problem.errors : [];
  const { shown, more } = problemLines(t, issues ?? [], file);
  return (
    <div class="notice notice-error">
      <p>{problemMessage(t, error)}</p>
      {shown.length > 0 && (
        <ol class="map-file-problems">
          {shown.map((problem, index) => (
            <li key={index}>
              <span class="map-file-where">{problem.where}</span>
              {': '}
              <span>{problem.message}</span>
            </li>
          ))}
        </ol>
      )}
      {more && <p>{more}</p>}
    </div>
  );
}
