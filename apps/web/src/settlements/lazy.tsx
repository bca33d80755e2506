// The settlements area loads on first use (a chunk with its own CSS), like the forms area; the
// map inside it loads Leaflet only when a settlement page draws one.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import type { Route } from '../router.ts';
import { Loading } from '../ui/screen.tsx';

export type SettlementsRoute = Extract<Route, { name: 'settlements' | 'settlement' | 'structure' | 'round' }>;
type Area = typeof import('./SettlementsArea.tsx');

let loaded: Area | null = null;

export function SettlementsRoute({ route }: { route: SettlementsRoute }): JSX.Element {
  const { t } = useI18n();
  const [area, setArea] = useState<Area | null>(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (area) return;
    import('./SettlementsArea.tsx')
      .then((module) => {
        loaded = module;
        setArea(module);
      })
      .catch(() => setFailed(true));
  }, [area]);
  if (failed)
    return (
      <p class="notice notice-error" role="alert">
        {t('forms.loadFailed')} <a href={location.href}>{t('forms.tryAgain')}</a>
      </p>
    );
  return area ? <area.SettlementsArea route={route} /> : <Loading />;
}
