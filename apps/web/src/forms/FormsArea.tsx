// Entry of the lazily loaded forms chunk: its styles and the screen for each forms route (giving
// forms out to researchers included).
import './forms.css';
import '../assignments/assignments.css';
import type { JSX } from 'preact';
import { AssignmentsScreen } from '../assignments/AssignmentsScreen.tsx';
import type { Route } from '../router.ts';
import { AssignmentsView } from './AssignmentsView.tsx';
import { BuilderScreen } from './BuilderScreen.tsx';
import { ChangesScreen } from './ChangesScreen.tsx';
import { FormsListScreen } from './FormsListScreen.tsx';
import { PreviewScreen } from './PreviewScreen.tsx';
import { ReviewScreen } from './ReviewScreen.tsx';

export function FormsArea({
  route,
}: {
  route: Extract<Route, { name: 'forms' | 'form' | 'assignments' }>;
}): JSX.Element {
  if (route.name === 'forms') return <FormsListScreen workspaceId={route.workspaceId} />;
  if (route.name === 'assignments') return <AssignmentsScreen workspaceId={route.workspaceId} />;
  const props = { workspaceId: route.workspaceId, formId: route.formId };
  switch (route.view) {
    case 'preview':
      return <PreviewScreen {...props} />;
    case 'review':
      return <ReviewScreen {...props} />;
    case 'changes':
      return <ChangesScreen {...props} />;
    case 'assignments':
      return <AssignmentsView {...props} />;
    default:
      return <BuilderScreen key={route.formId} {...props} />;
  }
}
