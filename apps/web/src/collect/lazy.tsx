// The collection area loads on first use, like the forms area (it carries the form renderer and
// engine). The service worker precaches the chunk, so it opens with no connection too.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import type { CollectRoute as Route } from '../router.ts';
import { Loading } from '../ui/screen.tsx';

type Area = typeof import('./CollectArea.tsx');

let loaded: Area | null = null;

export function CollectRoute({ route }: { route: Route }): JSX.Element {
  const { t } = useI18n();
  const [area, setArea] = useState<Area | null>(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (area) return;
    import('./CollectArea.tsx')
      .then((module) => {
        loaded = module;
        setArea(module);
      })
      .catch(() => setFailed(true));
  }, [area]);
  if (failed)
    return (
      <p class="notice notice-error" role="alert">
        {t('collect.loadFailed')} <a href={location.href}>{t('forms.tryAgain')}</a>
      </p>
    );
  return area ? <area.CollectArea route={route} /> : <Loading />;
}
