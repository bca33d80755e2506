// The forms area loads on first use (a separate chunk with its own CSS): the builder, renderer
// and expression engine are ~the size of the rest of the app, and sign-in must stay light on 2G.
import type { Route } from '../router.ts';
import { lazyArea } from '../ui/lazy-area.tsx';

type FormsRoute = Extract<Route, { name: 'forms' | 'form' | 'assignments' }>;

export const FormsRoute = lazyArea(
  () => import('./FormsArea.tsx'),
  (area, props: { route: FormsRoute }) => <area.FormsArea route={props.route} />,
  'forms.loadFailed',
);
