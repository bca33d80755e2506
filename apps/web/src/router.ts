// A tiny router of our own on the history API: typed routes, one matcher, no dependency.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'home' }
  | { name: 'setup' }
  | { name: 'signIn' }
  | { name: 'join'; code: string }
  | { name: 'workspaces' }
  | { name: 'account' }
  | { name: 'people'; workspaceId: string }
  | { name: 'newPerson'; workspaceId: string }
  | { name: 'person'; workspaceId: string; personId: string }
  | { name: 'members'; workspaceId: string }
  | { name: 'inviteSlip'; workspaceId: string }
  | { name: 'audit'; workspaceId: string }
  | { name: 'forms'; workspaceId: string }
  | { name: 'form'; workspaceId: string; formId: string; view: FormView }
  | { name: 'assignments'; workspaceId: string }
  | { name: 'collect'; workspaceId: string }
  | { name: 'collectNew'; workspaceId: string; formId: string }
  | { name: 'collectWork'; workspaceId: string; workId: string }
  | { name: 'settlements'; workspaceId: string }
  | { name: 'settlement'; workspaceId: string; settlementId: string }
  | { name: 'structure'; workspaceId: string; settlementId: string; structureId: string }
  | { name: 'round'; workspaceId: string; settlementId: string; roundId: string }
  | { name: 'notFound' };

/** The collection screens: they work with no connection, so the shell lets them draw offline. */
export type CollectRoute = Extract<Route, { name: 'collect' | 'collectNew' | 'collectWork' }>;
export function isCollectRoute(route: Route): route is CollectRoute {
  return route.name === 'collect' || route.name === 'collectNew' || route.name === 'collectWork';
}

/** Builds the address of each route, so links cannot drift from the matcher below. */
export const paths = {
  home: () => '/',
  setup: () => '/setup',
  signIn: () => '/sign-in',
  join: (code?: string) => (code ? `/join?code=${encodeURIComponent(code)}` : '/join'),
  workspaces: () => '/workspaces',
  account: () => '/account',
  people: (workspaceId: string) => `/w/${workspaceId}/people`,
  newPerson: (workspaceId: string) => `/w/${workspaceId}/people/new`,
  person: (workspaceId: string, personId: string) => `/w/${workspaceId}/people/${personId}`,
  members: (workspaceId: string) => `/w/${workspaceId}/members`,
  inviteSlip: (workspaceId: string) => `/w/${workspaceId}/invites/slip`,
  audit: (workspaceId: string) => `/w/${workspaceId}/audit`,
  forms: (workspaceId: string) => `/w/${workspaceId}/forms`,
  form: (workspaceId: string, formId: string, view: FormView = 'build') =>
    `/w/${workspaceId}/forms/${formId}${view === 'build' ? '' : `?view=${view}`}`,
  assignments: (workspaceId: string) => `/w/${workspaceId}/assignments`,
  collect: (workspaceId: string) => `/w/${workspaceId}/collect`,
  collectNew: (workspaceId: string, formId: string) => `/w/${workspaceId}/collect/new/${formId}`,
  collectWork: (workspaceId: string, workId: string) => `/w/${workspaceId}/collect/work/${workId}`,
  settlements: (workspaceId: string) => `/w/${workspaceId}/settlements`,
  settlement: (workspaceId: string, settlementId: string) => `/w/${workspaceId}/settlements/${settlementId}`,
  structure: (workspaceId: string, settlementId: string, structureId: string) =>
    `/w/${workspaceId}/settlements/${settlementId}/structures/${structureId}`,
  round: (workspaceId: string, settlementId: string, roundId: string) =>
    `/w/${workspaceId}/settlements/${settlementId}/rounds/${roundId}`,
};

/**
 * A form's screens: the builder, the preview, co-design comments, changes since the last version,
 * and who it is given out to.
 */
export type FormView = 'build' | 'preview' | 'review' | 'changes' | 'assignments';
const formViews: readonly FormView[] = ['build', 'preview', 'review', 'changes', 'assignments'];
function formView(search: string): FormView {
  const view = new URLSearchParams(search).get('view');
  return formViews.find((v) => v === view) ?? 'build';
}

export function matchRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, workspaceId, area, id, extra] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (parts.length === 1) {
    if (first === 'setup') return { name: 'setup' };
    if (first === 'sign-in') return { name: 'signIn' };
    if (first === 'workspaces') return { name: 'workspaces' };
    if (first === 'account') return { name: 'account' };
    if (first === 'join') return { name: 'join', code: new URLSearchParams(search).get('code') ?? '' };
  }
  if (first === 'w' && workspaceId && area === 'collect' && parts.length <= 5) {
    if (id === undefined) return { name: 'collect', workspaceId };
    if (id === 'new' && extra) return { name: 'collectNew', workspaceId, formId: extra };
    if (id === 'work' && extra) return { name: 'collectWork', workspaceId, workId: extra };
  }
  if (first === 'w' && workspaceId && area === 'settlements') {
    if (parts.length === 3) return { name: 'settlements', workspaceId };
    if (id && parts.length === 4) return { name: 'settlement', workspaceId, settlementId: id };
    const structureId = parts[5];
    if (id && extra === 'structures' && structureId && parts.length === 6)
      return { name: 'structure', workspaceId, settlementId: id, structureId };
    if (id && extra === 'rounds' && structureId && parts.length === 6)
      return { name: 'round', workspaceId, settlementId: id, roundId: structureId };
  }
  if (first === 'w' && workspaceId && extra === undefined) {
    if (area === 'people' && id === undefined) return { name: 'people', workspaceId };
    if (area === 'people' && id === 'new') return { name: 'newPerson', workspaceId };
    if (area === 'people' && id) return { name: 'person', workspaceId, personId: id };
    if (area === 'members' && id === undefined) return { name: 'members', workspaceId };
    if (area === 'invites' && id === 'slip') return { name: 'inviteSlip', workspaceId };
    if (area === 'audit' && id === undefined) return { name: 'audit', workspaceId };
    if (area === 'assignments' && id === undefined) return { name: 'assignments', workspaceId };
    if (area === 'forms' && id === undefined) return { name: 'forms', workspaceId };
    if (area === 'forms' && id) return { name: 'form', workspaceId, formId: id, view: formView(search) };
  }
  return { name: 'notFound' };
}

const listeners = new Set<() => void>();

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

function current(): Route {
  return matchRoute(location.pathname, location.search);
}

/** The current route; re-renders on navigate() and on the back/forward buttons. */
export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    listeners.add(update);
    addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** Lets ordinary <a href> links inside the app navigate without a page load. */
export function onLinkClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
}
