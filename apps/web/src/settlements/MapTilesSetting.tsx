// The map's optional background: a tile server's URL template, kept in this browser only. With
// none the map has a plain background and needs no connection beyond our own server.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { Button, TextField } from '../ui/forms.tsx';
import { setTileUrl, tileUrl } from './map/tiles.ts';

// The template's own braces, given as values so the message format does not read them.
const template = { z: '{z}', x: '{x}', y: '{y}' };

export function MapTilesSetting({ onChange }: { onChange: (url: string | null) => void }): JSX.Element {
  const { t } = useI18n();
  const [value, setValue] = useState(tileUrl() ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  return (
    <details class="map-tiles">
      <summary>{t('map.tiles.title')}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!setTileUrl(value)) {
            setError(t('map.tiles.invalid', template));
            return;
          }
          setError(undefined);
          onChange(tileUrl());
        }}
      >
        <TextField
          id="map-tile-url"
          label={t('map.tiles.url')}
          hint={t('map.tiles.hint', template)}
          value={value}
          onValue={setValue}
          spellcheck={false}
          error={error}
        />
        <div class="form-actions">
          <Button type="submit" variant="secondary">
            {t('map.tiles.save')}
          </Button>
        </div>
      </form>
    </details>
  );
}
