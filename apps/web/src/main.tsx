import { render } from 'preact';
import { App } from './app.tsx';
import { onLinkClick } from './router.ts';

document.addEventListener('click', onLinkClick);
render(<App />, document.getElementById('app')!);

// The service worker keeps the app shell for offline use; only in the built app.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  addEventListener('load', () => {
    void navigator.serviceWorker.register('/sw.js').catch(() => {});
  });
}
