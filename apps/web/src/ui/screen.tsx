// Every screen starts with its heading. After a navigation, focus moves to it so screen-reader
// and keyboard users start at the top of the new screen, and the tab title follows.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';

let firstScreen = true;

export function Screen({
  title,
  children,
  actions,
  wide = false,
  busy = false,
}: {
  title: string;
  children: ComponentChildren;
  actions?: ComponentChildren;
  wide?: boolean;
  /** Still loading part of the screen: told to screen readers (and to tests waiting for it). */
  busy?: boolean;
}): JSX.Element {
  const heading = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.title', { screen: title });
  }, [title, t]);
  useEffect(() => {
    if (firstScreen) firstScreen = false;
    else heading.current?.focus();
  }, []);
  return (
    <div class={wide ? 'screen screen-wide' : 'screen'} aria-busy={busy ? 'true' : undefined}>
      <div class="screen-head">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions && <div class="screen-actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}

export function Loading(): JSX.Element {
  const { t } = useI18n();
  return (
    <p class="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
