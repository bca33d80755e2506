// Header on every screen: the app and workspace name, the language switch (also before sign-in),
// and, inside a workspace, navigation with icons and words.
import type { JSX } from 'preact';
import { call } from '../api.ts';
import { assignmentAbilities } from '../assignments/abilities.ts';
import { type Locale, locales, useI18n } from '../i18n/i18n.ts';
import { isCollectRoute, paths, type Route } from '../router.ts';
import { useApp } from '../state.ts';
import { hasOwnDetails } from '../workspaces/home.ts';
import { useWorkspace } from '../workspaces/useWorkspace.ts';
import { Icon, type IconName } from './icons.tsx';

export function Header({ route }: { route: Route }): JSX.Element {
  const { t, locale, setLocale } = useI18n();
  const { account, signedOut } = useApp();
  const workspaceId = 'workspaceId' in route ? route.workspaceId : null;
  const workspace = useWorkspace(account ? workspaceId : null);

  const signOut = async () => {
    try {
      await call('signOut', { body: { everywhere: false } });
    } finally {
      signedOut();
    }
  };

  const links: { href: string; icon: IconName; label: string; current: boolean }[] = [];
  if (workspace) {
    if (workspace.abilities.readPeople)
      links.push({
        href: paths.people(workspace.id),
        icon: 'people',
        label: t('nav.people'),
        current: route.name === 'people' || route.name === 'person' || route.name === 'newPerson',
      });
    else if (hasOwnDetails(workspace))
      links.push({
        href: paths.person(workspace.id, workspace.personId),
        icon: 'account',
        label: t('nav.myDetails'),
        current: route.name === 'person',
      });
    // Everyone who collects: researchers, and staff and coordinators who take in backup files.
    if (workspace.role === 'researcher' || workspace.role === 'staff' || workspace.role === 'coordinator')
      links.push({
        href: paths.collect(workspace.id),
        icon: 'forms',
        label: t('collect.nav'),
        current: isCollectRoute(route),
      });
    // Every role reads settlements (partners their profiles and aggregates, not where homes are).
    links.push({
      href: paths.settlements(workspace.id),
      icon: 'map',
      label: t('settlements.nav'),
      current:
        route.name === 'settlements' ||
        route.name === 'settlement' ||
        route.name === 'structure' ||
        route.name === 'round',
    });
    links.push({
      href: paths.forms(workspace.id),
      icon: 'forms',
      label: t('forms.nav'),
      current: route.name === 'forms' || route.name === 'form',
    });
    // Coordinators and staff give out work (the server refuses the others).
    if (assignmentAbilities(workspace.role).assign)
      links.push({
        href: paths.assignments(workspace.id),
        icon: 'check',
        label: t('assignments.nav'),
        current: route.name === 'assignments',
      });
    links.push({
      href: paths.members(workspace.id),
      icon: 'members',
      label: t('nav.members'),
      current: route.name === 'members' || route.name === 'inviteSlip',
    });
    if (workspace.abilities.readAudit)
      links.push({
        href: paths.audit(workspace.id),
        icon: 'audit',
        label: t('nav.audit'),
        current: route.name === 'audit',
      });
  }
  if (account) {
    links.push({
      href: paths.workspaces(),
      icon: 'home',
      label: t('nav.workspaces'),
      current: route.name === 'workspaces',
    });
    links.push({
      href: paths.account(),
      icon: 'account',
      label: t('nav.account'),
      current: route.name === 'account',
    });
  }

  return (
    <header class="app-header">
      <div class="header-row">
        <a class="brand" href={paths.home()}>
          <img src="/icons/icon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </a>
        {workspace && <span class="workspace-name">{workspace.name}</span>}
        <div class="language">
          <label for="language-switch">
            <Icon name="language" />
            <span>{t('language.label')}</span>
          </label>
          <select
            id="language-switch"
            value={locale}
            onChange={(event) => setLocale(event.currentTarget.value as Locale)}
          >
            {locales.map((code) => (
              <option key={code} value={code} lang={code}>
                {t(`language.${code}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {links.length > 0 && (
        <nav aria-label={t('nav.label')}>
          <ul class="nav-list">
            {links.map((link) => (
              <li key={link.href}>
                <a href={link.href} aria-current={link.current ? 'page' : undefined}>
                  <Icon name={link.icon} />
                  <span>{link.label}</span>
                </a>
              </li>
            ))}
            <li>
              <button type="button" class="nav-button" onClick={signOut}>
                <Icon name="signOut" />
                <span>{t('nav.signOut')}</span>
              </button>
            </li>
          </ul>
        </nav>
      )}
    </header>
  );
}
