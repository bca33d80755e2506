// The forms area loads on first use (a separate chunk with its own CSS): the builder, renderer
// and expression engine are ~the size of the rest of the app, and sign-in must stay light on 2G.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import type { Route } from '../router.ts';
import { Loading } from '../ui/screen.tsx';

type FormsRoute = Extract<Route, { name: 'forms' | 'form' }>;
type Area = typeof import('./FormsArea.tsx');

let loaded: Area | null = null;

export function FormsRoute({ route }: { route: FormsRoute }): JSX.Element {
  const [area, setArea] = useState<Area | null>(loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (area) return;
    import('./FormsArea.tsx')
      .then((module) => {
        loaded = module;
        setArea(module);
      })
      .catch(() => setFailed(true));
  }, [area]);
  if (failed) return <LoadFailed />;
  return area ? <area.FormsArea route={route} /> : <Loading />;
}

/** Only the chunk failed (e.g. offline before the service worker cached it): offer to try again. */
function LoadFailed(): JSX.Element {
  const { t } = useI18n();
  return (
    <p class="notice notice-error" role="alert">
      {t('forms.loadFailed')} <a href={location.href}>{t('forms.tryAgain')}</a>
    </p>
  );
}
