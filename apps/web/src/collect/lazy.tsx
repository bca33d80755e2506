// The collection area loads on first use, like the forms area (it carries the form renderer and
// engine). The service worker precaches the chunk, so it opens with no connection too.
import type { CollectRoute as Route } from '../router.ts';
import { lazyArea } from '../ui/lazy-area.tsx';

export const CollectRoute = lazyArea(
  () => import('./CollectArea.tsx'),
  (area, props: { route: Route }) => <area.CollectArea route={props.route} />,
  'collect.loadFailed',
);
