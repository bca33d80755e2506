// The settlements area loads on first use (a chunk with its own CSS), like the forms area; the
// map inside it loads Leaflet only when a settlement page draws one.
import type { Route } from '../router.ts';
import { lazyArea } from '../ui/lazy-area.tsx';

export type SettlementsRoute = Extract<Route, { name: 'settlements' | 'settlement' | 'structure' | 'round' }>;

export const SettlementsRoute = lazyArea(
  () => import('./SettlementsArea.tsx'),
  (area, props: { route: SettlementsRoute }) => <area.SettlementsArea route={props.route} />,
  'forms.loadFailed',
);
