// An area of the app that loads on first use (its own chunk, often with its own CSS), so sign-in
// stays light on 2G. Written once for the forms, collection and settlements areas.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, useI18n } from '../i18n/i18n.ts';
import { Loading } from './screen.tsx';

/**
 * The component that shows `render(module, props)` once `load()` has brought the chunk (kept
 * after the first load, so moving between screens of the area never waits again); if only the
 * chunk failed (offline before the service worker cached it), a message offers to try again.
 */
export function lazyArea<M, P>(
  load: () => Promise<M>,
  render: (module: M, props: P) => JSX.Element,
  failedMessage: MessageKey,
) {
  let loaded: M | null = null;
  return function LazyArea(props: P): JSX.Element {
    const { t } = useI18n();
    const [area, setArea] = useState<M | null>(loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (area) return;
      load()
        .then((module) => {
          loaded = module;
          setArea(() => module);
        })
        .catch(() => setFailed(true));
    }, [area]);
    if (failed)
      return (
        <p class="notice notice-error" role="alert">
          {t(failedMessage)} <a href={location.href}>{t('forms.tryAgain')}</a>
        </p>
      );
    return area ? render(area, props) : <Loading />;
  };
}
